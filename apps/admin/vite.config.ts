import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  server: {
    // `pnpm --filter @lantoa/admin dev` talks to a gateway started by `npm start`.
    proxy: { "/graphql": "http://localhost:4000" },
  },
  build: { outDir: "dist", sourcemap: true },
});
