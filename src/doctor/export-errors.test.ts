import { describe, expect, it } from "vitest";

import { EXPORT_ERROR_PATTERNS, findExportError, trimmed } from "./export-errors.js";

/**
 * Real lines: "captured" ones were written here by the exporter itself (Go otlptrace v1.47.0,
 * Node exporters 0.208.0 on Node 20, Python requests 2.34) against a local server of the other
 * protocol or a closed port; the rest are quoted from upstream source and issue reports.
 */
const LINES = [
  // captured: Go otlptracehttp → gRPC (the report shows the same with /v1/traces)
  [
    "Go",
    "http-to-grpc",
    `2026/12/02 14:34:30 traces export: Post "http://localhost:4317/v1/traces": net/http: HTTP/1.x transport connection broken: malformed HTTP response "\\x00\\x00\\x06\\x04\\x00\\x00\\x00\\x00\\x00\\x00\\x05\\x00\\x00@\\x00"`,
  ],
  // captured: Node exporter-trace-otlp-http → gRPC
  [
    "Node",
    "http-to-grpc",
    String.raw`{"stack":"Error: Parse Error: Expected HTTP/, RTSP/ or ICE/\n    at Socket.socketOnData (node:_http_client:544:22)","message":"Parse Error: Expected HTTP/, RTSP/ or ICE/","bytesParsed":"0","code":"HPE_INVALID_CONSTANT","reason":"Expected HTTP/, RTSP/ or ICE/","name":"Error"}`,
  ],
  // captured reason (requests), in the exporter's log format (opentelemetry-python source)
  [
    "Python",
    "http-to-grpc",
    String.raw`Transient error ('Connection aborted.', BadStatusLine('\x00\x00\x00\x04\x00\x00\x00\x00\x00\x00\x00\x08\x07\x00')) encountered while exporting span batch, retrying in 1.04s.`,
  ],
  // captured reason (requests → grpc-go, the collector's server), both of the exporter's formats
  [
    "Python",
    "http-to-grpc",
    String.raw`Transient error ('Connection aborted.', ConnectionResetError(104, 'Connection reset by peer')) encountered while exporting span batch, retrying in 1.91s.`,
  ],
  [
    "Python",
    "http-to-grpc",
    String.raw`Failed to export span batch code: None, reason: ('Connection aborted.', ConnectionResetError(104, 'Connection reset by peer'))`,
  ],
  // .NET, opentelemetry-dotnet#3619
  [
    ".NET",
    "http-to-grpc",
    "Exporter failed send data to collector to http://localhost:4317/v1/traces endpoint. Data will not be sent. Exception: System.Net.Http.HttpRequestException: An error occurred while sending the request.",
  ],
  // captured: Go otlptracegrpc → HTTP/1
  [
    "Go",
    "grpc-to-http",
    `2026/12/02 14:34:30 traces export: rpc error: code = Unavailable desc = connection error: desc = "error reading server preface: http2: failed reading the frame payload: http2: frame too large, note that the frame header looked like an HTTP/1.1 header"`,
  ],
  // captured: Node exporter-trace-otlp-grpc → HTTP/1
  [
    "Node",
    "grpc-to-http",
    String.raw`{"stack":"Error: 14 UNAVAILABLE: No connection established. Last error: Protocol error (2026-12-02T14:34:21.594Z). Resolution note: \n    at callErrorFromStatus","message":"14 UNAVAILABLE: No connection established. Last error: Protocol error (2026-12-02T14:34:21.594Z). Resolution note: ","code":"14"}`,
  ],
  // Java, opentelemetry-java-instrumentation#12096
  [
    "Java",
    "grpc-to-http",
    "[otel.javaagent 2024-08-23 15:39:02:892 +0800] [OkHttp http://172.16.1.61:4318/...] WARN io.opentelemetry.exporter.internal.grpc.GrpcExporter - Failed to export spans. Server responded with gRPC status code 2. Error message: FRAME_SIZE_ERROR: 4740180",
  ],
  [
    ".NET",
    "grpc-to-http",
    'Exporter failed send data to collector to http://localhost:4318/ endpoint. Data will not be sent. Exception: Grpc.Core.RpcException: Status(StatusCode="Unavailable", Detail="Error starting gRPC call. HttpRequestException: An HTTP/2 connection could not be established because the server did not complete the HTTP/2 handshake.")',
  ],
  // opentelemetry-python exporter.py format
  [
    "Python",
    "grpc-to-http",
    "Transient error StatusCode.UNAVAILABLE encountered while exporting traces to localhost:4318, retrying in 1.02s.",
  ],
  // captured: Go, both exporters → closed port
  [
    "Go",
    "unreachable",
    `2026/12/02 14:34:30 traces export: Post "http://127.0.0.1:4318/v1/traces": dial tcp 127.0.0.1:4318: connect: connection refused`,
  ],
  [
    "Go",
    "unreachable",
    `2026/12/02 14:34:30 traces export: rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial tcp 127.0.0.1:4317: connect: connection refused"`,
  ],
  // captured: Node → closed port
  [
    "Node",
    "unreachable",
    String.raw`{"stack":"Error: connect ECONNREFUSED 127.0.0.1:4318\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16)","message":"connect ECONNREFUSED 127.0.0.1:4318","errno":"-111","code":"ECONNREFUSED"}`,
  ],
  // captured reason (requests → closed port) in the exporter's format
  [
    "Python",
    "unreachable",
    `Transient error HTTPConnectionPool(host='localhost', port=4318): Max retries exceeded with url: /v1/traces (Caused by NewConnectionError("HTTPConnection(host='localhost', port=4318): Failed to establish a new connection: [Errno 111] Connection refused")) encountered while exporting span batch, retrying in 0.93s.`,
  ],
  [
    "Python",
    "unreachable",
    "Failed to export traces to localhost:4317, error code: StatusCode.UNAVAILABLE",
  ],
  // Java, opentelemetry-java#4279
  [
    "Java",
    "unreachable",
    "io.opentelemetry.exporter.internal.grpc.OkHttpGrpcExporter - Failed to export spans. The request could not be executed. Full error message: Failed to connect to localhost/127.0.0.1:4317",
  ],
] as const;

