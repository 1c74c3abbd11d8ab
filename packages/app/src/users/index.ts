export { CreateUserInput, createUser } from "./create-user.js";
