/// How a Heroku command is started on Convox so that it means what it meant on Heroku.
///
/// Heroku runs every command of a buildpack app with bash after sourcing the app's `.profile` (heroku/cli PR #930:
/// `/bin/bash -l -c '<command>'`), and the commands of a container app with `/bin/sh -c`. Convox generation 3
/// splits `command` with go-shellquote and runs the words with no shell (convox/convox
/// provider/k8s/template/app/service.yml.tmpl `shellsplit`); generation 2 runs `sh -c <command>`
/// (convox/rack pkg/manifest/yaml.go `ServiceCommand`).
public struct CommandLauncher: Sendable, Equatable, Codable {
    /// The shell that runs a command needing one: `bash` for the images translate generates (every official
    /// Debian-based language image has it), `sh` for the app's own Dockerfile, which may have no bash.
    public var shell: String
    /// The app's `.profile` as the image holds it (`/app/.profile`), sourced before every command as Heroku did.
    public var profilePath: String?

    public init(shell: String, profilePath: String? = nil) {
        self.shell = shell
        self.profilePath = profilePath
    }

    /// A buildpack app: bash, as on Heroku. Not a login shell (`-l`): Debian's /etc/profile resets `PATH`, which
    /// would hide the image's `/usr/local/bundle/bin` and similar; the app's `.profile` is sourced explicitly.
    public static let bash = CommandLauncher(shell: "bash")

    /// An app built from its own Dockerfile: `sh`, as Heroku's container stack runs commands.
    public static let posixShell = CommandLauncher(shell: "sh")

    /// The command text as Convox should be given it in `command:` (and `initContainer`, timers).
    /// Generation 3: unchanged when it is plain words and no `.profile` must run first, else `<shell> -c '...'`.
    /// A plain command stays as it is because bash runs a lone simple command by replacing itself with it (no
    /// fork), so the process, its arguments, `PATH` lookup and signals are exactly those of the unwrapped words.
    /// Generation 2 already runs `sh -c`; it is wrapped in bash only for bash-only syntax or a `.profile`.
    ///
    /// The `.profile` is given as `BASH_ENV`, which bash sources before the command string, rather than as a
    /// `. /app/.profile; ` prefix: a prefix regroups lists (`. p; a & b` sends the profile to the background with
    /// `a`) and stops bash 5.1+ from replacing itself with the last command of `a && b`, so signals would stop
    /// at bash, PID 1 of the container. bash ignores a missing BASH_ENV file.
    public func manifestText(_ command: Command, generation: ConversionOptions.Generation) -> String {
        switch generation {
        case .three:
            guard command.needsShell || profilePath != nil else { return command.shellText }
        case .two:
            guard shell == "bash", command.needsBash || profilePath != nil else { return command.shellText }
        }
        let prefix = profilePath.map { "env BASH_ENV=" + $0 + " " } ?? ""
        return prefix + shell + " -c " + ShellCommand.singleQuoted(command.shellText)
    }

    /// The argument to type after `convox run <service>` so the container runs what convox.yml runs. The CLI
    /// joins its arguments with spaces; generation 3 then splits them with go-shellquote and runs the words with
    /// no shell (convox/convox pkg/cli/run.go, provider/k8s/process.go), generation 2 runs them with `sh -c`
    /// (convox/rack pkg/cli/run.go, provider/aws/processes.go `ProcessRun`). So the
    /// manifest's text is passed as one argument: as it is when it is plain words, in double quotes when your
    /// shell would expand nothing inside them (`"bash -c 'a && b'"`), else single-quoted.
    public func convoxRunArgument(_ command: Command, generation: ConversionOptions.Generation) -> String {
        let text = manifestText(command, generation: generation)
        if ShellCommand.isPlainWords(text) { return text }
        if !text.contains(where: { "$`\\\"!\n".contains($0) }) { return "\"" + text + "\"" }
        return ShellCommand.singleQuoted(text)
    }
}
