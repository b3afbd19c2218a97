// keikaku init DIR: a town's own data repository, ready to build: data/ (keikaku's sample town,
// to be replaced by the town's plan), a templates/ that lies over keikaku's own (the theme, to
// change the look; any template put there replaces keikaku's of that name), .gitignore, a CI
// workflow and a README with the yearly procedure. Never written over an existing folder.
import path from 'node:path';
import { createFolder, folderExists } from '../io/create-folder.ts';
import { ownRoot, ownTemplatesDir, readAnyFile, readAnyFolder, singleExecutable } from '../io/own-files.ts';
import { displayPath } from '../io/paths.ts';
import { EXIT, UsageError, type Command } from './command.ts';
import { parseOptions } from './options.ts';

/** keikaku's sample town: the data a new repository starts from. */
const SAMPLE_DATA = 'examples/sample-city/data';

export const run: Command = async (args, io) => {
  parseOptions(
    args.filter((a) => a.startsWith('-')),
    {},
  );
  const positional = args.filter((a) => !a.startsWith('-'));
  const given = positional[0];
  if (!given || positional.length > 1)
    throw new UsageError('作るフォルダを1つ指定してください（例: keikaku init tone-keikaku）');
  const target = path.resolve(io.cwd, given);
  const shown = displayPath(target, io.cwd);
  if (await folderExists(target)) {
    io.stderr(`keikaku init: ${shown} は既にあります。上書きはしません。新しいフォルダ名を指定してください\n`);
    return EXIT.failed;
  }
  const files = new Map<string, string>();
  await addFilesUnder(files, path.join(ownRoot(), ...SAMPLE_DATA.split('/')), 'data/');
  files.set('templates/theme.yaml', await readText(path.join(ownTemplatesDir(), 'theme.yaml')));
  files.set('templates/README.md', TEMPLATES_README);
  files.set('.gitignore', 'out/\nnode_modules/\n');
  files.set('.github/workflows/keikaku.yml', WORKFLOW);
  files.set('README.md', readme(path.basename(target)));
  // Under Node the repository names this keikaku as its dependency, so that `npx keikaku` runs it.
  if (!singleExecutable()) files.set('package.json', packageJson(path.basename(target), ownRoot()));
  await createFolder(target, files);
  io.stdout(
    `${shown} に計画のデータのリポジトリを作りました（data/ は見本の町。町の計画に置き換えてください）。\n` +
      (singleExecutable()
        ? `${shown} で keikaku build を実行すると文書ができます。\n`
        : `${shown} で npm install のあと npx keikaku build を実行すると文書ができます。\n`),
  );
  return EXIT.ok;
};

/** Every file under `dir` (keikaku's own, so perhaps embedded) into `files`, each read once. */
async function addFilesUnder(files: Map<string, string>, dir: string, prefix: string): Promise<void> {
  for (const name of (await readAnyFolder(dir)).sort()) {
    const text = await readText(path.join(dir, name)).catch(() => undefined);
    if (text !== undefined) files.set(`${prefix}${name}`, text);
    else await addFilesUnder(files, path.join(dir, name), `${prefix}${name}/`);
  }
}

const readText = async (file: string) => (await readAnyFile(file)).toString('utf8');

function packageJson(name: string, keikaku: string): string {
  const pkg = {
    name: `${
      name
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'plan'
    }-data`,
    private: true,
    description: '実施計画のデータ（keikaku で文書にする）',
    scripts: {
      build: 'keikaku build',
      validate: 'keikaku validate',
      'validate:strict': 'keikaku validate --strict',
    },
    // The keikaku this repository was made with. For CI, name where the town keeps keikaku
    // instead (README.md): "github:town/keikaku#v1.0.0", say.
    devDependencies: { keikaku: `file:${keikaku.replace(/[\\/]+$/, '')}` },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

const TEMPLATES_README = `# templates/（町の様式）

このフォルダのファイルは keikaku に同梱のテンプレートの上に重なります。同じ名前のファイルを置くと、
そのファイルだけが町のものに替わり、ほかは keikaku のものを使います。

- \`theme.yaml\` — 文書の見た目（用紙、余白、フォント、文字の大きさ、色、決まり文句）。keikaku のものの写しです。
- 表紙や施策のページを変えるときは、keikaku の \`templates/partials/cover.hbs\` などをここの \`partials/\` に写して
  編集します（書き方は keikaku の templates/README.md）。
`;

const WORKFLOW = `# 計画のデータが変わるたびに検証し、文書を作る（GitHub Actions）。
# package.json の keikaku を、町が keikaku を置いている場所（github:町/keikaku#v1.0.0 など）にしてから使います。
name: keikaku

on:
  push:
    branches: [main]
  pull_request:

jobs:
  documents:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # 新旧対照表に前のコミットが要る

      - uses: actions/setup-node@v4
        with:
          node-version: 22

      - run: npm install --no-audit --no-fund

      - name: データを検証する（問題は YAML の行に注釈で出ます）
        run: npx keikaku validate --format github

      - name: 文書を作る
        run: npx keikaku build

      - name: base ブランチとの新旧対照表を作る
        if: github.event_name == 'pull_request'
        run: npx keikaku diff --old-rev "origin/\${{ github.base_ref }}"

      - uses: actions/upload-artifact@v4
        with:
          name: keikaku-documents
          path: out/
          if-no-files-found: error
`;

function readme(name: string): string {
  return `# ${name}

実施計画のデータです。keikaku（https://github.com/ の町の keikaku リポジトリ、または役場の PC 用の実行ファイル）で
PDF・Word・HTML にします。

- \`data/\` — 計画のデータ（plan.yaml、departments.yaml、measures/*.yaml）。最初は keikaku の見本の町のデータです。
- \`templates/\` — 町の様式（keikaku の様式の上に重なります。templates/README.md）。
- \`out/\` — できた文書（git には入れません）。

## 文書を作る

\`\`\`sh
npm install          # keikaku を入れる（package.json の devDependencies）
npx keikaku build    # data/ を検証し、out/ に実施計画と担当課別抜粋を書き出す
\`\`\`

役場の PC では、keikaku の実行ファイル（keikaku-win-x64.exe）をこのフォルダに置いてダブルクリックしても作れます。

## 毎年の手順（ローリング）

1. \`npx keikaku roll --to 2025 --out data-2025\` — 次の年度の計画のデータを新しいフォルダに作ります。新しい最終年度は
   前の最終年度から写し、\`carriedOver\` の印を付けます。
2. \`npx keikaku sheets export --data data-2025\` — 各課への照会票（\`out/照会票/<担当課>.xlsx\`。写した年度は黄色）。
   回答期限と提出先を書いて送り、回答された照会票を同じ名前で \`out/照会票/\` に戻します。
3. \`npx keikaku sheets import out/照会票 --data data-2025 --dry-run\` で変更の一覧を見てから、\`--dry-run\` なしで
   data-2025 に書き込みます（誤りはファイル・シート・セルで示し、1つでもあれば何も書きません）。照会票に
   載らないもの（担当課のない事業など）は data-2025 を直接直します。
4. \`npx keikaku validate --data data-2025 --strict\` — 確かめていない年度や警告が残っていれば失敗します。
5. \`npx keikaku diff --old-rev HEAD:data --new data-2025\` — 前の年度のコミットのデータとの新旧対照表。
6. 前のデータを消して data-2025 を data にし、\`npx keikaku build\` で文書を作り、コミットします。
`;
}
