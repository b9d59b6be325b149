import GongkaiCore

/// The messages of GongkaiBuild's output stage (Write/: the staged swap, the lock, the manifest) and of `gongkai verify`.
public enum WriteText: String, MessageCatalogue {
    // MARK: Write: the output folder
    case outputNotAFolder
    case writeOnlyIntoOwnFolder
    case foreignFilesNoManifest
    case manifestNotPlainFile
    case manifestForeign
    case otherFileSystem
    case noManifestForIncremental

    // MARK: Write: writing files
    case cannotWriteOutput
    case cannotWriteFile
    case cannotRemoveFile
    case cannotWriteManifest
    case cannotPutInPlace
    case cannotCreateFolder
    case existsNotAFolder
    case cannotReplaceFile
    case foreignFileInTheWay
    case foreignFolderCannotBeKept
    case foreignFileUnderFile
    case foreignFileCannotBeKept
    case siteHasFolderThere

    // MARK: Write: the lock
    case cannotCreateLock
    case anotherBuildWriting
    case anotherBuildWritingProcess

    // MARK: Verify: the manifest
    case cannotReadManifest
    case notAManifest
    case noManifestToCheck
    case digestMismatch
    case manifestEdited
    case manifestMissing
    case manifestLacksFields
    case manifestVersion
    case manifestOrder
    case manifestForeignPath
    case manifestBadSHA
    case manifestDigestWrong
    case manifestLayout
    case manifestUnreadable

    // MARK: Verify: the deployed files
    case changedSinceBuild
    case missingDeployed
    case extraFile
    case extraFolder
    case symlinkDeployed
    case specialDeployed

    public static let catalogueName = "write"

    /// The reason inside `error`: its own message when gongkai wrote it, else the system's text as it came.
    static func reason(_ error: any Error) -> Message {
        if let error = error as? OutputFileError { return error.message }
        return CoreText.verbatim(["text": error.localizedDescription])
    }

