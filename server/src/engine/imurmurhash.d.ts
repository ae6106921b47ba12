// The types of `imurmurhash` (MurmurHash3, the hash ESLint names a suppressions file in a folder by), which ships none.
declare module 'imurmurhash' {
  interface MurmurHash3 {
    hash(key: string): MurmurHash3;
    result(): number;
    reset(seed?: number): MurmurHash3;
  }
  function murmur(key?: string, seed?: number): MurmurHash3;
  export = murmur;
}
