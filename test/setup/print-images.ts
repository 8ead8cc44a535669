// `npm run test:images`: builds the missing integration-test images (real binaries from their Go
// modules) and prints them as the environment lines gini reads, e.g. for a manual `gini up`:
//   export $(npm run -s test:images)
import { buildTestImages } from "./images.js";

const images = await buildTestImages();
console.log(`GINI_OTEL_COLLECTOR_IMAGE=${images.collector}`);
console.log(`GINI_JAEGER_IMAGE=${images.jaeger}`);
console.log(`GINI_PROMETHEUS_IMAGE=${images.prometheus}`);
