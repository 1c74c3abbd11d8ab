export * from "./errors/index.js";
export * from "./org/index.js";
