// The first line of every chunk of msk's build (msk.vite.config.ts), which its loader
// (compile-cache.ts) runs as a script: the function of a CommonJS module, taking what Node's
// CommonJS loader gives one. A chunk is that function's body, then `})`.
export const CHUNK_WRAPPER = '(function (exports, require, module, __filename, __dirname) {';
