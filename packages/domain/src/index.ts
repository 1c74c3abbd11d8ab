export * from "./criteria/index.js";
export * from "./errors/index.js";
export * from "./org/index.js";
export * from "./scoring/index.js";
