/**
 * Named predicates for the engine's HTTP answers, so callers say what they tolerate ("already
 * gone", "already stopped") instead of comparing status codes; docker/compose does the same with
 * its errdefs sentinels. Docker Engine and Podman's Docker API answer with the same statuses.
 */
const statusOf = (err: unknown): number | undefined =>
  typeof err === "object" && err !== null ? (err as { statusCode?: number }).statusCode : undefined;

/** The object does not exist (404): a container, image or network that is already gone. */
export const isNotFound = (err: unknown): boolean => statusOf(err) === 404;

/** The request conflicts with the object's state (409), e.g. a removal already in progress. */
export const isConflict = (err: unknown): boolean => statusOf(err) === 409;

/** Nothing changed (304), e.g. stopping a container that is already stopped. */
export const isNotModified = (err: unknown): boolean => statusOf(err) === 304;
