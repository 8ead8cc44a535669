import { PORTS } from "../config/index.js";

/**
 * What an OTLP exporter's failure in an app's log shows: OTLP/HTTP sent to the gRPC port, gRPC
 * sent to the HTTP port, or nothing listening where it exports.
 */
type ExportProblem = "http-to-grpc" | "grpc-to-http" | "unreachable";

/** One known failure text of one SDK's exporter. */
export interface ExportErrorPattern {
  sdk: "Go" | "Node" | "Python" | "Java" | ".NET";
  problem: ExportProblem;
  pattern: RegExp;
}

const GRPC = PORTS.otlpGrpc;
const HTTP = PORTS.otlpHttp;

/**
 * The failures of the common SDKs' trace exporters, most specific first (a line matches the first
 * entry that fits). Each comment says where the text comes from: "captured" lines were produced
 * here by the real exporter against a local gRPC server, HTTP/1 server or closed port; the others
 * are quoted from the SDK's source or from upstream issue reports.
 */
export const EXPORT_ERROR_PATTERNS: readonly ExportErrorPattern[] = [
  // Go otlptracehttp v1.47.0 → grpc-go server, captured: `traces export: Post "http://…:4317/v1/
  // traces": net/http: HTTP/1.x transport connection broken: malformed HTTP response "\x00\x00\x06
  // \x04…"` (the server's HTTP/2 SETTINGS frame read as a status line).
  { sdk: "Go", problem: "http-to-grpc", pattern: /malformed HTTP response "\\x00\\x00/ },
  // Node exporter-trace-otlp-http / -proto 0.208.0 → gRPC server, captured (diag.error prints the
  // error as JSON): `{"stack":"Error: Parse Error: Expected HTTP/, RTSP/ or ICE/ …`.
  { sdk: "Node", problem: "http-to-grpc", pattern: /Parse Error: Expected HTTP\// },
  // Python opentelemetry-exporter-otlp-proto-http posts with requests and logs its error as the
  // reason of "Failed to export span batch code: None, reason: …" or "Transient error …
  // encountered while exporting span batch" (its source). requests 2.34, captured: against a
  // grpc-go server (the collector's) `('Connection aborted.', ConnectionResetError(104,
  // 'Connection reset by peer'))`, against a grpc-js one `('Connection aborted.',
  // BadStatusLine('\x00\x00…'))`. A reset alone is vague; from the HTTP exporter it is this.
  {
    sdk: "Python",
    problem: "http-to-grpc",
    pattern:
      /Connection aborted\.', (BadStatusLine\('\\x00|ConnectionResetError).*exporting span batch|span batch code: \w+, reason: \('Connection aborted\.', (BadStatusLine\('\\x00|ConnectionResetError)/,
  },
  // Java HttpExporter (OkHttp, HTTP/1.1) → gRPC port: "Failed to export spans. The request could
  // not be executed. Full error message: …" (opentelemetry-java source) with OkHttp's texts for a
  // reply that is no HTTP/1 status line. Not captured here.
  {
    sdk: "Java",
    problem: "http-to-grpc",
    pattern: new RegExp(
      `Failed to export spans\\. The request could not be executed\\..*(unexpected end of stream on|Unexpected status line).*:${GRPC}\\b`,
    ),
  },
  // .NET: "Exporter failed send data to collector to {0} endpoint" (OpenTelemetryProtocol
  // EventSource, opentelemetry-dotnet source); an OTLP/HTTP URL (`/v1/traces`) on the gRPC port,
  // as in opentelemetry-dotnet#3619 (`http://…:4317/v1/traces`, connection reset by peer).
  {
    sdk: ".NET",
    problem: "http-to-grpc",
    pattern: new RegExp(`Exporter failed send data to collector to \\S+:${GRPC}/v1/`),
  },
  // Go otlptracegrpc v1.47.0 → HTTP/1 server, captured: `traces export: rpc error: code =
  // Unavailable desc = connection error: desc = "error reading server preface: http2: failed
  // reading the frame payload: http2: frame too large, note that the frame header looked like an
  // HTTP/1.1 header"`.
  { sdk: "Go", problem: "grpc-to-http", pattern: /frame header looked like an HTTP\/1\.1 header/ },
  // Node exporter-trace-otlp-grpc 0.208.0 (grpc-js) → HTTP/1 server, captured: `14 UNAVAILABLE: No
  // connection established. Last error: Protocol error (…)`.
  {
    sdk: "Node",
    problem: "grpc-to-http",
    pattern: /UNAVAILABLE: No connection established\. Last error: Protocol error/,
  },
  // Java GrpcExporter (OkHttp, HTTP/2) → HTTP/1 server: "FRAME_SIZE_ERROR: 4740180", the bytes
  // "HTT" read as a frame length (opentelemetry-java-instrumentation#5534, #12096).
  { sdk: "Java", problem: "grpc-to-http", pattern: /FRAME_SIZE_ERROR: 4740180/ },
  // .NET gRPC → HTTP/1 server: "An HTTP/2 connection could not be established because the server
  // did not complete the HTTP/2 handshake." (System.Net.Http, as reported with the OTLP exporter).
  {
    sdk: ".NET",
    problem: "grpc-to-http",
    pattern: /server did not complete the HTTP\/2 handshake/,
  },
  // Python opentelemetry-exporter-otlp-proto-grpc logs only the status code with the endpoint:
  // "Failed to export traces to localhost:4318, error code: StatusCode.UNAVAILABLE" or "Transient
  // error StatusCode.UNAVAILABLE encountered while exporting traces to localhost:4318, …"
  // (exporter.py); UNAVAILABLE on the HTTP port is this mismatch.
  {
    sdk: "Python",
    problem: "grpc-to-http",
    pattern: new RegExp(
      `(StatusCode\\.UNAVAILABLE encountered while exporting traces to \\S+:${HTTP}\\b|Failed to export traces to \\S+:${HTTP}, error code: StatusCode\\.UNAVAILABLE)`,
    ),
  },
  // Go, both exporters → closed port, captured: `dial tcp 127.0.0.1:4317: connect: connection
  // refused` after `traces export: Post "…"` or `rpc error: code = Unavailable`.
  { sdk: "Go", problem: "unreachable", pattern: /traces export: .*connect: connection refused/ },
  // Node, both exporters → closed port, captured: `connect ECONNREFUSED 127.0.0.1:4318`.
  { sdk: "Node", problem: "unreachable", pattern: /connect ECONNREFUSED \S+:\d+/ },
  // Python: requests → closed port, captured: `… Failed to establish a new connection: [Errno 111]
  // Connection refused`; the gRPC exporter's UNAVAILABLE on the gRPC port (exporter.py, above).
  {
    sdk: "Python",
    problem: "unreachable",
    pattern: new RegExp(
      `(exporting span batch.*Connection refused|Failed to establish a new connection: \\[Errno 111\\] Connection refused|StatusCode\\.UNAVAILABLE encountered while exporting traces|Failed to export traces to \\S+, error code: StatusCode\\.UNAVAILABLE)`,
    ),
  },
  // Java: "Failed to export spans. The request could not be executed. Full error message: Failed
  // to connect to localhost/127.0.0.1:4317" (opentelemetry-java#4279).
  {
    sdk: "Java",
    problem: "unreachable",
    pattern: /Failed to export spans\. The request could not be executed\..*Failed to connect to/,
  },
  // .NET: the EventSource message with SocketException's text, "Connection refused" (Linux) or
  // "No connection could be made because the target machine actively refused it" (Windows).
  {
    sdk: ".NET",
    problem: "unreachable",
    pattern: /Exporter failed send data to collector.*(Connection refused|actively refused)/,
  },
];

/** The first export failure in an app's output, with the line that shows it, newest first. */
export function findExportError(
  lines: readonly string[],
): { entry: ExportErrorPattern; line: string } | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    const entry = EXPORT_ERROR_PATTERNS.find((e) => e.pattern.test(line));
    if (entry) return { entry, line };
  }
  return undefined;
}

/** A log line as a finding quotes it: one line, at most `max` characters. */
export function trimmed(line: string, max = 160): string {
  const flat = line.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
