import type { DockerClient, PullProgress } from "../docker/index.js";
import { errorMessage, GiniError } from "../errors.js";

/** The --pull policy, as docker compose spells it. */
export type PullPolicy = "missing" | "always" | "never";

/** Progress of one image, for the CLI to draw. */
export interface PullEvent {
  image: string;
  progress: PullProgress;
}

/**
 * Makes sure every image is present according to the policy, pulling concurrently, and returns
 * each image's ID. `images` maps the image to the service that wants it, for error messages.
 */
export async function ensureImages(
  docker: DockerClient,
  images: Map<string, string>,
  policy: PullPolicy,
  onPull: (event: PullEvent) => void,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  await Promise.all(
    [...images].map(async ([image, service]) => {
      let id = await docker.imageId(image);
      if (!id && policy === "never") {
        throw new GiniError(
          `image ${image} for ${service} is not present and --pull never forbids pulling it`,
          { hint: `pull it (\`docker pull ${image}\`) or run \`gini up --pull missing\`` },
        );
      }
      if (!id || policy === "always") {
        try {
          await docker.pullImage(image, (progress) => onPull({ image, progress }));
        } catch (err) {
          throw new GiniError(
            `pulling ${image} for ${service} failed: ${errorMessage(err).split("\n")[0]}`,
            {
              hint:
                "check the image name and your network or registry login; a local image can be set with " +
                "GINI_*_IMAGE or stack.<service>.image in gini.yaml",
              cause: err,
            },
          );
        }
        onPull({ image, progress: { status: "done" } });
        id = await docker.imageId(image);
      }
      if (!id)
        throw new GiniError(`image ${image} for ${service} is missing after pulling it`, {
          hint: "pull it by hand and retry",
        });
      ids.set(image, id);
    }),
  );
  return ids;
}
