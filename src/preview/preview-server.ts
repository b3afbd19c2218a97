// keikaku preview: serves the HTML edition on 127.0.0.1, rebuilds it when data/ or templates/
// change, and reloads the page (Server-Sent Events). Invalid data shows its messages in the
// page; the server keeps running.
import { watchFolder } from './watch-folder.ts';
import { createServer, type ServerResponse } from 'node:http';
import path from 'node:path';
import { formatText } from '../diagnostics/reporters.ts';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { validatePlan } from '../data/validate.ts';
import { escapeHtml } from '../backends/html/to-html.ts';
import { isEmbedded } from '../io/own-files.ts';
import { readDataDir } from '../io/read-data-dir.ts';
import { creationDate } from '../pipeline/document-job.ts';
import { loadRenderInputs, validationFor } from '../pipeline/load-inputs.ts';
import { renderDocument } from '../pipeline/render-document.ts';
import { planView } from '../views/plan-view.ts';

export interface PreviewOptions {
  readonly cwd: string;
  readonly dataDir: string;
  readonly templatesDir: string;
  /** keikaku's own fonts/ when absent. */
  readonly fontsDir?: string;
  readonly port: number;
  readonly log?: (line: string) => void;
}

export interface Preview {
  readonly url: string;
  /** Resolves after the next rebuild (for tests). */
  readonly rebuilt: () => Promise<void>;
  readonly close: () => Promise<void>;
}

// Reconnects by itself if the server restarts; reloads on each rebuild.
const RELOAD_SCRIPT = `<script>(() => { const events = new EventSource('/events'); events.addEventListener('reload', () => location.reload()); })();</script>\n`;

function errorPage(diagnostics: readonly Diagnostic[]): string {
  const errors = sortDiagnostics(diagnostics).filter((d) => d.severity === 'error');
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>データにエラーがあります — keikaku preview</title>
<style>body{font-family:"BIZ UDGothic",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}li{margin:.5rem 0;font-family:monospace;white-space:pre-wrap}h1{color:#8a1c1c}</style></head>
<body><main><h1>データにエラーがあります（${errors.length}件）</h1><p>直して保存すると、このページは自動で更新されます。</p>
<ul>${errors.map((d) => `<li>${escapeHtml(formatText(d))}</li>`).join('')}</ul></main>
${RELOAD_SCRIPT}</body></html>
`;
}

export async function buildPreviewPage(
  options: Pick<PreviewOptions, 'cwd' | 'dataDir' | 'templatesDir' | 'fontsDir'>,
): Promise<{ html: string; diagnostics: Diagnostic[] }> {
  const read = await readDataDir(options.dataDir, options.cwd);
  const inputs = await loadRenderInputs(options);
  const validated = validatePlan(read.files, read.diagnostics, validationFor(inputs.value));
  const diagnostics = [...validated.diagnostics, ...inputs.diagnostics];
  const plan = validated.value;
  if (!plan || !inputs.value || hasErrors(diagnostics)) return { html: errorPage(diagnostics), diagnostics };
  const rendered = await renderDocument(
    { name: 'preview', template: 'plan', view: planView(plan) },
    { ...inputs.value, formats: ['html'], creationDate: creationDate(plan) },
  );
  diagnostics.push(...rendered.diagnostics);
  const bytes = rendered.files?.[0]?.bytes;
  if (!bytes) return { html: errorPage(diagnostics), diagnostics };
  // The HTML edition as published, with the reload script just before </body>.
  const html = new TextDecoder().decode(bytes);
  const end = html.lastIndexOf('</body>');
  return { html: `${html.slice(0, end)}${RELOAD_SCRIPT}${html.slice(end)}`, diagnostics };
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const log = options.log ?? (() => {});
  let page = (await buildPreviewPage(options)).html;
  const clients = new Set<ServerResponse>();
  let waiters: (() => void)[] = [];

  const server = createServer((request, response) => {
    // DNS rebinding: a page on another site could point its own name at 127.0.0.1 and read the
    // draft plan. Only requests that name this machine are answered.
    if (!isLocalHost(request.headers.host)) {
      response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('このプレビューは、このパソコンの http://127.0.0.1 または http://localhost からだけ開けます');
      return;
    }
    if (request.url === '/events') {
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      response.write(': keikaku\n\n');
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    if (request.url === '/' || request.url?.startsWith('/?') || request.url === '/index.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(page);
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('見つかりません');
  });

  let timer: NodeJS.Timeout | undefined;
  let building = Promise.resolve();
  const rebuild = () => {
    clearTimeout(timer);
    // Editors save in several steps: wait for the burst to end.
    timer = setTimeout(() => {
      building = building.then(async () => {
        const result = await buildPreviewPage(options);
        page = result.html;
        const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
        log(errors ? `データにエラーが${errors}件あります（ページに表示しています）` : '更新しました');
        for (const client of clients) client.write('event: reload\ndata: \n\n');
        const done = waiters;
        waiters = [];
        done.forEach((w) => w());
      });
    }, 80);
  };
  // The executable's own templates are embedded, not a folder: nothing to watch.
  const watchers = [options.dataDir, options.templatesDir]
    .map((dir) => path.resolve(options.cwd, dir))
    .filter((dir) => !isEmbedded(dir))
    .map((dir) => watchFolder(dir, rebuild));

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, '127.0.0.1', () => resolve());
    });
  } catch (error) {
    // Nothing may keep the process alive after a failed start (the command exits with a message).
    clearTimeout(timer);
    watchers.forEach((w) => w.close());
    throw error;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://127.0.0.1:${port}/`,
    rebuilt: () => new Promise<void>((resolve) => waiters.push(resolve)),
    close: async () => {
      clearTimeout(timer);
      watchers.forEach((w) => w.close());
      for (const client of clients) client.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** `127.0.0.1:8080`, `localhost:8080`, `[::1]:8080` (any port): the names of this machine. */
export function isLocalHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.replace(/:\d+$/, '').toLowerCase();
  return name === '127.0.0.1' || name === 'localhost' || name === '[::1]';
}
