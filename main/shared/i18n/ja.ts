// Japanese (日本語), in the words of Alibaba Cloud's Japanese console: Model Studio serves Tokyo.
import type { Catalog } from './en.js';
import { jaWindow } from './ja-window.js';

export const ja: Catalog = {
  product: 'Model Studio Keys',
  regions: {
    'ap-southeast-1': 'シンガポール',
    'us-east-1': '米国 (バージニア)',
    'cn-beijing': '中国 (北京)',
    'cn-hongkong': '中国 (香港)',
    'ap-northeast-1': '日本 (東京)',
    'eu-central-1': 'ドイツ (フランクフルト)',
  },
  plans: { payg: '従量課金', coding: 'Coding Plan', token: 'Token Plan' },
  tray: {
    runGateway: 'GUI ツール用ゲートウェイを実行',
    installCli: 'コマンドラインツール (msk) をインストール…',
    uninstallCli: 'コマンドラインツール (msk) をアンインストール',
    checkForUpdates: 'アップデートを確認…',
    checkingForUpdates: 'アップデートを確認中…',
    downloadingUpdate: 'バージョン {{version}} をダウンロード中 ({{percent}}%)…',
    restartToUpdate: '再起動してアップデート ({{version}})',
    gatewayRunning: 'ゲートウェイ: {{address}} で実行中',
    gatewayOff: 'ゲートウェイ: オフ',
    gatewayFailed: 'ゲートウェイ: {{message}}',
    gatewayToday_one: '今日: {{cost}} ({{count}} 件のリクエスト)',
    gatewayToday_other: '今日: {{cost}} ({{count}} 件のリクエスト)',
    gatewayTodayRequests_one: '今日: {{count}} 件のリクエスト',
    spendThisMonth: '今月の Alibaba Cloud 利用料金: {{cost}}',
    rotateKey: 'キーをローテーション…',
    rotate: 'ローテーション',
    rotateConfirm: '「{{label}}」をローテーションしますか？',
    rotateDetail:
      'Alibaba Cloud が新しい値を発行し、古い値は直ちに使えなくなります。新しい値はキーチェーンに保存された値を置き換えるので、ツール、バインディング、ゲートウェイトークンは何も変えずにそのまま使えます。',
    shownOnceTitle: '「{{label}}」の新しい値 — 表示は一度だけです',
    shownOnceWarning:
      'キーチェーンが新しい値を保存できませんでした ({{message}})。古い値はもう使えません。表示されるのは今回だけです。今すぐコピーして安全な場所に保管してください。',
    copyShownOnce: 'コピー',
    close: '閉じる',
    gatewayTodayRequests_other: '今日: {{count}} 件のリクエスト',
    region: 'リージョン: {{region}}',
    activeKey: 'アクティブなキー: {{label}} ({{masked}})',
    noActiveKey: 'このリージョンにアクティブなキーはありません',
    copyApiKey: 'API キーをコピー',
    copyBaseUrl: 'ベース URL をコピー',
    keys: 'キー',
    noKeys: 'キーはまだありません — ウィンドウで追加してください',
    activeMark: '{{label}} — {{masked}} (アクティブ)',
    keyItem: '{{label}} — {{masked}}',
    regionWithCount: '{{region}} ({{count}})',
    workspace: 'ワークスペース {{workspace}}',
    defaultWorkspace: 'デフォルトワークスペース',
    moreInWindow: 'ウィンドウでさらに表示… (あと {{count}} 件)',
    copyKey: 'キーをコピー',
    copyTemporaryKey: '一時キーをコピー ({{seconds}} 秒)',
    copyEnvironment: '環境変数をコピー',
    makeActive: 'アクティブにする',
    check: 'チェック',
    switchRegion: 'リージョンを切り替え',
    launch: '起動',
    notInstalled: '{{name}} — 未インストール',
    notForPlan: '{{name}} — {{plan}} のキーには非対応',
    gatewayOffQuestion: 'ゲートウェイはオフです。このツールのためにオンにしますか？',
    gatewayOffDetail:
      'ゲートウェイを通すと、ツールは専用のトークンを持ち、API キーはキーチェーンに残ります。ツール自体がキーを持つ必要がある場合に限り、キーをコピーしてください。',
    turnOnGateway: 'ゲートウェイをオンにする',
    copyKeyInstead: '代わりに API キーをコピー',
    copySettings: '設定をコピー:',
    exportPostman: 'Postman 環境をエクスポート…',
    checkAll: 'すべてのキーをチェック',
    checkAllWithSummary: 'すべてのキーをチェック ({{summary}})',
    checking: 'チェック中 {{done}}/{{total}}…',
    cancelCheck: 'チェックをキャンセル',
    open: 'Model Studio Keys を開く…',
    openApiKeyPage: 'API キーページを開く ({{region}})',
    quit: '終了',
    tooltip: 'Model Studio Keys — {{region}}',
    tooltipWithKey: 'Model Studio Keys — {{region}} · {{label}}',
  },
  shells: {
    bash: 'bash / zsh',
    fish: 'fish',
    powershell: 'PowerShell',
    cmd: 'cmd',
    dotenv: '.env',
  },
  status: {
    ok: '正常',
    'invalid-key': '無効',
    'wrong-region': 'リージョン違い',
    'wrong-plan': 'プラン違い',
    'workspace-denied': 'ワークスペースで拒否',
    'model-denied': 'モデルで拒否',
    'rate-limited': 'レート制限',
    quota: 'クォータ超過',
    arrears: '支払い延滞',
    unverified: '未検証',
    'server-error': 'サーバーエラー',
    network: '接続不可',
    timeout: 'タイムアウト',
    unchecked: '未チェック',
    cancelled: 'キャンセル済み',
  },
  notify: {
    cliInstalled: 'msk をインストールしました ({{file}})。新しいターミナルを開いて msk を実行してください。',
    cliInstalledNotOnPath:
      'msk をインストールしました ({{file}}) が、{{folder}} が PATH に含まれていません。シェルのプロファイルに追加してから、新しいターミナルを開いてください。',
    cliUninstalled: 'msk をアンインストールしました ({{file}} を削除)。',
    updateReady:
      'バージョン {{version}} の準備ができました。都合のよいときにトレイの「再起動してアップデート」を選んでください。',
    upToDate: 'Model Studio Keys は最新バージョンです。',
    updateFailed: 'アップデートできませんでした: {{reason}}',
    updatesUnavailable: 'このコピーは自動でアップデートできません: {{reason}}',
    copied: '「{{label}}」({{region}}) をコピーしました — {{seconds}} 秒後に消去',
    copiedKept: '「{{label}}」({{region}}) をコピーしました',
    copiedEnvironment: '「{{label}}」の {{shell}} 環境変数をコピーしました — {{seconds}} 秒後に消去',
    copiedEnvironmentKept: '「{{label}}」の {{shell}} 環境変数をコピーしました',
    copiedTemporary:
      '「{{label}}」の一時キー (有効期間 {{ttl}} 秒) をコピーしました — {{seconds}} 秒後に消去',
    copiedTemporaryKept: '「{{label}}」の一時キー (有効期間 {{ttl}} 秒) をコピーしました',
    copiedBaseUrl: '{{url}} をコピーしました',
    madeActive: '「{{label}}」が {{region}} のアクティブなキーになりました',
    launched: '{{terminal}} で「{{label}}」を使って {{tool}} を起動しました',
    settingsViaGateway:
      'ゲートウェイ経由の {{tool}} (トークン「{{token}}」、「{{label}}」用): {{fields}}。トークンはクリップボードにあります — 「{{keyField}}」に貼り付けてください。API キーはキーチェーンに残ります。',
    settings:
      '「{{label}}」用の {{tool}}: {{fields}}。API キーはクリップボードにあります — 「{{keyField}}」に貼り付けてください。',
    exported:
      '「{{label}}」の Postman 環境を {{file}} に保存しました (中のキーは secret 型です。ファイルは他人に見せないでください)',
    checked: '「{{label}}」: {{status}} — {{message}}',
    rotated: '「{{label}}」をローテーションしました。新しい値はキーチェーンにあり、古い値はもう使えません',
    checkedAll_one: '{{count}} 個のキーをチェックしました',
    checkedAll_other: '{{count}} 個のキーをチェックしました',
    checkCancelled_one: '{{count}} 個チェックしたところでキャンセルしました',
    checkCancelled_other: '{{count}} 個チェックしたところでキャンセルしました',
    summary: ': {{summary}}',
    checkUnchecked: '{{count}} 個はチェックできませんでした。ウィンドウを開いて理由を確認してください。',
    checkRunning: 'チェックはすでに実行中です ({{done}}/{{total}})。',
  },
  notices: {
    'variables-unavailable':
      '{{variables}} は設定されません。このプランには DashScope ネイティブ API がありません。',
    'plan-unsupported':
      'このツールはこのキーのプラン向けではありません。Alibaba の Coding Plan はコーディングエージェント専用です。',
  },
  refusals: {
    'unknown-access-key':
      'Alibaba Cloud はこの AccessKey ID を認識していません (削除済み、無効化済み、またはもう一方のサイトのもの)。RAM コンソールで確認してください。',
    'bad-secret':
      'AccessKey Secret が ID と一致せず、署名が拒否されました。正しい Secret で接続し直してください。',
    clock:
      '署名にはこのコンピューターの時刻が含まれますが、Alibaba Cloud はずれが大きすぎるとして拒否しました。時計を合わせて (時刻の自動設定)、もう一度お試しください。',
    permission:
      'この AccessKey にはその操作 ({{permission}}) の権限がありません。RAM ユーザーのポリシーにこのアクションを追加してください (ポリシー全体は「アカウント」ビューに表示されます)。',
    throttled:
      'Alibaba Cloud がこのアカウントからの呼び出しを現在制限しています。1 分後にもう一度お試しください。',
    'not-activated':
      'このアカウントでは {{regionName}} の Model Studio がアクティブ化されていません。先にコンソールでアクティブ化してください。',
    'not-found': 'Alibaba Cloud でその ID のものが見つかりません: {{message}}',
    refused: 'Alibaba Cloud が拒否しました: {{message}}',
    'no-credential': 'そこに認証情報は見つかりませんでした: {{message}}',
    'default-workspace':
      'これはそのリージョンのデフォルトワークスペースです。Alibaba Cloud では削除できません。',
    'workspace-has-keys':
      'このワークスペースにはまだ API キーがあります。Alibaba Cloud では、キーがすべてなくなるまでワークスペースを削除できません。',
  },
  errors: {
    'no-account': 'その名前の Alibaba Cloud アカウントはここに接続されていません (もう接続されていません)。',
    'no-active-key':
      '{{regionName}} にアクティブなキーがありません。ウィンドウを開いて追加するか選択してください。',
    'secret-missing':
      'キーチェーンに「{{label}}」のシークレットがもうありません。キーをまだお持ちなら、ここで削除してから追加し直してください。',
    'keychain-locked': 'キーチェーンがロックされています。ロックを解除してから、もう一度お試しください。',
    'tool-missing':
      '{{name}} はインストールされていません。ログインシェルの PATH に {{program}} がありません。',
    'tool-missing_install':
      '{{name}} はインストールされていません。ログインシェルの PATH に {{program}} がありません。次のコマンドでインストールしてください: {{install}}',
    'keychain-unavailable': 'キーチェーンを利用できません: {{message}}',
    'clipboard-unavailable': 'クリップボードを利用できません: {{message}}',
    'plan-unavailable': '{{message}}',
    'workspace-required': '{{message}}',
    'config-damaged': 'データファイルが壊れています: {{message}}',
    'config-busy': '別の Model Studio Keys プロセスがデータファイルを使用中です。もう一度お試しください。',
    network: 'Model Studio に接続できませんでした: {{message}}',
    timeout: 'Model Studio から時間内に応答がありませんでした: {{message}}',
    'service-refused': '{{message}}',
    'unknown-key': '「{{reference}}」というラベルまたは ID のキーはありません。',
    'duplicate-key': 'このキーはすでに「{{label}}」として保存されています。',
    'key-in-tool':
      '独自のツールにはキーを含められませんが、その {{field}} はキーのように見えます。キーはキーチェーンにだけ保存します。キーを入れる場所には {{placeholder}} と書いてください。',
    'unquotable-value':
      '{{name}} を {{shell}} に安全に渡せないため、何も行いませんでした。代わりに {{alternative}} を使うか、値を変更してください。',
    cancelled: 'キャンセルしました。',
    'login-item-failed': 'ログイン時の起動を変更できませんでした: {{cause}}',
    'data-unwritable': 'データを書き込めません: {{message}}',
    'data-unsafe':
      '他のユーザーが {{path}} を変更できる間 (他人が書き込み可能、他人の所有、またはシンボリックリンク) は、キーを読まず何も保存しません。自分だけのものにしてから、もう一度お試しください。方法は msk doctor が示します。',
    'file-exists':
      '{{file}} はすでに存在します。バックアップがファイルを上書きすることはありません。別の名前を選んでください。',
    'backup-unreadable':
      'バックアップを開けません。Model Studio Keys のバックアップではないか、パスフレーズが違うか、ファイルが変更または破損しています。何も変更していません。',
    'backup-unsupported':
      'このバックアップは新しいバージョンの Model Studio Keys で作成されています。このアプリをアップデートしてから、もう一度お試しください。何も変更していません。',
    'vault-not-empty':
      'ここにはすでに {{keyCount}} 個のキーが保存されています。復元するとバックアップのキーと混ざってしまいます。何も変更していません。',
    internal: '予期しないエラーが発生しました: {{message}}',
  },
  updates: {
    network: 'リリースサーバーに接続できませんでした。',
    feed: 'リリースサーバーの応答を利用できませんでした。',
    verification: 'ダウンロードがリリースと一致しなかったため (チェックサムまたは署名)、破棄しました。',
    install: 'インストーラーを起動できませんでした。',
    other: 'アップデート中に問題が発生しました。',
    development: '開発ビルドは自動でアップデートしません。',
    unsupported:
      '署名付きインストーラーからインストールされていません (展開・解凍したコピー、または署名のないビルドです)。新しいバージョンはリリースページからダウンロードしてください。',
  },
  window: jaWindow,
};
