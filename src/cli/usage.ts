// The help text of the command line (keikaku --help), in the words staff read.

export const USAGE = `使い方: keikaku <コマンド> [オプション]

コマンド:
  build [--data DIR] [--out DIR] [--templates DIR] [--format pdf,docx,html] [--measure N]
        [--department 名前 | --no-departments] [--no-cache] [--draft] [--binding-margin MM] [--duplex]
        [--verbose]
      データを検証し、実施計画と担当課別抜粋（out/担当課別/）を PDF・Word・HTML で書き出します。
      終わると書き出した数と時間を1行で表示します（--verbose はファイルごとにも1行）。端末では
      進み具合を1行で表示します。
      --measure 12 はその施策のページだけを作ります（抜粋は作りません。繰り返し指定可）。
      --department 総務課 はその担当課の抜粋だけを作ります（繰り返し指定可）。
      変わっていない文書は out/.cache から書き出します（--no-cache で全部作り直し）。
      --draft は案（「案」の透かし、roll が写して未確認の年度に印、ファイル名の末尾に _案）を作ります。
      --binding-margin 25 はとじしろ（mm、既定20）、--duplex は両面印刷向け（偶数ページはとじしろが右、
      基本方針と施策体系は右ページから）。plan.yaml の print でも指定できます。
  diff (--old DIR | --old-rev REV[:PATH]) [--new DIR] [--out DIR] [--templates DIR] [--format pdf,docx,html]
       [--order new-first|old-first]
      新旧対照表（out/新旧対照表_2024-2026_2025-2027.pdf・.docx）を作ります。--old-rev main は
      git のそのリビジョンのデータと比べます（main:data-2024 でそのフォルダ）。既定は改正後が左（--order old-first で逆）。
  generate --measures N --out DIR [--seed S]
      施策N件の見本の計画データを作ります（ベンチマーク用。文は同梱データから取ります）。
  init DIR
      町の計画のデータのリポジトリを新しいフォルダに作ります（見本のデータ、町の様式の templates/、
      .gitignore、CI の設定、毎年の手順を書いた README）。そのまま build できます。
  preview [--data DIR] [--templates DIR] [--port 8080]
      HTML 版を http://127.0.0.1:8080/ で表示し、データやテンプレートを保存するたびに更新します。
  roll [--data DIR] --to 2025 --out DIR
      次年度の計画データを新しいフォルダに作ります（前の初年度を外し、新しい年度は最終年度から写して
      carriedOver の印を付ける。既にあるフォルダには書きません）。
  validate [--data DIR] [--templates DIR] [--format text|json|github] [--verbose] [--strict]
      データ（既定: data/）を検証し、問題を「ファイル:行:列: エラー: 説明」の形で表示します。
      最後に、読んだファイルと施策の数、エラーと警告の数を1行で表示します（--verbose は読んだファイルをすべて表示）。
      文字が文書のフォント（テンプレートのテーマが指定するもの）にあるかも確かめます。
      エラーがあれば終了コード1、なければ0。--strict は警告（roll が写して未確認の年度など）も1にします。
  sheets list [--data DIR] [--out DIR]
      事業一覧を Excel（out/事業一覧_2024-2026.xlsx。小計・合計は式）と、オープンデータ用の CSV
      （out/事業一覧_2024-2026.csv。事業×年度ごとに1行、UTF-8）で書き出します。
  sheets export [--data DIR] [--out DIR] [--department 名前] [--force]
      担当課ごとの照会票（out/照会票/総務課.xlsx など）を書き出します（--department でその課だけ。繰り返し可）。
      回答が書かれた照会票は上書きしません（--force で上書き）。
  sheets import FILE|DIR... [--data DIR] [--dry-run] [--format text|json|github]
      回答された照会票をデータに書き込みます（フォルダならその中の .xlsx すべて）。セルごとに確かめ、
      誤りは「ファイル!シート!セル: エラー: 説明」で示して何も書きません。--dry-run は変更の一覧だけ。
  schema [--data DIR] [--out DIR]
      エディタ用のJSON Schemaを書き出します（既定: <DIR>/schema/）。

共通:
  -h, --help     この説明を表示
  --version      バージョンを表示
  テンプレートは --templates DIR、なければデータのフォルダの隣の templates/、なければ keikaku 同梱の
  ものを使います。フォントもデータのフォルダの隣の fonts/、なければ同梱のものです。`;
