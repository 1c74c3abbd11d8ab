export { SignInInput, signIn } from "./sign-in.js";
export { SignOutInput, signOut } from "./sign-out.js";
