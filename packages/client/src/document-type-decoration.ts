/**
 * What a typed document carries: its result and variables types, and nothing at run time.
 * The same shape as `DocumentTypeDecoration` of `@graphql-typed-document-node/core` (the type
 * urql, Apollo Client and graphql-request accept), copied so this package has no dependencies:
 * TypeScript compares the two by structure, so our documents work with those clients too.
 */
export interface DocumentTypeDecoration<TResult, TVariables> {
  /** Never set: it only carries the types. */
  __apiType?: (variables: TVariables) => TResult;
}
