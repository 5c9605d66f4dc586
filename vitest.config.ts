import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS (main) and ESM (module) builds. Node, and so yoga and Pothos, load
    // the CommonJS one; without this alias Vite would give our sources the ESM one, and yoga's
    // `instanceof GraphQLError` would no longer recognise our BAD_USER_INPUT errors (it would mask them).
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
