extension DiagnosticID {
    static let buildPHPExtensions: DiagnosticID = "build.php-extensions"
    static let buildPHPExtensionUnavailable: DiagnosticID = "build.php-extension-unavailable"
}

/// How each PHP extension gets into the official `php` image, compared with what Heroku's PHP build has.
/// Heroku compiles curl, mysqli, pdo_mysql, pgsql, pdo_pgsql, sockets, zip, bz2, readline, openssl and zlib in, and
/// builds bcmath, calendar, exif, ftp, gd, gettext, gmp, intl, ldap, mbstring, pcntl, shmop, soap, sodium, xsl and
/// sqlite3 as shared extensions it enables when composer.json asks (heroku-buildpack-php
/// support/build/formulae/php); PECL ones (redis, apcu, imagick, memcached, mongodb, ...) have their own formulae.
/// The official image has only the core set below (docker-library/php: `php -m` of the Debian variants).
public enum PHPExtensionCatalog {
    /// Compiled into the official image already: nothing to install.
    static let builtIn: Set<String> = [
        "core", "ctype", "curl", "date", "dom", "fileinfo", "filter", "hash", "iconv", "json", "libxml", "mbstring",
        "mysqlnd", "openssl", "pcre", "pdo", "pdo_sqlite", "phar", "posix", "random", "readline", "reflection",
        "session", "simplexml", "sodium", "spl", "sqlite3", "standard", "tokenizer", "xml", "xmlreader",
        "xmlwriter", "zlib",
    ]

    /// Shipped with PHP's source, built by `docker-php-ext-install`, with the Debian packages each builds against.
    static let bundled: [String: [String]] = [
        "bcmath": [], "bz2": ["libbz2-dev"], "calendar": [], "exif": [], "ftp": [], "gd":
            ["libfreetype-dev", "libjpeg62-turbo-dev", "libpng-dev", "libwebp-dev"], "gettext": [],
        "gmp": ["libgmp-dev"], "intl": ["libicu-dev"], "ldap": ["libldap-dev"], "mysqli": [], "pcntl": [],
        "pdo_mysql": [], "pdo_pgsql": ["libpq-dev"], "pgsql": ["libpq-dev"], "shmop": [], "soap": ["libxml2-dev"],
        "sockets": [], "sysvmsg": [], "sysvsem": [], "sysvshm": [], "tidy": ["libtidy-dev"], "xsl": ["libxslt1-dev"],
        "zip": ["libzip-dev"],
    ]

    /// From PECL, with the Debian packages each builds against.
    static let pecl: [String: [String]] = [
        "amqp": ["librabbitmq-dev"], "apcu": [], "igbinary": [], "imagick": ["libmagickwand-dev"],
        "memcached": ["libmemcached-dev", "zlib1g-dev"], "mongodb": ["libssl-dev"], "msgpack": [], "pcov": [],
        "rdkafka": ["librdkafka-dev"], "redis": [], "uuid": ["uuid-dev"], "xdebug": [],
    ]

    /// The lines heroku-buildpack-php adds on top of php.ini-production (support/build/conf/php/conf.d/
    /// 000-heroku.ini and 010-ext-zend_opcache.ini); `session.sid_length` is gone in PHP 8.4, so left out there.
    static func iniSettings(phpVersion: String) -> [String] {
        var lines = ["date.timezone = UTC", "error_reporting = E_ALL & ~E_STRICT", "expose_php = Off"]
        if Self.isBefore(phpVersion, major: 8, minor: 4) { lines.append("session.sid_length = 32") }
        lines += ["short_open_tag = On", "user_ini.cache_ttl = 86400", "variables_order = EGPCS",
            "opcache.enable_cli = 1", "opcache.validate_timestamps = 0"]
        return lines
    }

    /// True when `version` (`8.3`) is older than `major.minor`.
    static func isBefore(_ version: String, major: Int, minor: Int) -> Bool {
        let parts = version.split(separator: ".").compactMap { Int($0) }
        guard let first = parts.first else { return false }
        return (first, parts.count > 1 ? parts[1] : 0) < (major, minor)
    }

    /// The extensions to install for `required` (composer's `ext-*`) plus the database drivers the add-ons need,
    /// and opcache, which Heroku always enables. Unknown extensions are a located warning each.
    static func setup(
        required: [PHPExtensionRequirement], databaseDrivers: [(name: String, reason: String)], phpVersion: String,
        location: SourceLocation?, into diagnostics: inout Diagnostics
    ) -> PHPSetup {
        var setup = PHPSetup(iniSettings: iniSettings(phpVersion: phpVersion))
        var installed: [String] = []
        func add(_ name: String) -> Bool {
            if builtIn.contains(name) || installed.contains(name) { return true }
            if let libraries = bundled[name] {
                setup.bundledExtensions.append(name)
                setup.libraries += libraries.filter { !setup.libraries.contains($0) }
                if name == "gd" { setup.configureCommands.append("docker-php-ext-configure gd --with-freetype "
                    + "--with-jpeg --with-webp") }
            } else if let libraries = pecl[name] {
                setup.peclExtensions.append(name)
                setup.libraries += libraries.filter { !setup.libraries.contains($0) }
            } else {
                return false
            }
            installed.append(name)
            return true
        }
        for requirement in required {
            // `ext-zend-opcache` and `ext-opcache` name the same extension.
            let name = requirement.name == "zend-opcache" || requirement.name == "zend_opcache" ? "opcache"
                : requirement.name
            if name == "opcache" { continue }
            if !add(name) {
                let by = requirement.requiredBy.map { " (required by \($0))" } ?? ""
                diagnostics.warning(
                    .buildPHPExtensionUnavailable,
                    "PHP extension \(name)\(by) is not one translate knows how to install in the php image, so the "
                        + "Dockerfile does not install it",
                    at: requirement.location,
                    hint: "add a RUN line with `pecl install \(name)` or `docker-php-ext-install \(name)` (and the "
                        + "libraries it builds against) to the Dockerfile by hand")
            }
        }
        var drivers: [(names: [String], reason: String)] = []
        for driver in databaseDrivers where !installed.contains(driver.name) && !builtIn.contains(driver.name) {
            _ = add(driver.name)
            if let index = drivers.firstIndex(where: { $0.reason == driver.reason }) {
                drivers[index].names.append(driver.name)
            } else {
                drivers.append(([driver.name], driver.reason))
            }
        }
        // Opcache is part of PHP itself from 8.5 on; before, the image has it built but not enabled.
        if isBefore(phpVersion, major: 8, minor: 5) { setup.bundledExtensions.append("opcache") }
        let names = setup.bundledExtensions + setup.peclExtensions
        let installs = names.isEmpty ? "" : "installs the PHP extensions Heroku's PHP build enabled for the app ("
            + names.joined(separator: ", ")
            + drivers.map { "; \($0.names.joined(separator: " and ")) for \($0.reason)" }.joined() + ") and "
        diagnostics.note(
            .buildPHPExtensions,
            "the image " + installs + "uses Heroku's production php.ini settings (php.ini-production, UTC, "
                + "opcache without timestamp checks)",
            at: required.first?.location ?? location,
            hint: "Heroku also compiles in curl, mysqli, pdo_mysql, pgsql, pdo_pgsql, sockets and zip; add "
                + "`\"ext-<name>\": \"*\"` to composer.json for any other extension the app uses")
        return setup
    }
}
