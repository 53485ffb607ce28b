// Lint for the whole project, run by `npm test` (npm run lint). Besides the recommended TypeScript and React
// hooks rules it checks the folder boundaries README describes: the 3D scene and the DOM overlay never import
// each other, and the domain (booking, content, plan, routes) imports nothing of React, three, the store or the
// UI. That the domain also uses no DOM or Node API is checked by tsconfig.domain.json, which gives it neither.
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const DOMAIN = ['src/booking/**', 'src/content/**', 'src/plan/**', 'src/routes/**', 'src/live/**']

/** `no-restricted-imports` patterns: each group names what a folder must not reach, and why. */
const forbid = (groups) => ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }]

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', '.data/**', 'coverage/**', 'src/offline/serviceWorker.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // tests and the debug bridge reach into the page's globals on purpose
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // Playwright reads a test's fixtures from its first parameter, which must be a destructuring pattern, even `{}`
    files: ['tests/e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    // ambient declarations of globals are what `var` is for
    files: ['**/*.d.ts'],
    rules: { 'no-var': 'off' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/scene/**'],
    rules: { 'no-restricted-imports': forbid([[['**/ui/**', '**/ui'], 'The 3D scene does not import the DOM overlay: share state through the store.']]) },
  },
  {
    files: ['src/ui/**'],
    rules: { 'no-restricted-imports': forbid([[['**/scene/**', '**/scene'], 'The DOM overlay does not import the 3D scene: share state through the store.']]) },
  },
  {
    // the 360° view loads instead of the hall on phones too weak for it: nothing of the hall's chunk may come along
    files: ['src/panorama/**'],
    rules: {
      'no-restricted-imports': forbid([
        [['three', 'three/*', '@react-three/*', '**/scene/**', '**/scene'], 'The 360° view is raw WebGL: it must load without the 3D hall and three.js.'],
      ]),
    },
  },
  {
    files: DOMAIN,
    rules: {
      'no-restricted-imports': forbid([
        [['react', 'react-dom', 'react/*', 'react-dom/*'], 'The domain is pure TypeScript shared with the server: no React.'],
        [['three', 'three/*', '@react-three/*'], 'The domain knows no 3D engine.'],
        [['zustand', 'zustand/*', '**/state/**', '**/state'], 'The domain does not reach into the app store.'],
        [['**/ui/**', '**/scene/**', '**/console/**', '**/controls/**', '**/offline/**', '**/server/**'], 'The domain imports only the domain.'],
      ]),
    },
  },
)
