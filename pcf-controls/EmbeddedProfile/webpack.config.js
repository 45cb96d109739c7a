// Merged by pcf-scripts into its webpack config (featureconfig.json turns pcfAllowCustomWebpack on): bundle the
// shared core from its TypeScript sources, so the control gets only the rules it imports (tree-shaken ES modules)
// and its build never depends on shared-ts/dist being current.
const path = require('path');

module.exports = {
  resolve: {
    alias: { '@navsync/shared-ts$': path.resolve(__dirname, '../../shared-ts/src/domain/index.ts') },
  },
};
