// The language-server bench's pure parts: tsserver's message framing and the percentile the report gives.
import * as assert from 'node:assert/strict';

import { describe, it } from 'mocha';

import { positionOf } from './edit-plan';
import { percentile } from './language-server';
import { encodeRequest, MessageFramer } from './tsserver-protocol';

function framed(body: string): Buffer {
  const bytes = Buffer.from(body, 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]);
}

describe('bench: tsserver protocol', () => {
  it('writes a request as one line of JSON', () => {
    assert.equal(
      encodeRequest({ seq: 3, type: 'request', command: 'open', arguments: { file: '/a.ts' } }),
      '{"seq":3,"type":"request","command":"open","arguments":{"file":"/a.ts"}}\n',
    );
  });

  it('reads two messages that arrive in one chunk', () => {
    const framer = new MessageFramer();
    const messages = framer.push(
      Buffer.concat([
        framed('{"type":"event","event":"projectLoadingStart"}\n'),
        framed('{"type":"response","request_seq":2,"success":true,"body":[]}\n'),
      ]),
    );
    assert.deepEqual(messages, [
      { type: 'event', event: 'projectLoadingStart' },
      { type: 'response', request_seq: 2, success: true, body: [] },
    ]);
  });

  it('waits for a message split inside its header and inside a multi-byte character', () => {
    const whole = framed('{"type":"response","request_seq":1,"message":"naïve – ✓"}');
    const framer = new MessageFramer();
    const inHeader = 7;
    const inCharacter = whole.indexOf(Buffer.from('✓')) + 1;
    assert.deepEqual(framer.push(whole.subarray(0, inHeader)), []);
    assert.deepEqual(framer.push(whole.subarray(inHeader, inCharacter)), []);
    assert.deepEqual(framer.push(whole.subarray(inCharacter)), [
      { type: 'response', request_seq: 1, message: 'naïve – ✓' },
    ]);
  });

  it('says so when a header block has no Content-Length', () => {
    assert.throws(
      () => new MessageFramer().push(Buffer.from('Content-Type: x\r\n\r\n{}')),
      /without a Content-Length/,
    );
  });
});

describe('bench: percentile and positions', () => {
  it('takes the nearest rank', () => {
    const values = [50, 10, 40, 20, 30, 60, 70, 80, 90, 100];
    assert.equal(percentile(values, 0.5), 50);
    assert.equal(percentile(values, 0.95), 100);
    assert.equal(percentile([7], 0.95), 7);
    assert.ok(Number.isNaN(percentile([], 0.5)));
  });

  it('counts lines and UTF-16 characters from zero', () => {
    const text = 'ab\nc✓d\n';
    assert.deepEqual(positionOf(text, 0), { line: 0, character: 0 });
    assert.deepEqual(positionOf(text, 3), { line: 1, character: 0 });
    assert.deepEqual(positionOf(text, text.indexOf('d')), { line: 1, character: 2 });
  });
});
