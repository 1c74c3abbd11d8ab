export * from "./errors/index.js";
export * from "./model/index.js";
export * from "./org/index.js";
export * from "./outcome/index.js";
export * from "./register/index.js";
export * from "./replication/index.js";
export * from "./text/index.js";
