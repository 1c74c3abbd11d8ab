export type { DocumentTypeDecoration } from "./document-type-decoration.js";
export * from "./graphql.gen.js";
export {
  type GraphQLErrorEntry,
  GraphQLRequestError,
  isDomainError,
  type RequestOptions,
  request,
} from "./request.js";
