// A tiny static server for a built site, on 127.0.0.1, under the site's base path, with Framework's
// clean URLs: /downhill/momentum serves momentum.html, /downhill/ serves index.html.
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".csv": "text/csv; charset=utf-8",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm"
};

export interface StaticServer {
  /** The site's root URL, ending with the base path, e.g. http://127.0.0.1:41234/downhill/ */
  url: string;
  close(): Promise<void>;
}

function resolveFile(dir: string, path: string): string | null {
  const file = normalize(join(dir, path));
  if (!file.startsWith(dir)) return null;
  const candidates = path.endsWith("/") ? [join(file, "index.html")] : [file, `${file}.html`, join(file, "index.html")];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile()) ?? null;
}

export async function serveSite(dir: string, base: string): Promise<StaticServer> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    const file = path.startsWith(base) ? resolveFile(dir, path.slice(base.length - 1)) : null;
    if (!file) {
      response.writeHead(404, { "content-type": types[".html"] });
      const notFound = join(dir, "404.html");
      if (existsSync(notFound)) createReadStream(notFound).pipe(response);
      else response.end("Not found");
      return;
    }
    response.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })
  };
}