    public var texts: MessageTexts {
        switch self {
        // Write: the output folder
        case .outputNotAFolder:
            MessageTexts("the output {name} exists and is not a folder; choose another output folder", "输出位置 {name} 已存在，且不是文件夹；请另选一个输出文件夹")
        case .writeOnlyIntoOwnFolder:
            MessageTexts("gongkai writes only into an empty folder or one it built itself: choose another output folder (--output), or move {name}/ away and build again",
                         "gongkai 只写入空文件夹或它自己生成的文件夹：请另选输出文件夹（--output），或把 {name}/ 移走后重新生成")
        case .foreignFilesNoManifest:
            MessageTexts("{name}/ holds files that gongkai did not write (it has no manifest.json); {advice}",
                         "{name}/ 中有不是 gongkai 写入的文件（其中没有 manifest.json）；{advice}")
        case .manifestNotPlainFile:
            MessageTexts("{name}/manifest.json is not a plain file, so {name}/ is not a folder gongkai built; {advice}",
                         "{name}/manifest.json 不是普通文件，所以 {name}/ 不是 gongkai 生成的文件夹；{advice}")
        case .manifestForeign:
            MessageTexts("{name}/manifest.json is not a manifest gongkai wrote ({why}), so {name}/ may be another program's folder (a web root, say); {advice}",
                         "{name}/manifest.json 不是 gongkai 写的清单（{why}），所以 {name}/ 可能是其他程序的文件夹（比如网站根目录）；{advice}")
        case .otherFileSystem:
            MessageTexts("{name}/ is on another file system than its folder: a new tree cannot be staged beside it",
                         "{name}/ 与其上级文件夹不在同一个文件系统上：无法在它旁边准备新的网站")
        case .noManifestForIncremental:
            MessageTexts("{name}/ has no manifest.json: it needs a whole build first", "{name}/ 中没有 manifest.json：需要先完整生成一次")

        // Write: writing files
        case .cannotWriteOutput: MessageTexts("cannot write output: {reason}", "无法写入输出：{reason}")
        case .cannotWriteFile: MessageTexts("cannot write {path}: {reason}", "无法写入 {path}：{reason}")
        case .cannotRemoveFile: MessageTexts("cannot remove {path}: {reason}", "无法删除 {path}：{reason}")
        case .cannotWriteManifest: MessageTexts("cannot write manifest.json: {reason}", "无法写入 manifest.json：{reason}")
        case .cannotPutInPlace: MessageTexts("cannot put the new site in place: {reason}", "无法用新网站替换旧网站：{reason}")
        case .cannotCreateFolder: MessageTexts("cannot create folder {folder}: {reason}", "无法创建文件夹 {folder}：{reason}")
        case .existsNotAFolder: MessageTexts("{path} exists and is not a folder", "{path} 已存在，且不是文件夹")
        case .cannotReplaceFile: MessageTexts("cannot replace {path}: {reason}", "无法替换 {path}：{reason}")
        case .foreignFileInTheWay:
            MessageTexts("{name}/{path} is a file gongkai did not make (the last build's manifest does not list it), and the site now has a file there; move it out of {name}/, then build again",
                         "{name}/{path} 不是 gongkai 生成的文件（上次生成的清单里没有它），而网站现在要在那里写文件；请把它移出 {name}/，再重新生成")
        case .foreignFolderCannotBeKept:
            MessageTexts("{name}/{path}/, a folder gongkai did not make, cannot be kept: the site now has a file at that place; move it out of {name}/, then build again",
                         "{name}/{path}/ 不是 gongkai 生成的文件夹，无法保留：网站现在要在那里写文件；请把它移出 {name}/，再重新生成")
        case .foreignFileUnderFile:
            MessageTexts("{name}/{path}, a file gongkai did not make, cannot be kept: the site now has a file where its folder is; move it out of {name}/, then build again",
                         "{name}/{path} 不是 gongkai 生成的文件，无法保留：网站现在要在它所在的文件夹处写文件；请把它移出 {name}/，再重新生成")
        case .foreignFileCannotBeKept:
            MessageTexts("{name}/{path}, a file gongkai did not make, cannot be kept: {reason}; move it out of {name}/, then build again",
                         "{name}/{path} 不是 gongkai 生成的文件，无法保留：{reason}；请把它移出 {name}/，再重新生成")
        case .siteHasFolderThere: MessageTexts("the site now has a folder of that name", "网站现在有同名的文件夹")

        // Write: the lock
        case .cannotCreateLock: MessageTexts("cannot create the lock file {path}: {reason}", "无法创建锁文件 {path}：{reason}")
        case .anotherBuildWriting:
            MessageTexts("another gongkai build is writing {name}/ now (or `gongkai serve --write` is running); wait until it has finished, then build again",
                         "另一个 gongkai 生成正在写入 {name}/（或 `gongkai serve --write` 正在运行）；请等它结束后再生成")
        case .anotherBuildWritingProcess:
            MessageTexts("another gongkai build is writing {name}/ now (process {process} on {host}) (or `gongkai serve --write` is running); wait until it has finished, then build again",
                         "另一个 gongkai 生成正在写入 {name}/（{host} 上的进程 {process}）（或 `gongkai serve --write` 正在运行）；请等它结束后再生成")

        // Verify: the manifest
        case .cannotReadManifest: MessageTexts("cannot read the manifest: {reason}", "无法读取清单：{reason}")
        case .notAManifest: MessageTexts("not a manifest gongkai wrote: {why}", "不是 gongkai 写的清单：{why}")
        case .noManifestToCheck:
            MessageTexts("missing, or not a plain file: the deployed folder has no manifest.json to check the digest against",
                         "缺失或不是普通文件：部署的文件夹中没有可用来核对摘要的 manifest.json")
        case .digestMismatch:
            MessageTexts("its site digest is {found}, not {expected}: this is not the site that was built",
                         "它的网站摘要是 {found}，不是 {expected}：这不是当初生成的那个网站")
        case .manifestEdited:
            MessageTexts("manifest.json is not the build's manifest: it was edited or replaced", "manifest.json 不是生成时的清单：它被修改或替换过")
        case .manifestMissing:
            MessageTexts("manifest.json is missing: the deployed copy must carry the build's manifest", "缺少 manifest.json：部署的副本必须带有生成时的清单")
        case .manifestLacksFields:
            MessageTexts("it is not a gongkai manifest (it lacks the fields gongkai writes)", "它不是 gongkai 的清单（缺少 gongkai 写入的字段）")
        case .manifestVersion: MessageTexts("its format version is {version}, not 1", "它的格式版本是 {version}，不是 1")
        case .manifestOrder: MessageTexts("its entries are not in gongkai's order (at {path})", "它的条目不是 gongkai 的顺序（在 {path} 处）")
        case .manifestForeignPath: MessageTexts("it lists a path gongkai never writes: {path}", "它列出了 gongkai 从不写入的路径：{path}")
        case .manifestBadSHA: MessageTexts("the SHA-256 of {path} is not 64 hex digits", "{path} 的 SHA-256 不是 64 位十六进制数")
        case .manifestDigestWrong:
            MessageTexts("its digest does not match its entries (it was edited after the build)", "它的摘要与条目不符（生成后被修改过）")
        case .manifestLayout:
            MessageTexts("it is not laid out as gongkai writes it (it was edited after the build)", "它的排版不是 gongkai 写出的样子（生成后被修改过）")
        case .manifestUnreadable: MessageTexts("it cannot be read", "无法读取")

        // Verify: the deployed files
        case .changedSinceBuild:
            MessageTexts("changed since the build: its content is not what the manifest lists", "生成后被改动：内容与清单所列不符")
        case .missingDeployed:
            MessageTexts("missing: the manifest lists this file, but the deployed folder has no such plain file",
                         "缺失：清单列有此文件，但部署的文件夹中没有这个普通文件")
        case .extraFile:
            MessageTexts("extra file: the build did not publish it (the manifest does not list it)", "多余的文件：生成时没有发布它（清单中没有它）")
        case .extraFolder: MessageTexts("extra folder: the build did not publish it", "多余的文件夹：生成时没有发布它")
        case .symlinkDeployed:
            MessageTexts("symbolic link to {target}: the build publishes none, and a web server may follow it out of the site",
                         "指向 {target} 的符号链接：生成时从不发布符号链接，而网页服务器可能顺着它访问到网站之外")
        case .specialDeployed:
            MessageTexts("not a plain file (a device, socket or pipe): the build publishes none", "不是普通文件（设备、套接字或管道）：生成时从不发布这类文件")
        }
    }
}
