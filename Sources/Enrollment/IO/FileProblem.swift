import Foundation

/// Why a file could not be read, in words a clerk can act on: the real cause, not a guess.
package enum FileProblem {
    /// The reason the file at `path` cannot be read (call it after a read failed).
    package static func reading(_ path: String) -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            return "there is no such file; check the name and the folder"
        }
        if isFolder.boolValue {
            return "this is a folder, not a file; give the path of the file"
        }
        if access(path, R_OK) != 0 {
            return "permission denied: this user may not read the file; ask for read access or copy the file"
        }
        return "the file cannot be read (\(String(cString: strerror(errno))))"
    }
}
