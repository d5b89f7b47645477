import Translator

/// Renders the Dockerfile that replaces Heroku's buildpacks: the official image of the detected language pinned
/// to its version, dependency manifests copied and installed before the source (so Docker's layer cache skips
/// the install when only code changed), the buildpack's build steps, a non-root user and `EXPOSE` of the web
/// port. No `CMD`: every service's command comes from convox.yml. Config vars reach the build only through the
/// few non-secret `ARG`s the build plan declares, so no secret can reach the image.
public struct DockerfileBackend: Backend {
    public static let name = "Dockerfile"
    public var writtenFileNames: [String] { ["Dockerfile"] }

    /// The sbt launcher used when project/build.properties pins none.
    static let defaultSBTVersion = "1.10.7"

    public init() {}

    public func render(_ app: AppIR, options: ConversionOptions, into diagnostics: inout Diagnostics) -> [OutputFile] {
        guard app.buildPlan.existingDockerfile == nil, let primary = app.buildPlan.primary else { return [] }
        var file = OutputFile(path: "Dockerfile", contents: dockerfile(for: app.buildPlan, primary: primary))
        file.canBeAdopted = true
        return [file]
    }

    /// The images a language builds and runs on; `build` is nil for a single-stage image.
    func images(for runtime: LanguageRuntime) -> (build: String?, run: String) {
        let version = runtime.version ?? AppTranslator.defaultVersion(of: runtime.language)
        let jre = "eclipse-temurin:\(version)-jre"
        let release = runtime.debianRelease.map { "-" + $0 } ?? ""
        switch runtime.language {
        case .ruby: return (nil, "ruby:\(version)-slim\(release)")
        case .nodejs: return (nil, Self.nodeImage(runtime))
        case .python: return (nil, "python:\(version)-slim\(release)")
        case .php: return (nil, "php:\(version)-apache\(release)")
        case .go: return ("golang:\(version)", "debian:bookworm-slim")
        case .java:
            return (runtime.traits.hasWrapper ? "eclipse-temurin:\(version)-jdk" : "maven:3-eclipse-temurin-\(version)",
                jre)
        case .gradle:
            return (runtime.traits.hasWrapper ? "eclipse-temurin:\(version)-jdk" : "gradle:jdk\(version)", jre)
        case .scala: return ("eclipse-temurin:\(version)-jdk", jre)
        case .clojure:
            let lein = "clojure:temurin-\(version)-lein"
            return runtime.traits.uberjarName == nil ? (nil, lein) : (lein, jre)
        }
    }

    /// The node image names its Debian release before `-slim` (`node:14-bullseye-slim`).
    static func nodeImage(_ runtime: LanguageRuntime) -> String {
        let version = runtime.version ?? AppTranslator.defaultVersion(of: .nodejs)
        return "node:\(version)" + (runtime.debianRelease.map { "-" + $0 } ?? "") + "-slim"
    }

