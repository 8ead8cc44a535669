// Run by both vitest projects before each test file: the project fixtures and temporary folders
// a file made (src/config/project.fake.ts) are removed once its tests are done.
import { afterAll } from "vitest";

import { removeProjectFixtures } from "../../src/config/project.fake.js";

afterAll(removeProjectFixtures);
