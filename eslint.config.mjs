// ESLint (typescript-eslint's recommended rules) over the TypeScript sources and tests; `npm run lint`.
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "rendered/", "**/*.cjs", "**/*.mjs"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      // Unused names are already errors of the type check (noUnusedLocals); `_` marks one kept on purpose.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      // Node's CommonJS loader: the CLIs' `require.main === module` and lazy requires of optional parsers.
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  {
    // Pulumi's mocks hand resource inputs over untyped; these tests read them as such.
    files: ["test/emit/pulumi/**", "test/support/pulumi-mocks.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
