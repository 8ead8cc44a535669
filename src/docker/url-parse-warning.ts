/**
 * docker-modem builds its request URL for an `ssh://` engine with Node's legacy `url.parse` from
 * the bare host, which Node flags as an invalid URL (DEP0170, "future versions of Node.js will
 * throw") on every command. The URL is never dialled (the ssh agent carries the request), so the
 * warning tells the user nothing: it is dropped, and only it. Should a later Node throw instead,
 * ssh engines would fail with that error until docker-modem builds the URL differently.
 */
export function dropUrlParseWarning(): void {
  if (installed) return;
  installed = true;
  const emit = process.emitWarning.bind(process);
  process.emitWarning = (warning: string | Error, ...rest: unknown[]) => {
    const [first, code] = rest;
    const codeOf =
      typeof first === "object" && first !== null ? (first as { code?: unknown }).code : code;
    if (codeOf === "DEP0170") return;
    (emit as (...args: unknown[]) => void)(warning, ...rest);
  };
}

let installed = false;
