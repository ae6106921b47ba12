// The key an object literal's property is written with, when it is written out: `timeout` in `{ timeout: 5 }` and in
// `{ 'timeout': 5 }`; none for a computed key (`{ [name]: 5 }`).
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

export function propertyKey(property: TSESTree.Property): string | undefined {
  if (property.computed) return undefined;
  if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  return property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : undefined;
}

/** The property of `object` with key `key` that takes effect (the last one). */
export function findProperty(
  object: TSESTree.ObjectExpression,
  key: string,
): TSESTree.Property | undefined {
  return object.properties.findLast(
    (property): property is TSESTree.Property =>
      property.type === AST_NODE_TYPES.Property && propertyKey(property) === key,
  );
}
