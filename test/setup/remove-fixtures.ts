// Run by both vitest projects before each test file: the project fixtures and temporary folders
// a file made (test/helpers/project-fixture.ts) are removed once its tests are done.
import { afterAll } from "vitest";

import { removeProjectFixtures } from "../helpers/project-fixture.js";

afterAll(removeProjectFixtures);
