// The evidence stores alone, for the command line (`@lantoa/gateway/storage`): it moves
// files between them without loading the GraphQL schema.
export { type EvidenceStorage, localFolderStorage, type StoredFile } from "./evidence-storage.js";
export { describeObjectStore, loadObjectStore } from "./object-store-config.js";
export { type S3StorageOptions, s3Storage } from "./s3-storage.js";
