// codegen.yml: every selection of the UI's documents asks for `__typename`, as Apollo Client's
// cache needs, so a query sent without Apollo (src/web/app/early-requests.ts) gets an answer the
// cache can take as it is. (A YAML config names a transform by module path, hence this file.)
exports.transform = require('@graphql-codegen/client-preset').addTypenameSelectionDocumentTransform.transform;
