// Two vitest projects: fast unit tests, and the site tests, which build the course once (globalSetup)
// and then check dist/ as files and in Chromium. `npx vitest run test/lib` never pays for the build.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/**/*.test.ts", "lib/**/*.test.ts", "src/**/*.test.ts"],
          exclude: ["test/site/**"]
        }
      },
      {
        test: {
          name: "site",
          include: ["test/site/**/*.test.ts"],
          globalSetup: ["test/site/globalSetup.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000
        }
      }
    ]
  }
});