describe("the export error table", () => {
  it.each(LINES)("knows a %s %s line", (sdk, problem, line) => {
    expect(findExportError([line])?.entry).toMatchObject({ sdk, problem });
  });

  it("has a real line for every entry", () => {
    const matched = new Set(LINES.map(([, , line]) => findExportError([line])?.entry));
    const untested = EXPORT_ERROR_PATTERNS.filter((e) => !matched.has(e));
    // Java's HTTP exporter to the gRPC port and .NET refused: no real line was found or made.
    expect(untested.map((e) => `${e.sdk} ${e.problem}`)).toEqual([
      "Java http-to-grpc",
      ".NET unreachable",
    ]);
  });

  it("ignores an app's ordinary output and takes the newest failure", () => {
    expect(findExportError(["listening on :8000", "GET /health 200"])).toBeUndefined();
    // A reset outside the exporter is not evidence.
    const reset = "('Connection aborted.', ConnectionResetError(104, 'Connection reset by peer'))";
    expect(findExportError([`GET http://payments/ failed: ${reset}`])).toBeUndefined();
    const line = (sdk: string, problem: string) =>
      LINES.find(([s, p]) => s === sdk && p === problem)![2];
    const found = findExportError([
      line("Go", "http-to-grpc"),
      "GET /health 200",
      line("Go", "grpc-to-http"),
    ]);
    expect(found?.entry.problem).toBe("grpc-to-http");
  });

  it("trims a quoted line to one short line", () => {
    expect(trimmed("a\n   b")).toBe("a b");
    expect(trimmed("x".repeat(200))).toHaveLength(160);
  });
});
