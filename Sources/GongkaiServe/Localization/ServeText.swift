import GongkaiCore

/// The messages of `gongkai serve`: its console lines, why it cannot start, and the browser's build-error overlay.
public enum ServeText: String, MessageCatalogue {
    case portInUse
    case cannotListen
    case outputNeedsWrite
    case portRange
    case serving
    case stopped
    case buildFailed
    case built
    case builtWritten
    case rebuilt
    case rebuiltWritten
    case noXdgOpen
    case overlayTitle
    case overlayClose
    case failurePageTitle
    case failurePageText
    case cannotMakeCache
    case cannotReadBuilt

    public static let catalogueName = "serve"

    public var texts: MessageTexts {
        switch self {
        case .portInUse:
            MessageTexts("port {port} on {host} is already in use; stop the other server or choose another port with --port",
                         "{host} 的端口 {port} 已被占用；请关掉另一个服务，或用 --port 换一个端口")
        case .cannotListen: MessageTexts("cannot listen on {host}:{port}: {reason}", "无法在 {host}:{port} 上监听：{reason}")
        case .outputNeedsWrite: MessageTexts("--output needs --write", "--output 需要与 --write 一起使用")
        case .portRange: MessageTexts("--port must be between 0 and 65535", "--port 必须在 0 到 65535 之间")
        case .serving: MessageTexts("serving {url}  (Ctrl-C to stop)", "预览地址 {url}（按 Ctrl-C 停止）")
        case .stopped: MessageTexts("stopped", "已停止")
        case .buildFailed:
            MessageTexts("build failed in {ms} ms; still serving the last good build", "构建失败（{ms} 毫秒）；仍提供上次成功构建的页面")
        case .built: MessageTexts("built {pages} pages, {files} files in {ms} ms", "已构建 {pages} 个页面、{files} 个文件，用时 {ms} 毫秒")
        case .builtWritten:
            MessageTexts("built {pages} pages, {files} files in {ms} ms, {written} written", "已构建 {pages} 个页面、{files} 个文件，用时 {ms} 毫秒，写入 {written} 个")
        case .rebuilt: MessageTexts("rebuilt in {ms} ms: {changed} changed", "已重新构建，用时 {ms} 毫秒：{changed} 个有变化")
        case .rebuiltWritten:
            MessageTexts("rebuilt in {ms} ms: {changed} changed, {written} files written", "已重新构建，用时 {ms} 毫秒：{changed} 个有变化，写入 {written} 个文件")
        case .noXdgOpen: MessageTexts("xdg-open not found; open {url} yourself", "找不到 xdg-open；请自己在浏览器中打开 {url}")
        case .overlayTitle:
            MessageTexts("Build failed; the last good build is shown. Fix the file and save to recover.",
                         "构建失败 — 仍显示上次成功构建的页面；修改后保存即可恢复。")
        case .overlayClose: MessageTexts("Close", "关闭")
        case .failurePageTitle: MessageTexts("Build failed", "构建失败")
        case .failurePageText:
            MessageTexts("The site has not built yet. Fix the file below and save; this page reloads by itself.",
                         "网站还没有构建成功。请修改下面的文件并保存；本页会自动刷新。")
        case .cannotMakeCache:
            MessageTexts("cannot make the preview's folder {path}: {reason}", "无法创建预览用的文件夹 {path}：{reason}")
        case .cannotReadBuilt:
            MessageTexts("cannot read {path} from the preview's folder {folder}: {reason}; save a file of the site to build it again",
                         "无法从预览用的文件夹 {folder} 读取 {path}：{reason}；保存网站的任一文件即可重新构建")
        }
    }
}