    /// The whole file: one stage, or a build stage and a runtime stage for compiled languages.
    func dockerfile(for plan: BuildPlan, primary: LanguageRuntime) -> String {
        var lines: [String] = []
        let buildpacks = (plan.helpers + [primary]).map { "\($0.language.buildpackName) \($0.version ?? "")" }
        lines.append("# Builds what Heroku's buildpacks built (\(buildpacks.joined(separator: ", "))).")
        lines.append("# No CMD: each service's command comes from convox.yml.")
        let stages = images(for: primary)
        if let buildImage = stages.build {
            lines.append("")
            lines.append("FROM \(buildImage) AS build")
            lines += argumentAndEnvironmentLines(plan, plan.environment)
            lines += sbtInstallLines(for: primary)
            lines.append("WORKDIR /app")
            lines += buildLines(for: plan, owner: nil)
            lines.append("")
            lines.append("FROM \(stages.run)")
            lines += environmentLines(plan.environment + runEnvironment(for: primary))
            lines += aptLines(for: plan)
            lines += userLines()
            lines.append("COPY --from=build --chown=app:app /app /app")
        } else {
            lines.append("")
            lines.append("FROM \(stages.run)")
            lines += argumentAndEnvironmentLines(plan, plan.environment + runEnvironment(for: primary))
            lines += aptLines(for: plan)
            lines += phpExtensionLines(plan.php)
            lines += userLines()
            lines += phpLines(for: primary, port: plan.webPort)
            lines += buildLines(for: plan, owner: "app:app")
            lines += writableDirectoryLines(plan.writableDirectories)
        }
        lines.append("")
        lines.append("# Numeric, so Kubernetes can check that the container does not run as root.")
        lines.append("USER 10001:10001")
        if let port = plan.webPort {
            lines.append("# The web service's port; Convox sets PORT to it, as Heroku set $PORT.")
            lines.append("EXPOSE \(port)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `ARG KEY=<default>` for each environment variable the app may set to another value for the build, then the
    /// `ENV` block, where such a variable takes `${KEY}`.
    func argumentAndEnvironmentLines(_ plan: BuildPlan, _ variables: [BuildVariable]) -> [String] {
        let defaulted = plan.buildArguments.filter { argument in
            argument.overridesEnvironment && variables.contains { $0.key == argument.key }
        }
        var lines: [String] = []
        if !defaulted.isEmpty {
            lines.append("# The app's own value of these wins during the build, as on Heroku (Convox passes it).")
            lines += defaulted.map { "ARG \($0.key)=\(Self.quoted($0.defaultValue ?? ""))" }
        }
        let environment = variables.map { variable in
            defaulted.contains { $0.key == variable.key } ? BuildVariable(variable.key, "${\(variable.key)}") : variable
        }
        return lines + environmentLines(environment)
    }

    /// Variables only the runtime stage needs (`PATH` for Go binaries, Apache's document root).
    func runEnvironment(for runtime: LanguageRuntime) -> [BuildVariable] {
        switch runtime.language {
        case .go: return [BuildVariable("PATH", "/app/bin:${PATH}")]
        case .php: return [BuildVariable("APACHE_DOCUMENT_ROOT", "/app")]
        default: return []
        }
    }

    /// One `ENV` with a continued line per variable.
    func environmentLines(_ variables: [BuildVariable]) -> [String] {
        guard !variables.isEmpty else { return [] }
        let entries = variables.map { "\($0.key)=\(Self.quoted($0.value))" }
        return ["ENV " + entries.joined(separator: " \\\n    ")]
    }

    /// System packages and the Aptfile in one layer. Package versions follow the base image's Debian release,
    /// as on Heroku, where the Aptfile names no versions either.
    func aptLines(for plan: BuildPlan) -> [String] {
        let packages = plan.systemPackages + plan.aptPackages.filter { !plan.systemPackages.contains($0) }
        guard !packages.isEmpty else { return [] }
        var comment = "# "
        if !plan.systemPackages.isEmpty { comment += "Libraries and tools Heroku's stack image has" }
        if !plan.aptPackages.isEmpty { comment += plan.systemPackages.isEmpty ? "The Aptfile" : ", and the Aptfile" }
        return [
            comment + ".",
            "# Versions follow the image's Debian release (as on Heroku), so they are not pinned.",
            "# hadolint ignore=DL3008",
            "RUN apt-get update \\\n    && apt-get install -y --no-install-recommends "
                + packages.joined(separator: " ") + " \\\n    && rm -rf /var/lib/apt/lists/*",
        ]
    }

    /// The user the app runs as, and the app directory it owns (Rails and others write tmp/ and log/ there).
    func userLines() -> [String] {
        [
            "# The app runs as a non-root user that owns /app.",
            "RUN groupadd --gid 10001 app \\\n    && useradd --create-home --no-log-init --uid 10001 --gid app app \\\n"
                + "    && install -d -o app -g app /app",
            "WORKDIR /app",
        ]
    }

    /// Helpers, manifests, install, source, build steps.
    func buildLines(for plan: BuildPlan, owner: String?) -> [String] {
        var lines: [String] = []
        for helper in plan.helpers where helper.language == .nodejs {
            let image = Self.nodeImage(helper)
            lines.append("# Node.js for the heroku/nodejs buildpack's steps, copied from the official image.")
            lines.append("COPY --from=\(image) /usr/local/bin/node /usr/local/bin/node")
            lines.append("COPY --from=\(image) /usr/local/lib/node_modules /usr/local/lib/node_modules")
            lines.append("RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \\\n"
                + "    && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \\\n"
                + "    && ln -s ../lib/node_modules/corepack/dist/corepack.js /usr/local/bin/corepack")
        }
        let chown = owner.map { "--chown=\($0) " } ?? ""
        let needsSource = ([plan.primary].compactMap { $0 } + plan.helpers).contains { $0.traits.installNeedsSource }
        let manifests = plan.manifests
        let installsFirst = !needsSource && !manifests.isEmpty && !plan.installCommands.isEmpty
        if installsFirst {
            lines.append("# Dependency manifests first: Docker reuses the install layer until they change.")
            lines += copyLines(for: manifests)
            lines += runLines(plan.installCommands)
        }
        lines.append("# The app itself (.dockerignore keeps history, secrets and local caches out).")
        lines.append("COPY \(chown). .")
        let remaining = (installsFirst ? [] : plan.installCommands) + plan.buildCommands
        if !remaining.isEmpty {
            if needsSource, !plan.installCommands.isEmpty {
                lines.append("# The install reads files beyond the manifests, so it runs after copying the source.")
            }
            let passed = plan.buildArguments.filter { !$0.overridesEnvironment }
            if !passed.isEmpty, !plan.buildCommands.isEmpty {
                lines.append("# App variables the build steps read; Convox passes the app's value of each ARG.")
                lines += passed.map { argument in
                    "ARG \(argument.key)" + (argument.defaultValue.map { "=" + Self.quoted($0) } ?? "")
                }
            }
            if !plan.buildCommands.isEmpty {
                lines.append("# The build steps the buildpacks run after installing dependencies.")
            }
            lines += runLines(remaining)
        }
        return lines
    }

    /// The build steps ran as root, so folders the app writes at run time are handed to the app user.
    func writableDirectoryLines(_ directories: [String]) -> [String] {
        guard !directories.isEmpty else { return [] }
        let list = directories.joined(separator: " ")
        return [
            "# The build steps ran as root; the app writes these folders at run time.",
            "RUN mkdir -p \(list) \\\n    && chown -R app:app \(list)",
        ]
    }

    /// The PHP extensions Heroku's PHP build enabled, and its production php.ini.
    func phpExtensionLines(_ php: PHPSetup?) -> [String] {
        guard let php else { return [] }
        var lines: [String] = []
        var steps: [String] = []
        if !php.libraries.isEmpty {
            steps.append("apt-get update")
            steps.append("apt-get install -y --no-install-recommends " + php.libraries.joined(separator: " "))
            steps.append("rm -rf /var/lib/apt/lists/*")
        }
        steps += php.configureCommands
        if !php.bundledExtensions.isEmpty {
            steps.append("docker-php-ext-install -j\"$(nproc)\" " + php.bundledExtensions.joined(separator: " "))
        }
        if !php.peclExtensions.isEmpty {
            steps.append("pecl install " + php.peclExtensions.joined(separator: " "))
            steps.append("docker-php-ext-enable " + php.peclExtensions.joined(separator: " "))
        }
        if !steps.isEmpty {
            lines.append("# PHP extensions Heroku's PHP build enabled (composer.json and composer.lock ext-*, the "
                + "database add-ons).")
            if !php.libraries.isEmpty {
                lines.append("# Library versions follow the image's Debian release, so they are not pinned.")
                lines.append("# hadolint ignore=DL3008")
            }
            lines.append("RUN " + steps.joined(separator: " \\\n    && "))
        }
        lines.append("# Heroku's php.ini: PHP's php.ini-production plus the PHP buildpack's own settings.")
        lines.append("RUN cp \"$PHP_INI_DIR/php.ini-production\" \"$PHP_INI_DIR/php.ini\" \\\n"
            + "    && printf '%s\\n' \\\n        "
            + php.iniSettings.map(Self.singleQuoted).joined(separator: " \\\n        ")
            + " \\\n        > \"$PHP_INI_DIR/conf.d/zz-heroku.ini\"")
        return lines
    }

    /// One `COPY` per directory, keeping the manifests' order.
    func copyLines(for manifests: [String]) -> [String] {
        var groups: [(directory: String, sources: [String])] = []
        for path in manifests {
            let directory: String
            if path == "gradle/wrapper" || path == ".mvn/wrapper" {
                directory = path + "/"
            } else if let slash = path.lastIndex(of: "/") {
                directory = String(path[...slash])
            } else {
                directory = "./"
            }
            if let index = groups.firstIndex(where: { $0.directory == directory }) {
                groups[index].sources.append(path)
            } else {
                groups.append((directory, [path]))
            }
        }
        return groups.map { "COPY \($0.sources.joined(separator: " ")) \($0.directory)" }
    }

    /// One `RUN` for `commands`, preceded by the hadolint rules it knowingly breaks and why.
    func runLines(_ commands: [String]) -> [String] {
        var lines: [String] = []
        var ignored: [String] = []
        if commands.contains(where: { $0.hasPrefix("pip install --no-cache-dir") && !$0.contains(" -r ") }) {
            lines.append("# The package manager itself is not pinned (its lockfile pins the app's packages); pin it if")
            lines.append("# your lockfile needs a particular version.")
            ignored.append("DL3013")
        }
        if commands.contains(where: { $0.hasPrefix("yarn install --immutable") }) {
            lines.append("# Yarn 2+ may load packages from its cache at run time (Plug'n'Play), so it is not cleaned.")
            ignored.append("DL3060")
        }
        if !ignored.isEmpty { lines.append("# hadolint ignore=" + ignored.joined(separator: ",")) }
        lines.append("RUN " + commands.joined(separator: " \\\n    && "))
        return lines
    }

    /// sbt is not in an official image: the launcher comes from sbt's GitHub release.
    func sbtInstallLines(for runtime: LanguageRuntime) -> [String] {
        guard runtime.language == .scala else { return [] }
        let version = runtime.packageManagerVersion ?? Self.defaultSBTVersion
        return [
            "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]",
            "# sbt \(version) (project/build.properties), which no official image ships.",
            "# hadolint ignore=DL3008",
            "RUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl \\\n"
                + "    && rm -rf /var/lib/apt/lists/* \\\n"
                + "    && curl -fsSL https://github.com/sbt/sbt/releases/download/v\(version)/sbt-\(version).tgz "
                + "| tar -xz -C /opt \\\n    && ln -s /opt/sbt/bin/sbt /usr/local/bin/sbt",
        ]
    }

    /// Heroku's `heroku-php-apache2` and `heroku-php-nginx` are not in the official image. Stand-ins with those
    /// names start Apache on $PORT with the document root given as the last argument, so Procfile commands keep
    /// working unchanged.
    func phpLines(for runtime: LanguageRuntime, port: Int?) -> [String] {
        guard runtime.language == .php else { return [] }
        let defaultPort = port.map(String.init) ?? "8080"
        let script = [
            "#!/bin/sh", "# Stand-in for heroku-php-apache2 [options] [DOCUMENT_ROOT] as on Heroku.", "root=.",
            "while [ $# -gt 0 ]; do", "  case \"$1\" in", "    -*) shift ;;", "    *) root=\"$1\" ;;", "  esac",
            "  shift", "done", "export APACHE_DOCUMENT_ROOT=\"/app/${root#/}\"",
            "export PORT=\"${PORT:-\(defaultPort)}\"", "exec apache2-foreground",
        ]
        let directory = ["<Directory ${APACHE_DOCUMENT_ROOT}>", "    AllowOverride All", "    Require all granted",
            "</Directory>"]
        var lines: [String] = []
        if runtime.packageManager == .composer {
            lines.append("COPY --from=composer:2 /usr/bin/composer /usr/bin/composer")
        }
        lines += [
            "# Stand-ins for Heroku's heroku-php-apache2 and heroku-php-nginx: Apache on $PORT, serving the document",
            "# root given as the last argument, with .htaccess allowed. The single quotes keep $ for run time.",
            "# hadolint ignore=SC2016",
            "RUN printf '%s\\n' \\\n        " + script.map(Self.singleQuoted).joined(separator: " \\\n        ")
                + " \\\n        > /usr/local/bin/heroku-php-apache2 \\\n"
                + "    && chmod +x /usr/local/bin/heroku-php-apache2 \\\n"
                + "    && ln -s heroku-php-apache2 /usr/local/bin/heroku-php-nginx \\\n"
                + "    && sed -i 's/^Listen 80$/Listen ${PORT}/' /etc/apache2/ports.conf \\\n"
                + "    && sed -i -e 's/<VirtualHost \\*:80>/<VirtualHost *:${PORT}>/' "
                + "-e 's!DocumentRoot /var/www/html!DocumentRoot ${APACHE_DOCUMENT_ROOT}!' "
                + "/etc/apache2/sites-available/000-default.conf \\\n"
                + "    && printf '%s\\n' " + directory.map(Self.singleQuoted).joined(separator: " ")
                + " > /etc/apache2/conf-enabled/document-root.conf \\\n"
                + "    && a2enmod rewrite \\\n"
                + "    && chown -R app:app /var/run/apache2 /var/lock/apache2 /var/log/apache2",
        ]
        return lines
    }

    /// POSIX single quoting for the shell `RUN` executes.
    static func singleQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// `ENV` values are ours (never user input), but any with spaces or quotes is double-quoted all the same.
    static func quoted(_ value: String) -> String {
        let plain = value.allSatisfy { $0.isLetter || $0.isNumber || "_./:-${}".contains($0) }
        guard !plain || value.isEmpty else { return value }
        return "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            + "\""
    }
}
