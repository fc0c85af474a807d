#!/usr/bin/env node
import { createRequire as __egCreateRequire } from 'node:module';
const require = __egCreateRequire(import.meta.url);
import {
  decide,
  deriveSeed,
  floorMessage,
  holmBonferroni,
  isPowered,
  mean,
  minimumDetectableDrop,
  pairedBootstrapCI,
  runWhole,
  sampleSd,
  signFlipTest,
  unitsNeeded
} from "./chunk-2D3LFMXS.js";
import {
  DEFAULT_MAX_DATA_BYTES,
  DEFAULT_MAX_MODEL_BYTES
} from "./chunk-C4EWOFBM.js";
import {
  MISSING,
  NOT_REGULAR,
  ORT_DIR_ENV,
  ORT_PIN,
  REGISTRY_ENV,
  REMOTE_REF,
  TextReadError,
  URL_LIKE,
  byteSize,
  configLimits,
  count,
  createSession,
  declaredVectors,
  decodeSource,
  interval,
  isInside,
  loadDocument,
  loadOrt,
  localFileOf,
  openLocalSource,
  pValue,
  parseSourceText,
  pathProblem,
  percent,
  placeInWorkspace,
  plural,
  quotePath,
  readCapped,
  readFailure,
  readSourceText,
  readTextFile,
  redactUrl,
  requireRegularFile,
  require_dist,
  resolveInWorkspace,
  resolveVectorsPath,
  runtimeOf,
  sci,
  score,
  sharesLocalFile,
  signed,
  statistic,
  workspaceRoot
} from "./chunk-X22DNU2F.js";
import {
  SourceError
} from "./chunk-VTONPRI7.js";
import {
  PgSourceError,
  isPgRef,
  pgRefFromManifest,
  redact
} from "./chunk-2CXMMPSV.js";
import {
  float16Table
} from "./chunk-R56NE3ZG.js";
import {
  describeBytes,
  wasmMemoryOf,
  wrongMagic
} from "./chunk-SGSTHD3E.js";
import {
  ConfigError
} from "./chunk-O57DMMLW.js";
import {
  MAX_DIMS,
  VECTOR_FORMATS,
  VectorFileError
} from "./chunk-L2CUIFHJ.js";
import {
  __commonJS,
  __toESM
} from "./chunk-GE2CBHQP.js";

// node_modules/semver/internal/constants.js
var require_constants = __commonJS({
  "node_modules/semver/internal/constants.js"(exports, module) {
    "use strict";
    var SEMVER_SPEC_VERSION = "2.0.0";
    var MAX_LENGTH = 256;
    var MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER || /* istanbul ignore next */
    9007199254740991;
    var MAX_SAFE_COMPONENT_LENGTH = 16;
    var MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6;
    var WHITESPACE_CHARACTERS = [
      "	",
      "\n",
      "\v",
      "\f",
      "\r",
      " ",
      "\xA0",
      "\u1680",
      "\u2000",
      "\u2001",
      "\u2002",
      "\u2003",
      "\u2004",
      "\u2005",
      "\u2006",
      "\u2007",
      "\u2008",
      "\u2009",
      "\u200A",
      "\u2028",
      "\u2029",
      "\u202F",
      "\u205F",
      "\u3000",
      "\uFEFF"
    ];
    var RELEASE_TYPES = [
      "major",
      "premajor",
      "minor",
      "preminor",
      "patch",
      "prepatch",
      "prerelease"
    ];
    module.exports = {
      MAX_LENGTH,
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_SAFE_INTEGER,
      WHITESPACE_CHARACTERS,
      RELEASE_TYPES,
      SEMVER_SPEC_VERSION,
      FLAG_INCLUDE_PRERELEASE: 1,
      FLAG_LOOSE: 2
    };
  }
});

// node_modules/semver/internal/debug.js
var require_debug = __commonJS({
  "node_modules/semver/internal/debug.js"(exports, module) {
    "use strict";
    var debug = typeof process === "object" && process.env && process.env.NODE_DEBUG && /\bsemver\b/i.test(process.env.NODE_DEBUG) ? (...args) => console.error("SEMVER", ...args) : () => {
    };
    module.exports = debug;
  }
});

// node_modules/semver/internal/re.js
var require_re = __commonJS({
  "node_modules/semver/internal/re.js"(exports, module) {
    "use strict";
    var {
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_LENGTH
    } = require_constants();
    var debug = require_debug();
    exports = module.exports = {};
    var re = exports.re = [];
    var safeRe = exports.safeRe = [];
    var src = exports.src = [];
    var safeSrc = exports.safeSrc = [];
    var t = exports.t = {};
    var R = 0;
    var LETTERDASHNUMBER = "[a-zA-Z0-9-]";
    var safeRegexReplacements = [
      ["\\s", 1],
      ["\\d", MAX_LENGTH],
      [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH]
    ];
    var makeSafeRegex = (value) => {
      for (const [token, max] of safeRegexReplacements) {
        value = value.split(`${token}*`).join(`${token}{0,${max}}`).split(`${token}+`).join(`${token}{1,${max}}`);
      }
      return value;
    };
    var createToken = (name2, value, isGlobal) => {
      const safe = makeSafeRegex(value);
      const index = R++;
      debug(name2, index, value);
      t[name2] = index;
      src[index] = value;
      safeSrc[index] = safe;
      re[index] = new RegExp(value, isGlobal ? "g" : void 0);
      safeRe[index] = new RegExp(safe, isGlobal ? "g" : void 0);
    };
    createToken("NUMERICIDENTIFIER", "0|[1-9]\\d*");
    createToken("NUMERICIDENTIFIERLOOSE", "\\d+");
    createToken("NONNUMERICIDENTIFIER", `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`);
    createToken("MAINVERSION", `(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})`);
    createToken("MAINVERSIONLOOSE", `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASEIDENTIFIER", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIER]})`);
    createToken("PRERELEASEIDENTIFIERLOOSE", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASE", `(?:-(${src[t.PRERELEASEIDENTIFIER]}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`);
    createToken("PRERELEASELOOSE", `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`);
    createToken("BUILDIDENTIFIER", `${LETTERDASHNUMBER}+`);
    createToken("BUILD", `(?:\\+(${src[t.BUILDIDENTIFIER]}(?:\\.${src[t.BUILDIDENTIFIER]})*))`);
    createToken("FULLPLAIN", `v?${src[t.MAINVERSION]}${src[t.PRERELEASE]}?${src[t.BUILD]}?`);
    createToken("FULL", `^${src[t.FULLPLAIN]}$`);
    createToken("LOOSEPLAIN", `[v=\\s]*${src[t.MAINVERSIONLOOSE]}${src[t.PRERELEASELOOSE]}?${src[t.BUILD]}?`);
    createToken("LOOSE", `^${src[t.LOOSEPLAIN]}$`);
    createToken("GTLT", "((?:<|>)?=?)");
    createToken("XRANGEIDENTIFIERLOOSE", `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`);
    createToken("XRANGEIDENTIFIER", `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`);
    createToken("XRANGEPLAIN", `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:${src[t.PRERELEASE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGEPLAINLOOSE", `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:${src[t.PRERELEASELOOSE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`);
    createToken("XRANGELOOSE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COERCEPLAIN", `${"(^|[^\\d])(\\d{1,"}${MAX_SAFE_COMPONENT_LENGTH}})(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`);
    createToken("COERCE", `${src[t.COERCEPLAIN]}(?:$|[^\\d])`);
    createToken("COERCEFULL", src[t.COERCEPLAIN] + `(?:${src[t.PRERELEASE]})?(?:${src[t.BUILD]})?(?:$|[^\\d])`);
    createToken("COERCERTL", src[t.COERCE], true);
    createToken("COERCERTLFULL", src[t.COERCEFULL], true);
    createToken("LONETILDE", "(?:~>?)");
    createToken("TILDETRIM", `(\\s*)${src[t.LONETILDE]}\\s+`, true);
    exports.tildeTrimReplace = "$1~";
    createToken("TILDE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`);
    createToken("TILDELOOSE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("LONECARET", "(?:\\^)");
    createToken("CARETTRIM", `(\\s*)${src[t.LONECARET]}\\s+`, true);
    exports.caretTrimReplace = "$1^";
    createToken("CARET", `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`);
    createToken("CARETLOOSE", `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COMPARATORLOOSE", `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`);
    createToken("COMPARATOR", `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`);
    createToken("COMPARATORTRIM", `(\\s*)${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true);
    exports.comparatorTrimReplace = "$1$2$3";
    createToken("HYPHENRANGE", `^\\s*(${src[t.XRANGEPLAIN]})\\s+-\\s+(${src[t.XRANGEPLAIN]})\\s*$`);
    createToken("HYPHENRANGELOOSE", `^\\s*(${src[t.XRANGEPLAINLOOSE]})\\s+-\\s+(${src[t.XRANGEPLAINLOOSE]})\\s*$`);
    createToken("STAR", "(<|>)?=?\\s*\\*");
    createToken("GTE0", "^\\s*>=\\s*0\\.0\\.0\\s*$");
    createToken("GTE0PRE", "^\\s*>=\\s*0\\.0\\.0-0\\s*$");
  }
});

// node_modules/semver/internal/parse-options.js
var require_parse_options = __commonJS({
  "node_modules/semver/internal/parse-options.js"(exports, module) {
    "use strict";
    var looseOption = Object.freeze({ loose: true });
    var emptyOpts = Object.freeze({});
    var parseOptions = (options) => {
      if (!options) {
        return emptyOpts;
      }
      if (typeof options !== "object") {
        return looseOption;
      }
      return options;
    };
    module.exports = parseOptions;
  }
});

// node_modules/semver/internal/identifiers.js
var require_identifiers = __commonJS({
  "node_modules/semver/internal/identifiers.js"(exports, module) {
    "use strict";
    var numeric = /^[0-9]+$/;
    var compareIdentifiers = (a, b) => {
      if (typeof a === "number" && typeof b === "number") {
        return a === b ? 0 : a < b ? -1 : 1;
      }
      const anum = numeric.test(a);
      const bnum = numeric.test(b);
      if (anum && bnum) {
        a = +a;
        b = +b;
      }
      return a === b ? 0 : anum && !bnum ? -1 : bnum && !anum ? 1 : a < b ? -1 : 1;
    };
    var rcompareIdentifiers = (a, b) => compareIdentifiers(b, a);
    module.exports = {
      compareIdentifiers,
      rcompareIdentifiers
    };
  }
});

// node_modules/semver/classes/semver.js
var require_semver = __commonJS({
  "node_modules/semver/classes/semver.js"(exports, module) {
    "use strict";
    var debug = require_debug();
    var { MAX_LENGTH, MAX_SAFE_INTEGER } = require_constants();
    var { safeRe: re, t } = require_re();
    var parseOptions = require_parse_options();
    var { compareIdentifiers } = require_identifiers();
    var isPrereleaseIdentifier = (prerelease, identifier) => {
      const identifiers = identifier.split(".");
      if (identifiers.length > prerelease.length) {
        return false;
      }
      for (let i = 0; i < identifiers.length; i++) {
        if (compareIdentifiers(prerelease[i], identifiers[i]) !== 0) {
          return false;
        }
      }
      return true;
    };
    var SemVer = class _SemVer {
      constructor(version, options) {
        options = parseOptions(options);
        if (version instanceof _SemVer) {
          if (version.loose === !!options.loose && version.includePrerelease === !!options.includePrerelease) {
            return version;
          } else {
            version = version.version;
          }
        } else if (typeof version !== "string") {
          throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`);
        }
        if (version.length > MAX_LENGTH) {
          throw new TypeError(
            `version is longer than ${MAX_LENGTH} characters`
          );
        }
        debug("SemVer", version, options);
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        const m = version.trim().match(options.loose ? re[t.LOOSE] : re[t.FULL]);
        if (!m) {
          throw new TypeError(`Invalid Version: ${version}`);
        }
        this.raw = version;
        this.major = +m[1];
        this.minor = +m[2];
        this.patch = +m[3];
        if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
          throw new TypeError("Invalid major version");
        }
        if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
          throw new TypeError("Invalid minor version");
        }
        if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
          throw new TypeError("Invalid patch version");
        }
        if (!m[4]) {
          this.prerelease = [];
        } else {
          this.prerelease = m[4].split(".").map((id) => {
            if (/^[0-9]+$/.test(id)) {
              const num = +id;
              if (num >= 0 && num < MAX_SAFE_INTEGER) {
                return num;
              }
            }
            return id;
          });
        }
        this.build = m[5] ? m[5].split(".") : [];
        this.format();
      }
      format() {
        this.version = `${this.major}.${this.minor}.${this.patch}`;
        if (this.prerelease.length) {
          this.version += `-${this.prerelease.join(".")}`;
        }
        return this.version;
      }
      toString() {
        return this.version;
      }
      compare(other) {
        debug("SemVer.compare", this.version, this.options, other);
        if (!(other instanceof _SemVer)) {
          if (typeof other === "string" && other === this.version) {
            return 0;
          }
          other = new _SemVer(other, this.options);
        }
        if (other.version === this.version) {
          return 0;
        }
        return this.compareMain(other) || this.comparePre(other);
      }
      compareMain(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.major < other.major) {
          return -1;
        }
        if (this.major > other.major) {
          return 1;
        }
        if (this.minor < other.minor) {
          return -1;
        }
        if (this.minor > other.minor) {
          return 1;
        }
        if (this.patch < other.patch) {
          return -1;
        }
        if (this.patch > other.patch) {
          return 1;
        }
        return 0;
      }
      comparePre(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.prerelease.length && !other.prerelease.length) {
          return -1;
        } else if (!this.prerelease.length && other.prerelease.length) {
          return 1;
        } else if (!this.prerelease.length && !other.prerelease.length) {
          return 0;
        }
        let i = 0;
        do {
          const a = this.prerelease[i];
          const b = other.prerelease[i];
          debug("prerelease compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      compareBuild(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        let i = 0;
        do {
          const a = this.build[i];
          const b = other.build[i];
          debug("build compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      // preminor will bump the version up to the next minor release, and immediately
      // down to pre-release. premajor and prepatch work the same way.
      inc(release, identifier, identifierBase) {
        if (release.startsWith("pre")) {
          if (!identifier && identifierBase === false) {
            throw new Error("invalid increment argument: identifier is empty");
          }
          if (identifier) {
            const match = `-${identifier}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE]);
            if (!match || match[1] !== identifier) {
              throw new Error(`invalid identifier: ${identifier}`);
            }
          }
        }
        switch (release) {
          case "premajor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor = 0;
            this.major++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "preminor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "prepatch":
            this.prerelease.length = 0;
            this.inc("patch", identifier, identifierBase);
            this.inc("pre", identifier, identifierBase);
            break;
          // If the input is a non-prerelease version, this acts the same as
          // prepatch.
          case "prerelease":
            if (this.prerelease.length === 0) {
              this.inc("patch", identifier, identifierBase);
            }
            this.inc("pre", identifier, identifierBase);
            break;
          case "release":
            if (this.prerelease.length === 0) {
              throw new Error(`version ${this.raw} is not a prerelease`);
            }
            this.prerelease.length = 0;
            break;
          case "major":
            if (this.minor !== 0 || this.patch !== 0 || this.prerelease.length === 0) {
              this.major++;
            }
            this.minor = 0;
            this.patch = 0;
            this.prerelease = [];
            break;
          case "minor":
            if (this.patch !== 0 || this.prerelease.length === 0) {
              this.minor++;
            }
            this.patch = 0;
            this.prerelease = [];
            break;
          case "patch":
            if (this.prerelease.length === 0) {
              this.patch++;
            }
            this.prerelease = [];
            break;
          // This probably shouldn't be used publicly.
          // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
          case "pre": {
            const base = Number(identifierBase) ? 1 : 0;
            if (this.prerelease.length === 0) {
              this.prerelease = [base];
            } else {
              let i = this.prerelease.length;
              while (--i >= 0) {
                if (typeof this.prerelease[i] === "number") {
                  this.prerelease[i]++;
                  i = -2;
                }
              }
              if (i === -1) {
                if (identifier === this.prerelease.join(".") && identifierBase === false) {
                  throw new Error("invalid increment argument: identifier already exists");
                }
                this.prerelease.push(base);
              }
            }
            if (identifier) {
              let prerelease = [identifier, base];
              if (identifierBase === false) {
                prerelease = [identifier];
              }
              if (isPrereleaseIdentifier(this.prerelease, identifier)) {
                const prereleaseBase = this.prerelease[identifier.split(".").length];
                if (isNaN(prereleaseBase)) {
                  this.prerelease = prerelease;
                }
              } else {
                this.prerelease = prerelease;
              }
            }
            break;
          }
          default:
            throw new Error(`invalid increment argument: ${release}`);
        }
        this.raw = this.format();
        if (this.build.length) {
          this.raw += `+${this.build.join(".")}`;
        }
        return this;
      }
    };
    module.exports = SemVer;
  }
});

// node_modules/semver/functions/parse.js
var require_parse = __commonJS({
  "node_modules/semver/functions/parse.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse = (version, options, throwErrors = false) => {
      if (version instanceof SemVer) {
        return version;
      }
      try {
        return new SemVer(version, options);
      } catch (er) {
        if (!throwErrors) {
          return null;
        }
        throw er;
      }
    };
    module.exports = parse;
  }
});

// node_modules/semver/functions/valid.js
var require_valid = __commonJS({
  "node_modules/semver/functions/valid.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var valid = (version, options) => {
      const v = parse(version, options);
      return v ? v.version : null;
    };
    module.exports = valid;
  }
});

// node_modules/semver/functions/clean.js
var require_clean = __commonJS({
  "node_modules/semver/functions/clean.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var clean = (version, options) => {
      const s = parse(version.trim().replace(/^[=v]+/, ""), options);
      return s ? s.version : null;
    };
    module.exports = clean;
  }
});

// node_modules/semver/functions/inc.js
var require_inc = __commonJS({
  "node_modules/semver/functions/inc.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var inc = (version, release, options, identifier, identifierBase) => {
      if (typeof options === "string") {
        identifierBase = identifier;
        identifier = options;
        options = void 0;
      }
      try {
        return new SemVer(
          version instanceof SemVer ? version.version : version,
          options
        ).inc(release, identifier, identifierBase).version;
      } catch (er) {
        return null;
      }
    };
    module.exports = inc;
  }
});

// node_modules/semver/functions/diff.js
var require_diff = __commonJS({
  "node_modules/semver/functions/diff.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var diff = (version1, version2) => {
      const v1 = parse(version1, null, true);
      const v2 = parse(version2, null, true);
      const comparison = v1.compare(v2);
      if (comparison === 0) {
        return null;
      }
      const v1Higher = comparison > 0;
      const highVersion = v1Higher ? v1 : v2;
      const lowVersion = v1Higher ? v2 : v1;
      const highHasPre = !!highVersion.prerelease.length;
      const lowHasPre = !!lowVersion.prerelease.length;
      if (lowHasPre && !highHasPre) {
        if (!lowVersion.patch && !lowVersion.minor) {
          return "major";
        }
        if (lowVersion.compareMain(highVersion) === 0) {
          if (lowVersion.minor && !lowVersion.patch) {
            return "minor";
          }
          return "patch";
        }
      }
      const prefix = highHasPre ? "pre" : "";
      if (v1.major !== v2.major) {
        return prefix + "major";
      }
      if (v1.minor !== v2.minor) {
        return prefix + "minor";
      }
      if (v1.patch !== v2.patch) {
        return prefix + "patch";
      }
      return "prerelease";
    };
    module.exports = diff;
  }
});

// node_modules/semver/functions/major.js
var require_major = __commonJS({
  "node_modules/semver/functions/major.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var major = (a, loose) => new SemVer(a, loose).major;
    module.exports = major;
  }
});

// node_modules/semver/functions/minor.js
var require_minor = __commonJS({
  "node_modules/semver/functions/minor.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var minor = (a, loose) => new SemVer(a, loose).minor;
    module.exports = minor;
  }
});

// node_modules/semver/functions/patch.js
var require_patch = __commonJS({
  "node_modules/semver/functions/patch.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var patch = (a, loose) => new SemVer(a, loose).patch;
    module.exports = patch;
  }
});

// node_modules/semver/functions/prerelease.js
var require_prerelease = __commonJS({
  "node_modules/semver/functions/prerelease.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var prerelease = (version, options) => {
      const parsed = parse(version, options);
      return parsed && parsed.prerelease.length ? parsed.prerelease : null;
    };
    module.exports = prerelease;
  }
});

// node_modules/semver/functions/compare.js
var require_compare = __commonJS({
  "node_modules/semver/functions/compare.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compare = (a, b, loose) => new SemVer(a, loose).compare(new SemVer(b, loose));
    module.exports = compare;
  }
});

// node_modules/semver/functions/rcompare.js
var require_rcompare = __commonJS({
  "node_modules/semver/functions/rcompare.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var rcompare = (a, b, loose) => compare(b, a, loose);
    module.exports = rcompare;
  }
});

// node_modules/semver/functions/compare-loose.js
var require_compare_loose = __commonJS({
  "node_modules/semver/functions/compare-loose.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var compareLoose = (a, b) => compare(a, b, true);
    module.exports = compareLoose;
  }
});

// node_modules/semver/functions/compare-build.js
var require_compare_build = __commonJS({
  "node_modules/semver/functions/compare-build.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compareBuild = (a, b, loose) => {
      const versionA = new SemVer(a, loose);
      const versionB = new SemVer(b, loose);
      return versionA.compare(versionB) || versionA.compareBuild(versionB);
    };
    module.exports = compareBuild;
  }
});

// node_modules/semver/functions/sort.js
var require_sort = __commonJS({
  "node_modules/semver/functions/sort.js"(exports, module) {
    "use strict";
    var compareBuild = require_compare_build();
    var sort = (list, loose) => list.sort((a, b) => compareBuild(a, b, loose));
    module.exports = sort;
  }
});

// node_modules/semver/functions/rsort.js
var require_rsort = __commonJS({
  "node_modules/semver/functions/rsort.js"(exports, module) {
    "use strict";
    var compareBuild = require_compare_build();
    var rsort = (list, loose) => list.sort((a, b) => compareBuild(b, a, loose));
    module.exports = rsort;
  }
});

// node_modules/semver/functions/gt.js
var require_gt = __commonJS({
  "node_modules/semver/functions/gt.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var gt = (a, b, loose) => compare(a, b, loose) > 0;
    module.exports = gt;
  }
});

// node_modules/semver/functions/lt.js
var require_lt = __commonJS({
  "node_modules/semver/functions/lt.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var lt = (a, b, loose) => compare(a, b, loose) < 0;
    module.exports = lt;
  }
});

// node_modules/semver/functions/eq.js
var require_eq = __commonJS({
  "node_modules/semver/functions/eq.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var eq = (a, b, loose) => compare(a, b, loose) === 0;
    module.exports = eq;
  }
});

// node_modules/semver/functions/neq.js
var require_neq = __commonJS({
  "node_modules/semver/functions/neq.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var neq = (a, b, loose) => compare(a, b, loose) !== 0;
    module.exports = neq;
  }
});

// node_modules/semver/functions/gte.js
var require_gte = __commonJS({
  "node_modules/semver/functions/gte.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var gte = (a, b, loose) => compare(a, b, loose) >= 0;
    module.exports = gte;
  }
});

// node_modules/semver/functions/lte.js
var require_lte = __commonJS({
  "node_modules/semver/functions/lte.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var lte = (a, b, loose) => compare(a, b, loose) <= 0;
    module.exports = lte;
  }
});

// node_modules/semver/functions/cmp.js
var require_cmp = __commonJS({
  "node_modules/semver/functions/cmp.js"(exports, module) {
    "use strict";
    var eq = require_eq();
    var neq = require_neq();
    var gt = require_gt();
    var gte = require_gte();
    var lt = require_lt();
    var lte = require_lte();
    var cmp = (a, op2, b, loose) => {
      switch (op2) {
        case "===":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a === b;
        case "!==":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a !== b;
        case "":
        case "=":
        case "==":
          return eq(a, b, loose);
        case "!=":
          return neq(a, b, loose);
        case ">":
          return gt(a, b, loose);
        case ">=":
          return gte(a, b, loose);
        case "<":
          return lt(a, b, loose);
        case "<=":
          return lte(a, b, loose);
        default:
          throw new TypeError(`Invalid operator: ${op2}`);
      }
    };
    module.exports = cmp;
  }
});

// node_modules/semver/functions/coerce.js
var require_coerce = __commonJS({
  "node_modules/semver/functions/coerce.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse = require_parse();
    var { safeRe: re, t } = require_re();
    var coerce = (version, options) => {
      if (version instanceof SemVer) {
        return version;
      }
      if (typeof version === "number") {
        version = String(version);
      }
      if (typeof version !== "string") {
        return null;
      }
      options = options || {};
      let match = null;
      if (!options.rtl) {
        match = version.match(options.includePrerelease ? re[t.COERCEFULL] : re[t.COERCE]);
      } else {
        const coerceRtlRegex = options.includePrerelease ? re[t.COERCERTLFULL] : re[t.COERCERTL];
        let next;
        while ((next = coerceRtlRegex.exec(version)) && (!match || match.index + match[0].length !== version.length)) {
          if (!match || next.index + next[0].length !== match.index + match[0].length) {
            match = next;
          }
          coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length;
        }
        coerceRtlRegex.lastIndex = -1;
      }
      if (match === null) {
        return null;
      }
      const major = match[2];
      const minor = match[3] || "0";
      const patch = match[4] || "0";
      const prerelease = options.includePrerelease && match[5] ? `-${match[5]}` : "";
      const build2 = options.includePrerelease && match[6] ? `+${match[6]}` : "";
      return parse(`${major}.${minor}.${patch}${prerelease}${build2}`, options);
    };
    module.exports = coerce;
  }
});

// node_modules/semver/functions/truncate.js
var require_truncate = __commonJS({
  "node_modules/semver/functions/truncate.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var constants = require_constants();
    var SemVer = require_semver();
    var truncate2 = (version, truncation, options) => {
      if (!constants.RELEASE_TYPES.includes(truncation)) {
        return null;
      }
      const clonedVersion = cloneInputVersion(version, options);
      return clonedVersion && doTruncation(clonedVersion, truncation);
    };
    var cloneInputVersion = (version, options) => {
      const versionStringToParse = version instanceof SemVer ? version.version : version;
      return parse(versionStringToParse, options);
    };
    var doTruncation = (version, truncation) => {
      if (isPrerelease(truncation)) {
        return version.version;
      }
      version.prerelease = [];
      switch (truncation) {
        case "major":
          version.minor = 0;
          version.patch = 0;
          break;
        case "minor":
          version.patch = 0;
          break;
      }
      return version.format();
    };
    var isPrerelease = (type) => {
      return type.startsWith("pre");
    };
    module.exports = truncate2;
  }
});

// node_modules/semver/internal/lrucache.js
var require_lrucache = __commonJS({
  "node_modules/semver/internal/lrucache.js"(exports, module) {
    "use strict";
    var LRUCache = class {
      constructor() {
        this.max = 1e3;
        this.map = /* @__PURE__ */ new Map();
      }
      get(key) {
        const value = this.map.get(key);
        if (value === void 0) {
          return void 0;
        } else {
          this.map.delete(key);
          this.map.set(key, value);
          return value;
        }
      }
      delete(key) {
        return this.map.delete(key);
      }
      set(key, value) {
        const deleted = this.delete(key);
        if (!deleted && value !== void 0) {
          if (this.map.size >= this.max) {
            const firstKey = this.map.keys().next().value;
            this.delete(firstKey);
          }
          this.map.set(key, value);
        }
        return this;
      }
    };
    module.exports = LRUCache;
  }
});

// node_modules/semver/internal/trim-comparator-whitespace.js
var require_trim_comparator_whitespace = __commonJS({
  "node_modules/semver/internal/trim-comparator-whitespace.js"(exports, module) {
    "use strict";
    var {
      MAX_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      WHITESPACE_CHARACTERS
    } = require_constants();
    var whitespace = new Uint8Array(65536);
    for (const char of WHITESPACE_CHARACTERS) {
      whitespace[char.charCodeAt(0)] = 1;
    }
    var isWhitespace = (char) => char !== void 0 && whitespace[char.charCodeAt(0)] === 1;
    var isVersionPrefix = (char) => char === "v" || char === "=" || isWhitespace(char);
    var isDigit = (char) => char !== void 0 && char >= "0" && char <= "9";
    var isLetter = (char) => char !== void 0 && (char >= "a" && char <= "z" || char >= "A" && char <= "Z");
    var isIdentifierCharacter = (char) => isDigit(char) || isLetter(char) || char === "-";
    var isVersionStart = (char) => isDigit(char) || char === "x" || char === "X" || char === "*";
    var findDigitsEndIndex = (range, start, limit, digitRuns) => {
      if (!isDigit(range[start])) {
        return start;
      }
      if (start >= digitRuns.start && start < digitRuns.end) {
        return Math.min(start + limit, digitRuns.end);
      }
      if (start >= digitRuns.previousStart && start < digitRuns.previousEnd) {
        return Math.min(start + limit, digitRuns.previousEnd);
      }
      let end = start + 1;
      while (isDigit(range[end])) {
        end++;
      }
      digitRuns.previousStart = digitRuns.start;
      digitRuns.previousEnd = digitRuns.end;
      digitRuns.start = start;
      digitRuns.end = end;
      return Math.min(start + limit, end);
    };
    var findVersionNumberEndIndex = (range, start, loose, digitRuns) => {
      if (!loose && range[start] === "0") {
        return start + 1;
      }
      return findDigitsEndIndex(range, start, loose ? MAX_LENGTH : MAX_LENGTH + 1, digitRuns);
    };
    var findPrereleaseIdentifierEndIndex = (range, start, loose, digitRuns) => {
      const digitsEnd = findDigitsEndIndex(range, start, MAX_LENGTH, digitRuns);
      if (isLetter(range[digitsEnd]) || range[digitsEnd] === "-") {
        let end = digitsEnd + 1;
        const limit = end + MAX_SAFE_BUILD_LENGTH;
        while (end < limit && isIdentifierCharacter(range[end])) {
          end++;
        }
        return end;
      }
      return findVersionNumberEndIndex(range, start, loose, digitRuns);
    };
    var findPrereleaseEndIndex = (range, start, loose, digitRuns) => {
      const hyphen = range[start] === "-";
      if (!loose && !hyphen) {
        return start;
      }
      const identifierStart = start + (hyphen ? 1 : 0);
      let end = findPrereleaseIdentifierEndIndex(range, identifierStart, loose, digitRuns);
      if (end === identifierStart) {
        if (!loose || !hyphen) {
          return start;
        }
        end = findPrereleaseIdentifierEndIndex(range, start, loose, digitRuns);
      }
      while (range[end] === ".") {
        const next = findPrereleaseIdentifierEndIndex(range, end + 1, loose, digitRuns);
        if (next === end + 1) {
          break;
        }
        end = next;
      }
      return end;
    };
    var findBuildIdentifierEndIndex = (range, start) => {
      let end = start;
      while (end - start < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(range[end])) {
        end++;
      }
      return end;
    };
    var findBuildEndIndex = (range, start) => {
      if (range[start] !== "+") {
        return start;
      }
      let end = findBuildIdentifierEndIndex(range, start + 1);
      if (end === start + 1) {
        return start;
      }
      while (range[end] === ".") {
        const next = findBuildIdentifierEndIndex(range, end + 1);
        if (next === end + 1) {
          break;
        }
        end = next;
      }
      return end;
    };
    var findLooseFullVersionEndIndex = (range, start, digitRuns) => {
      let end = start;
      for (let component = 0; component < 3; component++) {
        const next = findVersionNumberEndIndex(range, end, true, digitRuns);
        if (next === end) {
          return start;
        }
        end = next;
        if (component < 2) {
          if (range[end] !== ".") {
            return start;
          }
          end++;
        }
      }
      const prereleaseEnd = findPrereleaseEndIndex(range, end, true, digitRuns);
      return findBuildEndIndex(range, prereleaseEnd);
    };
    var findPartialVersionComponentEndIndex = (range, start, digitRuns) => {
      if (isDigit(range[start])) {
        return findVersionNumberEndIndex(range, start, false, digitRuns);
      }
      return isVersionStart(range[start]) ? start + 1 : start;
    };
    var findPartialVersionEndIndex = (range, start, digitRuns) => {
      let end = findPartialVersionComponentEndIndex(range, start, digitRuns);
      for (let component = 0; component < 2; component++) {
        if (range[end] !== ".") {
          return end;
        }
        const next = findPartialVersionComponentEndIndex(range, end + 1, digitRuns);
        if (next === end + 1) {
          return end;
        }
        end = next;
      }
      const prereleaseEnd = findPrereleaseEndIndex(range, end, false, digitRuns);
      return findBuildEndIndex(range, prereleaseEnd);
    };
    var findVersionEndIndex = (range, start, digitRuns) => {
      const fullVersionEnd = findLooseFullVersionEndIndex(range, start, digitRuns);
      return fullVersionEnd !== start ? fullVersionEnd : findPartialVersionEndIndex(range, start, digitRuns);
    };
    var findRemovableWhitespaceIndex = (range, matchStart) => {
      let position = matchStart;
      if (isWhitespace(range[position])) {
        position++;
      }
      if (range[position] === "<" || range[position] === ">") {
        position++;
      }
      if (range[position] === "=") {
        position++;
      }
      return isWhitespace(range[position]) ? position : -1;
    };
    var trimComparatorWhitespace = (range) => {
      let result2 = "";
      let copyFrom = 0;
      let cursor = 0;
      const digitRuns = { start: -1, end: -1, previousStart: -1, previousEnd: -1 };
      while (cursor < range.length) {
        const matchStart = cursor;
        if (range[cursor] === "<" || range[cursor] === ">") {
          cursor++;
        } else if (!isVersionPrefix(range[cursor]) && !isVersionStart(range[cursor])) {
          cursor++;
          continue;
        }
        while (cursor < range.length && isVersionPrefix(range[cursor])) {
          cursor++;
        }
        if (!isVersionStart(range[cursor])) {
          continue;
        }
        const whitespacePosition = findRemovableWhitespaceIndex(range, matchStart);
        if (whitespacePosition !== -1) {
          result2 += range.slice(copyFrom, whitespacePosition);
          copyFrom = whitespacePosition + 1;
        }
        cursor = findVersionEndIndex(range, cursor, digitRuns);
      }
      return result2 + range.slice(copyFrom);
    };
    module.exports = trimComparatorWhitespace;
  }
});

// node_modules/semver/classes/range.js
var require_range = __commonJS({
  "node_modules/semver/classes/range.js"(exports, module) {
    "use strict";
    var SPACE_CHARACTERS = /\s+/g;
    var Range = class _Range {
      constructor(range, options) {
        options = parseOptions(options);
        if (range instanceof _Range) {
          if (range.loose === !!options.loose && range.includePrerelease === !!options.includePrerelease) {
            return range;
          } else {
            return new _Range(range.raw, options);
          }
        }
        if (range instanceof Comparator) {
          this.raw = range.value;
          this.set = [[range]];
          this.formatted = void 0;
          return this;
        }
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        this.raw = range.trim().replace(SPACE_CHARACTERS, " ");
        this.set = this.raw.split("||").map((r) => this.parseRange(r.trim())).filter((c) => c.length);
        if (!this.set.length) {
          throw new TypeError(`Invalid SemVer Range: ${this.raw}`);
        }
        if (this.set.length > 1) {
          const first = this.set[0];
          this.set = this.set.filter((c) => !isNullSet(c[0]));
          if (this.set.length === 0) {
            this.set = [first];
          } else if (this.set.length > 1) {
            for (const c of this.set) {
              if (c.length === 1 && isAny(c[0])) {
                this.set = [c];
                break;
              }
            }
          }
        }
        this.formatted = void 0;
      }
      get range() {
        if (this.formatted === void 0) {
          this.formatted = "";
          for (let i = 0; i < this.set.length; i++) {
            if (i > 0) {
              this.formatted += "||";
            }
            const comps = this.set[i];
            for (let k = 0; k < comps.length; k++) {
              if (k > 0) {
                this.formatted += " ";
              }
              this.formatted += comps[k].toString().trim();
            }
          }
        }
        return this.formatted;
      }
      format() {
        return this.range;
      }
      toString() {
        return this.range;
      }
      parseRange(range) {
        range = range.replace(BUILDSTRIPRE, "");
        const memoOpts = (this.options.includePrerelease && FLAG_INCLUDE_PRERELEASE) | (this.options.loose && FLAG_LOOSE);
        const memoKey = memoOpts + ":" + range;
        const cached = cache.get(memoKey);
        if (cached) {
          return cached;
        }
        const loose = this.options.loose;
        const hr = loose ? re[t.HYPHENRANGELOOSE] : re[t.HYPHENRANGE];
        range = range.replace(hr, hyphenReplace(this.options.includePrerelease));
        debug("hyphen replace", range);
        range = trimComparatorWhitespace(range);
        debug("comparator trim", range);
        range = range.replace(re[t.TILDETRIM], tildeTrimReplace);
        debug("tilde trim", range);
        range = range.replace(re[t.CARETTRIM], caretTrimReplace);
        debug("caret trim", range);
        let rangeList = range.split(" ").map((comp) => parseComparator(comp, this.options)).join(" ").split(/\s+/).map((comp) => replaceGTE0(comp, this.options));
        if (loose) {
          rangeList = rangeList.filter((comp) => {
            debug("loose invalid filter", comp, this.options);
            return !!comp.match(re[t.COMPARATORLOOSE]);
          });
        }
        debug("range list", rangeList);
        const rangeMap = /* @__PURE__ */ new Map();
        const comparators = rangeList.map((comp) => new Comparator(comp, this.options));
        for (const comp of comparators) {
          if (isNullSet(comp)) {
            return [comp];
          }
          rangeMap.set(comp.value, comp);
        }
        if (rangeMap.size > 1 && rangeMap.has("")) {
          rangeMap.delete("");
        }
        const result2 = [...rangeMap.values()];
        cache.set(memoKey, result2);
        return result2;
      }
      intersects(range, options) {
        if (!(range instanceof _Range)) {
          throw new TypeError("a Range is required");
        }
        return this.set.some((thisComparators) => {
          return isSatisfiable(thisComparators, options) && range.set.some((rangeComparators) => {
            return isSatisfiable(rangeComparators, options) && thisComparators.every((thisComparator) => {
              return rangeComparators.every((rangeComparator) => {
                return thisComparator.intersects(rangeComparator, options);
              });
            });
          });
        });
      }
      // if ANY of the sets match ALL of its comparators, then pass
      test(version) {
        if (!version) {
          return false;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        for (let i = 0; i < this.set.length; i++) {
          if (testSet(this.set[i], version, this.options)) {
            return true;
          }
        }
        return false;
      }
    };
    module.exports = Range;
    var LRU = require_lrucache();
    var cache = new LRU();
    var parseOptions = require_parse_options();
    var Comparator = require_comparator();
    var debug = require_debug();
    var SemVer = require_semver();
    var trimComparatorWhitespace = require_trim_comparator_whitespace();
    var {
      safeRe: re,
      src,
      t,
      tildeTrimReplace,
      caretTrimReplace
    } = require_re();
    var { FLAG_INCLUDE_PRERELEASE, FLAG_LOOSE } = require_constants();
    var BUILDSTRIPRE = new RegExp(src[t.BUILD], "g");
    var isNullSet = (c) => c.value === "<0.0.0-0";
    var isAny = (c) => c.value === "";
    var isSatisfiable = (comparators, options) => {
      let result2 = true;
      const remainingComparators = comparators.slice();
      let testComparator = remainingComparators.pop();
      while (result2 && remainingComparators.length) {
        result2 = remainingComparators.every((otherComparator) => {
          return testComparator.intersects(otherComparator, options);
        });
        testComparator = remainingComparators.pop();
      }
      return result2;
    };
    var parseComparator = (comp, options) => {
      comp = comp.replace(re[t.BUILD], "");
      debug("comp", comp, options);
      comp = replaceCarets(comp, options);
      debug("caret", comp);
      comp = replaceTildes(comp, options);
      debug("tildes", comp);
      comp = replaceXRanges(comp, options);
      debug("xrange", comp);
      comp = replaceStars(comp, options);
      debug("stars", comp);
      return comp;
    };
    var isX = (id) => !id || id.toLowerCase() === "x" || id === "*";
    var invalidXRangeOrder = (M2, m, p) => isX(M2) && !isX(m) || isX(m) && p && !isX(p);
    var replaceTildes = (comp, options) => {
      return comp.trim().split(/\s+/).map((c) => replaceTilde(c, options)).join(" ");
    };
    var replaceTilde = (comp, options) => {
      const r = options.loose ? re[t.TILDELOOSE] : re[t.TILDE];
      const z = options.includePrerelease ? "-0" : "";
      return comp.replace(r, (_, M2, m, p, pr) => {
        debug("tilde", comp, _, M2, m, p, pr);
        let ret;
        if (isX(M2)) {
          ret = "";
        } else if (isX(m)) {
          ret = `>=${M2}.0.0${z} <${+M2 + 1}.0.0-0`;
        } else if (isX(p)) {
          ret = `>=${M2}.${m}.0${z} <${M2}.${+m + 1}.0-0`;
        } else if (pr) {
          debug("replaceTilde pr", pr);
          ret = `>=${M2}.${m}.${p}-${pr} <${M2}.${+m + 1}.0-0`;
        } else {
          ret = `>=${M2}.${m}.${p} <${M2}.${+m + 1}.0-0`;
        }
        debug("tilde return", ret);
        return ret;
      });
    };
    var replaceCarets = (comp, options) => {
      return comp.trim().split(/\s+/).map((c) => replaceCaret(c, options)).join(" ");
    };
    var replaceCaret = (comp, options) => {
      debug("caret", comp, options);
      const r = options.loose ? re[t.CARETLOOSE] : re[t.CARET];
      const z = options.includePrerelease ? "-0" : "";
      return comp.replace(r, (_, M2, m, p, pr) => {
        debug("caret", comp, _, M2, m, p, pr);
        let ret;
        if (isX(M2)) {
          ret = "";
        } else if (isX(m)) {
          ret = `>=${M2}.0.0${z} <${+M2 + 1}.0.0-0`;
        } else if (isX(p)) {
          if (M2 === "0") {
            ret = `>=${M2}.${m}.0${z} <${M2}.${+m + 1}.0-0`;
          } else {
            ret = `>=${M2}.${m}.0${z} <${+M2 + 1}.0.0-0`;
          }
        } else if (pr) {
          debug("replaceCaret pr", pr);
          if (M2 === "0") {
            if (m === "0") {
              ret = `>=${M2}.${m}.${p}-${pr} <${M2}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M2}.${m}.${p}-${pr} <${M2}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M2}.${m}.${p}-${pr} <${+M2 + 1}.0.0-0`;
          }
        } else {
          debug("no pr");
          if (M2 === "0") {
            if (m === "0") {
              ret = `>=${M2}.${m}.${p} <${M2}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M2}.${m}.${p} <${M2}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M2}.${m}.${p} <${+M2 + 1}.0.0-0`;
          }
        }
        debug("caret return", ret);
        return ret;
      });
    };
    var replaceXRanges = (comp, options) => {
      debug("replaceXRanges", comp, options);
      return comp.split(/\s+/).map((c) => replaceXRange(c, options)).join(" ");
    };
    var replaceXRange = (comp, options) => {
      comp = comp.trim();
      const r = options.loose ? re[t.XRANGELOOSE] : re[t.XRANGE];
      return comp.replace(r, (ret, gtlt, M2, m, p, pr) => {
        debug("xRange", comp, ret, gtlt, M2, m, p, pr);
        if (invalidXRangeOrder(M2, m, p)) {
          return comp;
        }
        const xM = isX(M2);
        const xm = xM || isX(m);
        const xp = xm || isX(p);
        const anyX = xp;
        if (gtlt === "=" && anyX) {
          gtlt = "";
        }
        pr = options.includePrerelease ? "-0" : "";
        if (xM) {
          if (gtlt === ">" || gtlt === "<") {
            ret = "<0.0.0-0";
          } else {
            ret = "*";
          }
        } else if (gtlt && anyX) {
          if (xm) {
            m = 0;
          }
          p = 0;
          if (gtlt === ">") {
            gtlt = ">=";
            if (xm) {
              M2 = +M2 + 1;
              m = 0;
              p = 0;
            } else {
              m = +m + 1;
              p = 0;
            }
          } else if (gtlt === "<=") {
            gtlt = "<";
            if (xm) {
              M2 = +M2 + 1;
            } else {
              m = +m + 1;
            }
          }
          if (gtlt === "<") {
            pr = "-0";
          }
          ret = `${gtlt + M2}.${m}.${p}${pr}`;
        } else if (xm) {
          ret = `>=${M2}.0.0${pr} <${+M2 + 1}.0.0-0`;
        } else if (xp) {
          ret = `>=${M2}.${m}.0${pr} <${M2}.${+m + 1}.0-0`;
        }
        debug("xRange return", ret);
        return ret;
      });
    };
    var replaceStars = (comp, options) => {
      debug("replaceStars", comp, options);
      return comp.trim().replace(re[t.STAR], "");
    };
    var replaceGTE0 = (comp, options) => {
      debug("replaceGTE0", comp, options);
      return comp.trim().replace(re[options.includePrerelease ? t.GTE0PRE : t.GTE0], "");
    };
    var hyphenReplace = (incPr) => ($0, from, fM, fm, fp, fpr, fb, to, tM, tm, tp, tpr) => {
      if (isX(fM)) {
        from = "";
      } else if (isX(fm)) {
        from = `>=${fM}.0.0${incPr ? "-0" : ""}`;
      } else if (isX(fp)) {
        from = `>=${fM}.${fm}.0${incPr ? "-0" : ""}`;
      } else if (fpr) {
        from = `>=${from}`;
      } else {
        from = `>=${from}${incPr ? "-0" : ""}`;
      }
      if (isX(tM)) {
        to = "";
      } else if (isX(tm)) {
        to = `<${+tM + 1}.0.0-0`;
      } else if (isX(tp)) {
        to = `<${tM}.${+tm + 1}.0-0`;
      } else if (tpr) {
        to = `<=${tM}.${tm}.${tp}-${tpr}`;
      } else if (incPr) {
        to = `<${tM}.${tm}.${+tp + 1}-0`;
      } else {
        to = `<=${to}`;
      }
      return `${from} ${to}`.trim();
    };
    var testSet = (set, version, options) => {
      for (let i = 0; i < set.length; i++) {
        if (!set[i].test(version)) {
          return false;
        }
      }
      if (version.prerelease.length && !options.includePrerelease) {
        for (let i = 0; i < set.length; i++) {
          debug(set[i].semver);
          if (set[i].semver === Comparator.ANY) {
            continue;
          }
          if (set[i].semver.prerelease.length > 0) {
            const allowed = set[i].semver;
            if (allowed.major === version.major && allowed.minor === version.minor && allowed.patch === version.patch) {
              return true;
            }
          }
        }
        return false;
      }
      return true;
    };
  }
});

// node_modules/semver/classes/comparator.js
var require_comparator = __commonJS({
  "node_modules/semver/classes/comparator.js"(exports, module) {
    "use strict";
    var ANY = /* @__PURE__ */ Symbol("SemVer ANY");
    var Comparator = class _Comparator {
      static get ANY() {
        return ANY;
      }
      constructor(comp, options) {
        options = parseOptions(options);
        if (comp instanceof _Comparator) {
          if (comp.loose === !!options.loose) {
            return comp;
          } else {
            comp = comp.value;
          }
        }
        comp = comp.trim().split(/\s+/).join(" ");
        debug("comparator", comp, options);
        this.options = options;
        this.loose = !!options.loose;
        this.parse(comp);
        if (this.semver === ANY) {
          this.value = "";
        } else {
          this.value = this.operator + this.semver.version;
        }
        debug("comp", this);
      }
      parse(comp) {
        const r = this.options.loose ? re[t.COMPARATORLOOSE] : re[t.COMPARATOR];
        const m = comp.match(r);
        if (!m) {
          throw new TypeError(`Invalid comparator: ${comp}`);
        }
        this.operator = m[1] !== void 0 ? m[1] : "";
        if (this.operator === "=") {
          this.operator = "";
        }
        if (!m[2]) {
          this.semver = ANY;
        } else {
          this.semver = new SemVer(m[2], this.options.loose);
        }
      }
      toString() {
        return this.value;
      }
      test(version) {
        debug("Comparator.test", version, this.options.loose);
        if (this.semver === ANY || version === ANY) {
          return true;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        return cmp(version, this.operator, this.semver, this.options);
      }
      intersects(comp, options) {
        if (!(comp instanceof _Comparator)) {
          throw new TypeError("a Comparator is required");
        }
        if (this.operator === "") {
          if (this.value === "") {
            return true;
          }
          return new Range(comp.value, options).test(this.value);
        } else if (comp.operator === "") {
          if (comp.value === "") {
            return true;
          }
          return new Range(this.value, options).test(comp.semver);
        }
        options = parseOptions(options);
        if (options.includePrerelease && (this.value === "<0.0.0-0" || comp.value === "<0.0.0-0")) {
          return false;
        }
        if (!options.includePrerelease && (this.value.startsWith("<0.0.0") || comp.value.startsWith("<0.0.0"))) {
          return false;
        }
        if (this.operator.startsWith(">") && comp.operator.startsWith(">")) {
          return true;
        }
        if (this.operator.startsWith("<") && comp.operator.startsWith("<")) {
          return true;
        }
        if (this.semver.version === comp.semver.version && this.operator.includes("=") && comp.operator.includes("=")) {
          return true;
        }
        if (cmp(this.semver, "<", comp.semver, options) && this.operator.startsWith(">") && comp.operator.startsWith("<")) {
          return true;
        }
        if (cmp(this.semver, ">", comp.semver, options) && this.operator.startsWith("<") && comp.operator.startsWith(">")) {
          return true;
        }
        return false;
      }
    };
    module.exports = Comparator;
    var parseOptions = require_parse_options();
    var { safeRe: re, t } = require_re();
    var cmp = require_cmp();
    var debug = require_debug();
    var SemVer = require_semver();
    var Range = require_range();
  }
});

// node_modules/semver/functions/satisfies.js
var require_satisfies = __commonJS({
  "node_modules/semver/functions/satisfies.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var satisfies = (version, range, options) => {
      try {
        range = new Range(range, options);
      } catch (er) {
        return false;
      }
      return range.test(version);
    };
    module.exports = satisfies;
  }
});

// node_modules/semver/ranges/to-comparators.js
var require_to_comparators = __commonJS({
  "node_modules/semver/ranges/to-comparators.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var toComparators = (range, options) => new Range(range, options).set.map((comp) => comp.map((c) => c.value).join(" ").trim().split(" "));
    module.exports = toComparators;
  }
});

// node_modules/semver/ranges/max-satisfying.js
var require_max_satisfying = __commonJS({
  "node_modules/semver/ranges/max-satisfying.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var maxSatisfying = (versions, range, options) => {
      let max = null;
      let maxSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range, options);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!max || maxSV.compare(v) === -1) {
            max = v;
            maxSV = new SemVer(max, options);
          }
        }
      });
      return max;
    };
    module.exports = maxSatisfying;
  }
});

// node_modules/semver/ranges/min-satisfying.js
var require_min_satisfying = __commonJS({
  "node_modules/semver/ranges/min-satisfying.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var minSatisfying = (versions, range, options) => {
      let min = null;
      let minSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range, options);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!min || minSV.compare(v) === 1) {
            min = v;
            minSV = new SemVer(min, options);
          }
        }
      });
      return min;
    };
    module.exports = minSatisfying;
  }
});

// node_modules/semver/ranges/min-version.js
var require_min_version = __commonJS({
  "node_modules/semver/ranges/min-version.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var gt = require_gt();
    var minVersion = (range, loose) => {
      range = new Range(range, loose);
      let minver = new SemVer("0.0.0");
      if (range.test(minver)) {
        return minver;
      }
      minver = new SemVer("0.0.0-0");
      if (range.test(minver)) {
        return minver;
      }
      minver = null;
      for (let i = 0; i < range.set.length; ++i) {
        const comparators = range.set[i];
        let setMin = null;
        comparators.forEach((comparator) => {
          const compver = new SemVer(comparator.semver.version);
          switch (comparator.operator) {
            case ">":
              if (compver.prerelease.length === 0) {
                compver.patch++;
              } else {
                compver.prerelease.push(0);
              }
              compver.raw = compver.format();
            /* fallthrough */
            case "":
            case ">=":
              if (!setMin || gt(compver, setMin)) {
                setMin = compver;
              }
              break;
            case "<":
            case "<=":
              break;
            /* istanbul ignore next */
            default:
              throw new Error(`Unexpected operation: ${comparator.operator}`);
          }
        });
        if (setMin && (!minver || gt(minver, setMin))) {
          minver = setMin;
        }
      }
      if (minver && range.test(minver)) {
        return minver;
      }
      return null;
    };
    module.exports = minVersion;
  }
});

// node_modules/semver/ranges/valid.js
var require_valid2 = __commonJS({
  "node_modules/semver/ranges/valid.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var validRange = (range, options) => {
      try {
        return new Range(range, options).range || "*";
      } catch (er) {
        return null;
      }
    };
    module.exports = validRange;
  }
});

// node_modules/semver/ranges/outside.js
var require_outside = __commonJS({
  "node_modules/semver/ranges/outside.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Comparator = require_comparator();
    var { ANY } = Comparator;
    var Range = require_range();
    var satisfies = require_satisfies();
    var gt = require_gt();
    var lt = require_lt();
    var lte = require_lte();
    var gte = require_gte();
    var outside2 = (version, range, hilo, options) => {
      version = new SemVer(version, options);
      range = new Range(range, options);
      let gtfn, ltefn, ltfn, comp, ecomp;
      switch (hilo) {
        case ">":
          gtfn = gt;
          ltefn = lte;
          ltfn = lt;
          comp = ">";
          ecomp = ">=";
          break;
        case "<":
          gtfn = lt;
          ltefn = gte;
          ltfn = gt;
          comp = "<";
          ecomp = "<=";
          break;
        default:
          throw new TypeError('Must provide a hilo val of "<" or ">"');
      }
      if (satisfies(version, range, options)) {
        return false;
      }
      for (let i = 0; i < range.set.length; ++i) {
        const comparators = range.set[i];
        let high = null;
        let low = null;
        comparators.forEach((comparator) => {
          if (comparator.semver === ANY) {
            comparator = new Comparator(">=0.0.0");
          }
          high = high || comparator;
          low = low || comparator;
          if (gtfn(comparator.semver, high.semver, options)) {
            high = comparator;
          } else if (ltfn(comparator.semver, low.semver, options)) {
            low = comparator;
          }
        });
        if (high.operator === comp || high.operator === ecomp) {
          return false;
        }
        if ((!low.operator || low.operator === comp) && ltefn(version, low.semver)) {
          return false;
        } else if (low.operator === ecomp && ltfn(version, low.semver)) {
          return false;
        }
      }
      return true;
    };
    module.exports = outside2;
  }
});

// node_modules/semver/ranges/gtr.js
var require_gtr = __commonJS({
  "node_modules/semver/ranges/gtr.js"(exports, module) {
    "use strict";
    var outside2 = require_outside();
    var gtr = (version, range, options) => outside2(version, range, ">", options);
    module.exports = gtr;
  }
});

// node_modules/semver/ranges/ltr.js
var require_ltr = __commonJS({
  "node_modules/semver/ranges/ltr.js"(exports, module) {
    "use strict";
    var outside2 = require_outside();
    var ltr = (version, range, options) => outside2(version, range, "<", options);
    module.exports = ltr;
  }
});

// node_modules/semver/ranges/intersects.js
var require_intersects = __commonJS({
  "node_modules/semver/ranges/intersects.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var intersects = (r1, r2, options) => {
      r1 = new Range(r1, options);
      r2 = new Range(r2, options);
      return r1.intersects(r2, options);
    };
    module.exports = intersects;
  }
});

// node_modules/semver/ranges/simplify.js
var require_simplify = __commonJS({
  "node_modules/semver/ranges/simplify.js"(exports, module) {
    "use strict";
    var satisfies = require_satisfies();
    var compare = require_compare();
    module.exports = (versions, range, options) => {
      const set = [];
      let first = null;
      let prev = null;
      const v = versions.sort((a, b) => compare(a, b, options));
      for (const version of v) {
        const included = satisfies(version, range, options);
        if (included) {
          prev = version;
          if (!first) {
            first = version;
          }
        } else {
          if (prev) {
            set.push([first, prev]);
          }
          prev = null;
          first = null;
        }
      }
      if (first) {
        set.push([first, null]);
      }
      const ranges = [];
      for (const [min, max] of set) {
        if (min === max) {
          ranges.push(min);
        } else if (!max && min === v[0]) {
          ranges.push("*");
        } else if (!max) {
          ranges.push(`>=${min}`);
        } else if (min === v[0]) {
          ranges.push(`<=${max}`);
        } else {
          ranges.push(`${min} - ${max}`);
        }
      }
      const simplified = ranges.join(" || ");
      const original = typeof range.raw === "string" ? range.raw : String(range);
      return simplified.length < original.length ? simplified : range;
    };
  }
});

// node_modules/semver/ranges/subset.js
var require_subset = __commonJS({
  "node_modules/semver/ranges/subset.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var Comparator = require_comparator();
    var { ANY } = Comparator;
    var satisfies = require_satisfies();
    var compare = require_compare();
    var subset = (sub, dom, options = {}) => {
      if (sub === dom) {
        return true;
      }
      sub = new Range(sub, options);
      dom = new Range(dom, options);
      let sawNonNull = false;
      OUTER: for (const simpleSub of sub.set) {
        for (const simpleDom of dom.set) {
          const isSub = simpleSubset(simpleSub, simpleDom, options);
          sawNonNull = sawNonNull || isSub !== null;
          if (isSub) {
            continue OUTER;
          }
        }
        if (sawNonNull) {
          return false;
        }
      }
      return true;
    };
    var minimumVersionWithPreRelease = [new Comparator(">=0.0.0-0")];
    var minimumVersion = [new Comparator(">=0.0.0")];
    var simpleSubset = (sub, dom, options) => {
      if (sub === dom) {
        return true;
      }
      if (sub.length === 1 && sub[0].semver === ANY) {
        if (dom.length === 1 && dom[0].semver === ANY) {
          return true;
        } else if (options.includePrerelease) {
          sub = minimumVersionWithPreRelease;
        } else {
          sub = minimumVersion;
        }
      }
      if (dom.length === 1 && dom[0].semver === ANY) {
        if (options.includePrerelease) {
          return true;
        } else {
          dom = minimumVersion;
        }
      }
      const eqSet = /* @__PURE__ */ new Set();
      let gt, lt;
      for (const c of sub) {
        if (c.operator === ">" || c.operator === ">=") {
          gt = higherGT(gt, c, options);
        } else if (c.operator === "<" || c.operator === "<=") {
          lt = lowerLT(lt, c, options);
        } else {
          eqSet.add(c.semver);
        }
      }
      if (eqSet.size > 1) {
        return null;
      }
      let gtltComp;
      if (gt && lt) {
        gtltComp = compare(gt.semver, lt.semver, options);
        if (gtltComp > 0) {
          return null;
        } else if (gtltComp === 0 && (gt.operator !== ">=" || lt.operator !== "<=")) {
          return null;
        }
      }
      for (const eq of eqSet) {
        if (gt && !satisfies(eq, String(gt), options)) {
          return null;
        }
        if (lt && !satisfies(eq, String(lt), options)) {
          return null;
        }
        for (const c of dom) {
          if (!satisfies(eq, String(c), options)) {
            return false;
          }
        }
        return true;
      }
      let higher, lower;
      let hasDomLT, hasDomGT;
      let needDomLTPre = lt && !options.includePrerelease && lt.semver.prerelease.length ? lt.semver : false;
      let needDomGTPre = gt && !options.includePrerelease && gt.semver.prerelease.length ? gt.semver : false;
      if (needDomLTPre && needDomLTPre.prerelease.length === 1 && lt.operator === "<" && needDomLTPre.prerelease[0] === 0) {
        needDomLTPre = false;
      }
      for (const c of dom) {
        hasDomGT = hasDomGT || c.operator === ">" || c.operator === ">=";
        hasDomLT = hasDomLT || c.operator === "<" || c.operator === "<=";
        if (gt) {
          if (needDomGTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomGTPre.major && c.semver.minor === needDomGTPre.minor && c.semver.patch === needDomGTPre.patch) {
              needDomGTPre = false;
            }
          }
          if (c.operator === ">" || c.operator === ">=") {
            higher = higherGT(gt, c, options);
            if (higher === c && higher !== gt) {
              return false;
            }
          } else if (gt.operator === ">=" && !c.test(gt.semver)) {
            return false;
          }
        }
        if (lt) {
          if (needDomLTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomLTPre.major && c.semver.minor === needDomLTPre.minor && c.semver.patch === needDomLTPre.patch) {
              needDomLTPre = false;
            }
          }
          if (c.operator === "<" || c.operator === "<=") {
            lower = lowerLT(lt, c, options);
            if (lower === c && lower !== lt) {
              return false;
            }
          } else if (lt.operator === "<=" && !c.test(lt.semver)) {
            return false;
          }
        }
        if (!c.operator && (lt || gt) && gtltComp !== 0) {
          return false;
        }
      }
      if (gt && hasDomLT && !lt && gtltComp !== 0) {
        return false;
      }
      if (lt && hasDomGT && !gt && gtltComp !== 0) {
        return false;
      }
      if (needDomGTPre || needDomLTPre) {
        return false;
      }
      return true;
    };
    var higherGT = (a, b, options) => {
      if (!a) {
        return b;
      }
      const comp = compare(a.semver, b.semver, options);
      return comp > 0 ? a : comp < 0 ? b : b.operator === ">" && a.operator === ">=" ? b : a;
    };
    var lowerLT = (a, b, options) => {
      if (!a) {
        return b;
      }
      const comp = compare(a.semver, b.semver, options);
      return comp < 0 ? a : comp > 0 ? b : b.operator === "<" && a.operator === "<=" ? b : a;
    };
    module.exports = subset;
  }
});

// node_modules/semver/index.js
var require_semver2 = __commonJS({
  "node_modules/semver/index.js"(exports, module) {
    "use strict";
    var internalRe = require_re();
    var constants = require_constants();
    var SemVer = require_semver();
    var identifiers = require_identifiers();
    var parse = require_parse();
    var valid = require_valid();
    var clean = require_clean();
    var inc = require_inc();
    var diff = require_diff();
    var major = require_major();
    var minor = require_minor();
    var patch = require_patch();
    var prerelease = require_prerelease();
    var compare = require_compare();
    var rcompare = require_rcompare();
    var compareLoose = require_compare_loose();
    var compareBuild = require_compare_build();
    var sort = require_sort();
    var rsort = require_rsort();
    var gt = require_gt();
    var lt = require_lt();
    var eq = require_eq();
    var neq = require_neq();
    var gte = require_gte();
    var lte = require_lte();
    var cmp = require_cmp();
    var coerce = require_coerce();
    var truncate2 = require_truncate();
    var Comparator = require_comparator();
    var Range = require_range();
    var satisfies = require_satisfies();
    var toComparators = require_to_comparators();
    var maxSatisfying = require_max_satisfying();
    var minSatisfying = require_min_satisfying();
    var minVersion = require_min_version();
    var validRange = require_valid2();
    var outside2 = require_outside();
    var gtr = require_gtr();
    var ltr = require_ltr();
    var intersects = require_intersects();
    var simplifyRange = require_simplify();
    var subset = require_subset();
    module.exports = {
      parse,
      valid,
      clean,
      inc,
      diff,
      major,
      minor,
      patch,
      prerelease,
      compare,
      rcompare,
      compareLoose,
      compareBuild,
      sort,
      rsort,
      gt,
      lt,
      eq,
      neq,
      gte,
      lte,
      cmp,
      coerce,
      truncate: truncate2,
      Comparator,
      Range,
      satisfies,
      toComparators,
      maxSatisfying,
      minSatisfying,
      minVersion,
      validRange,
      outside: outside2,
      gtr,
      ltr,
      intersects,
      simplifyRange,
      subset,
      SemVer,
      re: internalRe.re,
      src: internalRe.src,
      tokens: internalRe.t,
      SEMVER_SPEC_VERSION: constants.SEMVER_SPEC_VERSION,
      RELEASE_TYPES: constants.RELEASE_TYPES,
      compareIdentifiers: identifiers.compareIdentifiers,
      rcompareIdentifiers: identifiers.rcompareIdentifiers
    };
  }
});

// node_modules/ajv/dist/compile/codegen/code.js
var require_code = __commonJS({
  "node_modules/ajv/dist/compile/codegen/code.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.regexpCode = exports.getEsmExportName = exports.getProperty = exports.safeStringify = exports.stringify = exports.strConcat = exports.addCodeArg = exports.str = exports._ = exports.nil = exports._Code = exports.Name = exports.IDENTIFIER = exports._CodeOrName = void 0;
    var _CodeOrName = class {
    };
    exports._CodeOrName = _CodeOrName;
    exports.IDENTIFIER = /^[a-z$_][a-z$_0-9]*$/i;
    var Name = class extends _CodeOrName {
      constructor(s) {
        super();
        if (!exports.IDENTIFIER.test(s))
          throw new Error("CodeGen: name must be a valid identifier");
        this.str = s;
      }
      toString() {
        return this.str;
      }
      emptyStr() {
        return false;
      }
      get names() {
        return { [this.str]: 1 };
      }
    };
    exports.Name = Name;
    var _Code = class extends _CodeOrName {
      constructor(code) {
        super();
        this._items = typeof code === "string" ? [code] : code;
      }
      toString() {
        return this.str;
      }
      emptyStr() {
        if (this._items.length > 1)
          return false;
        const item = this._items[0];
        return item === "" || item === '""';
      }
      get str() {
        var _a;
        return (_a = this._str) !== null && _a !== void 0 ? _a : this._str = this._items.reduce((s, c) => `${s}${c}`, "");
      }
      get names() {
        var _a;
        return (_a = this._names) !== null && _a !== void 0 ? _a : this._names = this._items.reduce((names, c) => {
          if (c instanceof Name)
            names[c.str] = (names[c.str] || 0) + 1;
          return names;
        }, {});
      }
    };
    exports._Code = _Code;
    exports.nil = new _Code("");
    function _(strs, ...args) {
      const code = [strs[0]];
      let i = 0;
      while (i < args.length) {
        addCodeArg(code, args[i]);
        code.push(strs[++i]);
      }
      return new _Code(code);
    }
    exports._ = _;
    var plus = new _Code("+");
    function str(strs, ...args) {
      const expr = [safeStringify(strs[0])];
      let i = 0;
      while (i < args.length) {
        expr.push(plus);
        addCodeArg(expr, args[i]);
        expr.push(plus, safeStringify(strs[++i]));
      }
      optimize(expr);
      return new _Code(expr);
    }
    exports.str = str;
    function addCodeArg(code, arg) {
      if (arg instanceof _Code)
        code.push(...arg._items);
      else if (arg instanceof Name)
        code.push(arg);
      else
        code.push(interpolate(arg));
    }
    exports.addCodeArg = addCodeArg;
    function optimize(expr) {
      let i = 1;
      while (i < expr.length - 1) {
        if (expr[i] === plus) {
          const res = mergeExprItems(expr[i - 1], expr[i + 1]);
          if (res !== void 0) {
            expr.splice(i - 1, 3, res);
            continue;
          }
          expr[i++] = "+";
        }
        i++;
      }
    }
    function mergeExprItems(a, b) {
      if (b === '""')
        return a;
      if (a === '""')
        return b;
      if (typeof a == "string") {
        if (b instanceof Name || a[a.length - 1] !== '"')
          return;
        if (typeof b != "string")
          return `${a.slice(0, -1)}${b}"`;
        if (b[0] === '"')
          return a.slice(0, -1) + b.slice(1);
        return;
      }
      if (typeof b == "string" && b[0] === '"' && !(a instanceof Name))
        return `"${a}${b.slice(1)}`;
      return;
    }
    function strConcat(c1, c2) {
      return c2.emptyStr() ? c1 : c1.emptyStr() ? c2 : str`${c1}${c2}`;
    }
    exports.strConcat = strConcat;
    function interpolate(x) {
      return typeof x == "number" || typeof x == "boolean" || x === null ? x : safeStringify(Array.isArray(x) ? x.join(",") : x);
    }
    function stringify(x) {
      return new _Code(safeStringify(x));
    }
    exports.stringify = stringify;
    function safeStringify(x) {
      return JSON.stringify(x).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
    }
    exports.safeStringify = safeStringify;
    function getProperty(key) {
      return typeof key == "string" && exports.IDENTIFIER.test(key) ? new _Code(`.${key}`) : _`[${key}]`;
    }
    exports.getProperty = getProperty;
    function getEsmExportName(key) {
      if (typeof key == "string" && exports.IDENTIFIER.test(key)) {
        return new _Code(`${key}`);
      }
      throw new Error(`CodeGen: invalid export name: ${key}, use explicit $id name mapping`);
    }
    exports.getEsmExportName = getEsmExportName;
    function regexpCode(rx) {
      return new _Code(rx.toString());
    }
    exports.regexpCode = regexpCode;
  }
});

// node_modules/ajv/dist/compile/codegen/scope.js
var require_scope = __commonJS({
  "node_modules/ajv/dist/compile/codegen/scope.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ValueScope = exports.ValueScopeName = exports.Scope = exports.varKinds = exports.UsedValueState = void 0;
    var code_1 = require_code();
    var ValueError = class extends Error {
      constructor(name2) {
        super(`CodeGen: "code" for ${name2} not defined`);
        this.value = name2.value;
      }
    };
    var UsedValueState;
    (function(UsedValueState2) {
      UsedValueState2[UsedValueState2["Started"] = 0] = "Started";
      UsedValueState2[UsedValueState2["Completed"] = 1] = "Completed";
    })(UsedValueState || (exports.UsedValueState = UsedValueState = {}));
    exports.varKinds = {
      const: new code_1.Name("const"),
      let: new code_1.Name("let"),
      var: new code_1.Name("var")
    };
    var Scope = class {
      constructor({ prefixes, parent } = {}) {
        this._names = {};
        this._prefixes = prefixes;
        this._parent = parent;
      }
      toName(nameOrPrefix) {
        return nameOrPrefix instanceof code_1.Name ? nameOrPrefix : this.name(nameOrPrefix);
      }
      name(prefix) {
        return new code_1.Name(this._newName(prefix));
      }
      _newName(prefix) {
        const ng = this._names[prefix] || this._nameGroup(prefix);
        return `${prefix}${ng.index++}`;
      }
      _nameGroup(prefix) {
        var _a, _b;
        if (((_b = (_a = this._parent) === null || _a === void 0 ? void 0 : _a._prefixes) === null || _b === void 0 ? void 0 : _b.has(prefix)) || this._prefixes && !this._prefixes.has(prefix)) {
          throw new Error(`CodeGen: prefix "${prefix}" is not allowed in this scope`);
        }
        return this._names[prefix] = { prefix, index: 0 };
      }
    };
    exports.Scope = Scope;
    var ValueScopeName = class extends code_1.Name {
      constructor(prefix, nameStr) {
        super(nameStr);
        this.prefix = prefix;
      }
      setValue(value, { property, itemIndex }) {
        this.value = value;
        this.scopePath = (0, code_1._)`.${new code_1.Name(property)}[${itemIndex}]`;
      }
    };
    exports.ValueScopeName = ValueScopeName;
    var line = (0, code_1._)`\n`;
    var ValueScope = class extends Scope {
      constructor(opts) {
        super(opts);
        this._values = {};
        this._scope = opts.scope;
        this.opts = { ...opts, _n: opts.lines ? line : code_1.nil };
      }
      get() {
        return this._scope;
      }
      name(prefix) {
        return new ValueScopeName(prefix, this._newName(prefix));
      }
      value(nameOrPrefix, value) {
        var _a;
        if (value.ref === void 0)
          throw new Error("CodeGen: ref must be passed in value");
        const name2 = this.toName(nameOrPrefix);
        const { prefix } = name2;
        const valueKey = (_a = value.key) !== null && _a !== void 0 ? _a : value.ref;
        let vs = this._values[prefix];
        if (vs) {
          const _name = vs.get(valueKey);
          if (_name)
            return _name;
        } else {
          vs = this._values[prefix] = /* @__PURE__ */ new Map();
        }
        vs.set(valueKey, name2);
        const s = this._scope[prefix] || (this._scope[prefix] = []);
        const itemIndex = s.length;
        s[itemIndex] = value.ref;
        name2.setValue(value, { property: prefix, itemIndex });
        return name2;
      }
      getValue(prefix, keyOrRef) {
        const vs = this._values[prefix];
        if (!vs)
          return;
        return vs.get(keyOrRef);
      }
      scopeRefs(scopeName, values = this._values) {
        return this._reduceValues(values, (name2) => {
          if (name2.scopePath === void 0)
            throw new Error(`CodeGen: name "${name2}" has no value`);
          return (0, code_1._)`${scopeName}${name2.scopePath}`;
        });
      }
      scopeCode(values = this._values, usedValues, getCode) {
        return this._reduceValues(values, (name2) => {
          if (name2.value === void 0)
            throw new Error(`CodeGen: name "${name2}" has no value`);
          return name2.value.code;
        }, usedValues, getCode);
      }
      _reduceValues(values, valueCode, usedValues = {}, getCode) {
        let code = code_1.nil;
        for (const prefix in values) {
          const vs = values[prefix];
          if (!vs)
            continue;
          const nameSet = usedValues[prefix] = usedValues[prefix] || /* @__PURE__ */ new Map();
          vs.forEach((name2) => {
            if (nameSet.has(name2))
              return;
            nameSet.set(name2, UsedValueState.Started);
            let c = valueCode(name2);
            if (c) {
              const def = this.opts.es5 ? exports.varKinds.var : exports.varKinds.const;
              code = (0, code_1._)`${code}${def} ${name2} = ${c};${this.opts._n}`;
            } else if (c = getCode === null || getCode === void 0 ? void 0 : getCode(name2)) {
              code = (0, code_1._)`${code}${c}${this.opts._n}`;
            } else {
              throw new ValueError(name2);
            }
            nameSet.set(name2, UsedValueState.Completed);
          });
        }
        return code;
      }
    };
    exports.ValueScope = ValueScope;
  }
});

// node_modules/ajv/dist/compile/codegen/index.js
var require_codegen = __commonJS({
  "node_modules/ajv/dist/compile/codegen/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.or = exports.and = exports.not = exports.CodeGen = exports.operators = exports.varKinds = exports.ValueScopeName = exports.ValueScope = exports.Scope = exports.Name = exports.regexpCode = exports.stringify = exports.getProperty = exports.nil = exports.strConcat = exports.str = exports._ = void 0;
    var code_1 = require_code();
    var scope_1 = require_scope();
    var code_2 = require_code();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return code_2._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return code_2.str;
    } });
    Object.defineProperty(exports, "strConcat", { enumerable: true, get: function() {
      return code_2.strConcat;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return code_2.nil;
    } });
    Object.defineProperty(exports, "getProperty", { enumerable: true, get: function() {
      return code_2.getProperty;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return code_2.stringify;
    } });
    Object.defineProperty(exports, "regexpCode", { enumerable: true, get: function() {
      return code_2.regexpCode;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return code_2.Name;
    } });
    var scope_2 = require_scope();
    Object.defineProperty(exports, "Scope", { enumerable: true, get: function() {
      return scope_2.Scope;
    } });
    Object.defineProperty(exports, "ValueScope", { enumerable: true, get: function() {
      return scope_2.ValueScope;
    } });
    Object.defineProperty(exports, "ValueScopeName", { enumerable: true, get: function() {
      return scope_2.ValueScopeName;
    } });
    Object.defineProperty(exports, "varKinds", { enumerable: true, get: function() {
      return scope_2.varKinds;
    } });
    exports.operators = {
      GT: new code_1._Code(">"),
      GTE: new code_1._Code(">="),
      LT: new code_1._Code("<"),
      LTE: new code_1._Code("<="),
      EQ: new code_1._Code("==="),
      NEQ: new code_1._Code("!=="),
      NOT: new code_1._Code("!"),
      OR: new code_1._Code("||"),
      AND: new code_1._Code("&&"),
      ADD: new code_1._Code("+")
    };
    var Node = class {
      optimizeNodes() {
        return this;
      }
      optimizeNames(_names, _constants) {
        return this;
      }
    };
    var Def = class extends Node {
      constructor(varKind, name2, rhs) {
        super();
        this.varKind = varKind;
        this.name = name2;
        this.rhs = rhs;
      }
      render({ es5, _n }) {
        const varKind = es5 ? scope_1.varKinds.var : this.varKind;
        const rhs = this.rhs === void 0 ? "" : ` = ${this.rhs}`;
        return `${varKind} ${this.name}${rhs};` + _n;
      }
      optimizeNames(names, constants) {
        if (!names[this.name.str])
          return;
        if (this.rhs)
          this.rhs = optimizeExpr(this.rhs, names, constants);
        return this;
      }
      get names() {
        return this.rhs instanceof code_1._CodeOrName ? this.rhs.names : {};
      }
    };
    var Assign = class extends Node {
      constructor(lhs, rhs, sideEffects) {
        super();
        this.lhs = lhs;
        this.rhs = rhs;
        this.sideEffects = sideEffects;
      }
      render({ _n }) {
        return `${this.lhs} = ${this.rhs};` + _n;
      }
      optimizeNames(names, constants) {
        if (this.lhs instanceof code_1.Name && !names[this.lhs.str] && !this.sideEffects)
          return;
        this.rhs = optimizeExpr(this.rhs, names, constants);
        return this;
      }
      get names() {
        const names = this.lhs instanceof code_1.Name ? {} : { ...this.lhs.names };
        return addExprNames(names, this.rhs);
      }
    };
    var AssignOp = class extends Assign {
      constructor(lhs, op2, rhs, sideEffects) {
        super(lhs, rhs, sideEffects);
        this.op = op2;
      }
      render({ _n }) {
        return `${this.lhs} ${this.op}= ${this.rhs};` + _n;
      }
    };
    var Label = class extends Node {
      constructor(label2) {
        super();
        this.label = label2;
        this.names = {};
      }
      render({ _n }) {
        return `${this.label}:` + _n;
      }
    };
    var Break = class extends Node {
      constructor(label2) {
        super();
        this.label = label2;
        this.names = {};
      }
      render({ _n }) {
        const label2 = this.label ? ` ${this.label}` : "";
        return `break${label2};` + _n;
      }
    };
    var Throw = class extends Node {
      constructor(error) {
        super();
        this.error = error;
      }
      render({ _n }) {
        return `throw ${this.error};` + _n;
      }
      get names() {
        return this.error.names;
      }
    };
    var AnyCode = class extends Node {
      constructor(code) {
        super();
        this.code = code;
      }
      render({ _n }) {
        return `${this.code};` + _n;
      }
      optimizeNodes() {
        return `${this.code}` ? this : void 0;
      }
      optimizeNames(names, constants) {
        this.code = optimizeExpr(this.code, names, constants);
        return this;
      }
      get names() {
        return this.code instanceof code_1._CodeOrName ? this.code.names : {};
      }
    };
    var ParentNode = class extends Node {
      constructor(nodes = []) {
        super();
        this.nodes = nodes;
      }
      render(opts) {
        return this.nodes.reduce((code, n) => code + n.render(opts), "");
      }
      optimizeNodes() {
        const { nodes } = this;
        let i = nodes.length;
        while (i--) {
          const n = nodes[i].optimizeNodes();
          if (Array.isArray(n))
            nodes.splice(i, 1, ...n);
          else if (n)
            nodes[i] = n;
          else
            nodes.splice(i, 1);
        }
        return nodes.length > 0 ? this : void 0;
      }
      optimizeNames(names, constants) {
        const { nodes } = this;
        let i = nodes.length;
        while (i--) {
          const n = nodes[i];
          if (n.optimizeNames(names, constants))
            continue;
          subtractNames(names, n.names);
          nodes.splice(i, 1);
        }
        return nodes.length > 0 ? this : void 0;
      }
      get names() {
        return this.nodes.reduce((names, n) => addNames(names, n.names), {});
      }
    };
    var BlockNode = class extends ParentNode {
      render(opts) {
        return "{" + opts._n + super.render(opts) + "}" + opts._n;
      }
    };
    var Root = class extends ParentNode {
    };
    var Else = class extends BlockNode {
    };
    Else.kind = "else";
    var If = class _If extends BlockNode {
      constructor(condition, nodes) {
        super(nodes);
        this.condition = condition;
      }
      render(opts) {
        let code = `if(${this.condition})` + super.render(opts);
        if (this.else)
          code += "else " + this.else.render(opts);
        return code;
      }
      optimizeNodes() {
        super.optimizeNodes();
        const cond = this.condition;
        if (cond === true)
          return this.nodes;
        let e = this.else;
        if (e) {
          const ns = e.optimizeNodes();
          e = this.else = Array.isArray(ns) ? new Else(ns) : ns;
        }
        if (e) {
          if (cond === false)
            return e instanceof _If ? e : e.nodes;
          if (this.nodes.length)
            return this;
          return new _If(not(cond), e instanceof _If ? [e] : e.nodes);
        }
        if (cond === false || !this.nodes.length)
          return void 0;
        return this;
      }
      optimizeNames(names, constants) {
        var _a;
        this.else = (_a = this.else) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants);
        if (!(super.optimizeNames(names, constants) || this.else))
          return;
        this.condition = optimizeExpr(this.condition, names, constants);
        return this;
      }
      get names() {
        const names = super.names;
        addExprNames(names, this.condition);
        if (this.else)
          addNames(names, this.else.names);
        return names;
      }
    };
    If.kind = "if";
    var For = class extends BlockNode {
    };
    For.kind = "for";
    var ForLoop = class extends For {
      constructor(iteration) {
        super();
        this.iteration = iteration;
      }
      render(opts) {
        return `for(${this.iteration})` + super.render(opts);
      }
      optimizeNames(names, constants) {
        if (!super.optimizeNames(names, constants))
          return;
        this.iteration = optimizeExpr(this.iteration, names, constants);
        return this;
      }
      get names() {
        return addNames(super.names, this.iteration.names);
      }
    };
    var ForRange = class extends For {
      constructor(varKind, name2, from, to) {
        super();
        this.varKind = varKind;
        this.name = name2;
        this.from = from;
        this.to = to;
      }
      render(opts) {
        const varKind = opts.es5 ? scope_1.varKinds.var : this.varKind;
        const { name: name2, from, to } = this;
        return `for(${varKind} ${name2}=${from}; ${name2}<${to}; ${name2}++)` + super.render(opts);
      }
      get names() {
        const names = addExprNames(super.names, this.from);
        return addExprNames(names, this.to);
      }
    };
    var ForIter = class extends For {
      constructor(loop, varKind, name2, iterable) {
        super();
        this.loop = loop;
        this.varKind = varKind;
        this.name = name2;
        this.iterable = iterable;
      }
      render(opts) {
        return `for(${this.varKind} ${this.name} ${this.loop} ${this.iterable})` + super.render(opts);
      }
      optimizeNames(names, constants) {
        if (!super.optimizeNames(names, constants))
          return;
        this.iterable = optimizeExpr(this.iterable, names, constants);
        return this;
      }
      get names() {
        return addNames(super.names, this.iterable.names);
      }
    };
    var Func = class extends BlockNode {
      constructor(name2, args, async) {
        super();
        this.name = name2;
        this.args = args;
        this.async = async;
      }
      render(opts) {
        const _async = this.async ? "async " : "";
        return `${_async}function ${this.name}(${this.args})` + super.render(opts);
      }
    };
    Func.kind = "func";
    var Return = class extends ParentNode {
      render(opts) {
        return "return " + super.render(opts);
      }
    };
    Return.kind = "return";
    var Try = class extends BlockNode {
      render(opts) {
        let code = "try" + super.render(opts);
        if (this.catch)
          code += this.catch.render(opts);
        if (this.finally)
          code += this.finally.render(opts);
        return code;
      }
      optimizeNodes() {
        var _a, _b;
        super.optimizeNodes();
        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNodes();
        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNodes();
        return this;
      }
      optimizeNames(names, constants) {
        var _a, _b;
        super.optimizeNames(names, constants);
        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants);
        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNames(names, constants);
        return this;
      }
      get names() {
        const names = super.names;
        if (this.catch)
          addNames(names, this.catch.names);
        if (this.finally)
          addNames(names, this.finally.names);
        return names;
      }
    };
    var Catch = class extends BlockNode {
      constructor(error) {
        super();
        this.error = error;
      }
      render(opts) {
        return `catch(${this.error})` + super.render(opts);
      }
    };
    Catch.kind = "catch";
    var Finally = class extends BlockNode {
      render(opts) {
        return "finally" + super.render(opts);
      }
    };
    Finally.kind = "finally";
    var CodeGen = class {
      constructor(extScope, opts = {}) {
        this._values = {};
        this._blockStarts = [];
        this._constants = {};
        this.opts = { ...opts, _n: opts.lines ? "\n" : "" };
        this._extScope = extScope;
        this._scope = new scope_1.Scope({ parent: extScope });
        this._nodes = [new Root()];
      }
      toString() {
        return this._root.render(this.opts);
      }
      // returns unique name in the internal scope
      name(prefix) {
        return this._scope.name(prefix);
      }
      // reserves unique name in the external scope
      scopeName(prefix) {
        return this._extScope.name(prefix);
      }
      // reserves unique name in the external scope and assigns value to it
      scopeValue(prefixOrName, value) {
        const name2 = this._extScope.value(prefixOrName, value);
        const vs = this._values[name2.prefix] || (this._values[name2.prefix] = /* @__PURE__ */ new Set());
        vs.add(name2);
        return name2;
      }
      getScopeValue(prefix, keyOrRef) {
        return this._extScope.getValue(prefix, keyOrRef);
      }
      // return code that assigns values in the external scope to the names that are used internally
      // (same names that were returned by gen.scopeName or gen.scopeValue)
      scopeRefs(scopeName) {
        return this._extScope.scopeRefs(scopeName, this._values);
      }
      scopeCode() {
        return this._extScope.scopeCode(this._values);
      }
      _def(varKind, nameOrPrefix, rhs, constant) {
        const name2 = this._scope.toName(nameOrPrefix);
        if (rhs !== void 0 && constant)
          this._constants[name2.str] = rhs;
        this._leafNode(new Def(varKind, name2, rhs));
        return name2;
      }
      // `const` declaration (`var` in es5 mode)
      const(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.const, nameOrPrefix, rhs, _constant);
      }
      // `let` declaration with optional assignment (`var` in es5 mode)
      let(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.let, nameOrPrefix, rhs, _constant);
      }
      // `var` declaration with optional assignment
      var(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.var, nameOrPrefix, rhs, _constant);
      }
      // assignment code
      assign(lhs, rhs, sideEffects) {
        return this._leafNode(new Assign(lhs, rhs, sideEffects));
      }
      // `+=` code
      add(lhs, rhs) {
        return this._leafNode(new AssignOp(lhs, exports.operators.ADD, rhs));
      }
      // appends passed SafeExpr to code or executes Block
      code(c) {
        if (typeof c == "function")
          c();
        else if (c !== code_1.nil)
          this._leafNode(new AnyCode(c));
        return this;
      }
      // returns code for object literal for the passed argument list of key-value pairs
      object(...keyValues) {
        const code = ["{"];
        for (const [key, value] of keyValues) {
          if (code.length > 1)
            code.push(",");
          code.push(key);
          if (key !== value || this.opts.es5) {
            code.push(":");
            (0, code_1.addCodeArg)(code, value);
          }
        }
        code.push("}");
        return new code_1._Code(code);
      }
      // `if` clause (or statement if `thenBody` and, optionally, `elseBody` are passed)
      if(condition, thenBody, elseBody) {
        this._blockNode(new If(condition));
        if (thenBody && elseBody) {
          this.code(thenBody).else().code(elseBody).endIf();
        } else if (thenBody) {
          this.code(thenBody).endIf();
        } else if (elseBody) {
          throw new Error('CodeGen: "else" body without "then" body');
        }
        return this;
      }
      // `else if` clause - invalid without `if` or after `else` clauses
      elseIf(condition) {
        return this._elseNode(new If(condition));
      }
      // `else` clause - only valid after `if` or `else if` clauses
      else() {
        return this._elseNode(new Else());
      }
      // end `if` statement (needed if gen.if was used only with condition)
      endIf() {
        return this._endBlockNode(If, Else);
      }
      _for(node, forBody) {
        this._blockNode(node);
        if (forBody)
          this.code(forBody).endFor();
        return this;
      }
      // a generic `for` clause (or statement if `forBody` is passed)
      for(iteration, forBody) {
        return this._for(new ForLoop(iteration), forBody);
      }
      // `for` statement for a range of values
      forRange(nameOrPrefix, from, to, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.let) {
        const name2 = this._scope.toName(nameOrPrefix);
        return this._for(new ForRange(varKind, name2, from, to), () => forBody(name2));
      }
      // `for-of` statement (in es5 mode replace with a normal for loop)
      forOf(nameOrPrefix, iterable, forBody, varKind = scope_1.varKinds.const) {
        const name2 = this._scope.toName(nameOrPrefix);
        if (this.opts.es5) {
          const arr = iterable instanceof code_1.Name ? iterable : this.var("_arr", iterable);
          return this.forRange("_i", 0, (0, code_1._)`${arr}.length`, (i) => {
            this.var(name2, (0, code_1._)`${arr}[${i}]`);
            forBody(name2);
          });
        }
        return this._for(new ForIter("of", varKind, name2, iterable), () => forBody(name2));
      }
      // `for-in` statement.
      // With option `ownProperties` replaced with a `for-of` loop for object keys
      forIn(nameOrPrefix, obj, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.const) {
        if (this.opts.ownProperties) {
          return this.forOf(nameOrPrefix, (0, code_1._)`Object.keys(${obj})`, forBody);
        }
        const name2 = this._scope.toName(nameOrPrefix);
        return this._for(new ForIter("in", varKind, name2, obj), () => forBody(name2));
      }
      // end `for` loop
      endFor() {
        return this._endBlockNode(For);
      }
      // `label` statement
      label(label2) {
        return this._leafNode(new Label(label2));
      }
      // `break` statement
      break(label2) {
        return this._leafNode(new Break(label2));
      }
      // `return` statement
      return(value) {
        const node = new Return();
        this._blockNode(node);
        this.code(value);
        if (node.nodes.length !== 1)
          throw new Error('CodeGen: "return" should have one node');
        return this._endBlockNode(Return);
      }
      // `try` statement
      try(tryBody, catchCode, finallyCode) {
        if (!catchCode && !finallyCode)
          throw new Error('CodeGen: "try" without "catch" and "finally"');
        const node = new Try();
        this._blockNode(node);
        this.code(tryBody);
        if (catchCode) {
          const error = this.name("e");
          this._currNode = node.catch = new Catch(error);
          catchCode(error);
        }
        if (finallyCode) {
          this._currNode = node.finally = new Finally();
          this.code(finallyCode);
        }
        return this._endBlockNode(Catch, Finally);
      }
      // `throw` statement
      throw(error) {
        return this._leafNode(new Throw(error));
      }
      // start self-balancing block
      block(body2, nodeCount) {
        this._blockStarts.push(this._nodes.length);
        if (body2)
          this.code(body2).endBlock(nodeCount);
        return this;
      }
      // end the current self-balancing block
      endBlock(nodeCount) {
        const len = this._blockStarts.pop();
        if (len === void 0)
          throw new Error("CodeGen: not in self-balancing block");
        const toClose = this._nodes.length - len;
        if (toClose < 0 || nodeCount !== void 0 && toClose !== nodeCount) {
          throw new Error(`CodeGen: wrong number of nodes: ${toClose} vs ${nodeCount} expected`);
        }
        this._nodes.length = len;
        return this;
      }
      // `function` heading (or definition if funcBody is passed)
      func(name2, args = code_1.nil, async, funcBody) {
        this._blockNode(new Func(name2, args, async));
        if (funcBody)
          this.code(funcBody).endFunc();
        return this;
      }
      // end function definition
      endFunc() {
        return this._endBlockNode(Func);
      }
      optimize(n = 1) {
        while (n-- > 0) {
          this._root.optimizeNodes();
          this._root.optimizeNames(this._root.names, this._constants);
        }
      }
      _leafNode(node) {
        this._currNode.nodes.push(node);
        return this;
      }
      _blockNode(node) {
        this._currNode.nodes.push(node);
        this._nodes.push(node);
      }
      _endBlockNode(N1, N2) {
        const n = this._currNode;
        if (n instanceof N1 || N2 && n instanceof N2) {
          this._nodes.pop();
          return this;
        }
        throw new Error(`CodeGen: not in block "${N2 ? `${N1.kind}/${N2.kind}` : N1.kind}"`);
      }
      _elseNode(node) {
        const n = this._currNode;
        if (!(n instanceof If)) {
          throw new Error('CodeGen: "else" without "if"');
        }
        this._currNode = n.else = node;
        return this;
      }
      get _root() {
        return this._nodes[0];
      }
      get _currNode() {
        const ns = this._nodes;
        return ns[ns.length - 1];
      }
      set _currNode(node) {
        const ns = this._nodes;
        ns[ns.length - 1] = node;
      }
    };
    exports.CodeGen = CodeGen;
    function addNames(names, from) {
      for (const n in from)
        names[n] = (names[n] || 0) + (from[n] || 0);
      return names;
    }
    function addExprNames(names, from) {
      return from instanceof code_1._CodeOrName ? addNames(names, from.names) : names;
    }
    function optimizeExpr(expr, names, constants) {
      if (expr instanceof code_1.Name)
        return replaceName(expr);
      if (!canOptimize(expr))
        return expr;
      return new code_1._Code(expr._items.reduce((items, c) => {
        if (c instanceof code_1.Name)
          c = replaceName(c);
        if (c instanceof code_1._Code)
          items.push(...c._items);
        else
          items.push(c);
        return items;
      }, []));
      function replaceName(n) {
        const c = constants[n.str];
        if (c === void 0 || names[n.str] !== 1)
          return n;
        delete names[n.str];
        return c;
      }
      function canOptimize(e) {
        return e instanceof code_1._Code && e._items.some((c) => c instanceof code_1.Name && names[c.str] === 1 && constants[c.str] !== void 0);
      }
    }
    function subtractNames(names, from) {
      for (const n in from)
        names[n] = (names[n] || 0) - (from[n] || 0);
    }
    function not(x) {
      return typeof x == "boolean" || typeof x == "number" || x === null ? !x : (0, code_1._)`!${par(x)}`;
    }
    exports.not = not;
    var andCode = mappend(exports.operators.AND);
    function and(...args) {
      return args.reduce(andCode);
    }
    exports.and = and;
    var orCode = mappend(exports.operators.OR);
    function or(...args) {
      return args.reduce(orCode);
    }
    exports.or = or;
    function mappend(op2) {
      return (x, y) => x === code_1.nil ? y : y === code_1.nil ? x : (0, code_1._)`${par(x)} ${op2} ${par(y)}`;
    }
    function par(x) {
      return x instanceof code_1.Name ? x : (0, code_1._)`(${x})`;
    }
  }
});

// node_modules/ajv/dist/compile/util.js
var require_util = __commonJS({
  "node_modules/ajv/dist/compile/util.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.checkStrictMode = exports.getErrorPath = exports.Type = exports.useFunc = exports.setEvaluated = exports.evaluatedPropsToName = exports.mergeEvaluated = exports.eachItem = exports.unescapeJsonPointer = exports.escapeJsonPointer = exports.escapeFragment = exports.unescapeFragment = exports.schemaRefOrVal = exports.schemaHasRulesButRef = exports.schemaHasRules = exports.checkUnknownRules = exports.alwaysValidSchema = exports.toHash = void 0;
    var codegen_1 = require_codegen();
    var code_1 = require_code();
    function toHash(arr) {
      const hash = {};
      for (const item of arr)
        hash[item] = true;
      return hash;
    }
    exports.toHash = toHash;
    function alwaysValidSchema(it, schema) {
      if (typeof schema == "boolean")
        return schema;
      if (Object.keys(schema).length === 0)
        return true;
      checkUnknownRules(it, schema);
      return !schemaHasRules(schema, it.self.RULES.all);
    }
    exports.alwaysValidSchema = alwaysValidSchema;
    function checkUnknownRules(it, schema = it.schema) {
      const { opts, self } = it;
      if (!opts.strictSchema)
        return;
      if (typeof schema === "boolean")
        return;
      const rules = self.RULES.keywords;
      for (const key in schema) {
        if (!rules[key])
          checkStrictMode(it, `unknown keyword: "${key}"`);
      }
    }
    exports.checkUnknownRules = checkUnknownRules;
    function schemaHasRules(schema, rules) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key in schema)
        if (rules[key])
          return true;
      return false;
    }
    exports.schemaHasRules = schemaHasRules;
    function schemaHasRulesButRef(schema, RULES) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key in schema)
        if (key !== "$ref" && RULES.all[key])
          return true;
      return false;
    }
    exports.schemaHasRulesButRef = schemaHasRulesButRef;
    function schemaRefOrVal({ topSchemaRef, schemaPath }, schema, keyword, $data) {
      if (!$data) {
        if (typeof schema == "number" || typeof schema == "boolean")
          return schema;
        if (typeof schema == "string")
          return (0, codegen_1._)`${schema}`;
      }
      return (0, codegen_1._)`${topSchemaRef}${schemaPath}${(0, codegen_1.getProperty)(keyword)}`;
    }
    exports.schemaRefOrVal = schemaRefOrVal;
    function unescapeFragment(str) {
      return unescapeJsonPointer(decodeURIComponent(str));
    }
    exports.unescapeFragment = unescapeFragment;
    function escapeFragment(str) {
      return encodeURIComponent(escapeJsonPointer(str));
    }
    exports.escapeFragment = escapeFragment;
    function escapeJsonPointer(str) {
      if (typeof str == "number")
        return `${str}`;
      return str.replace(/~/g, "~0").replace(/\//g, "~1");
    }
    exports.escapeJsonPointer = escapeJsonPointer;
    function unescapeJsonPointer(str) {
      return str.replace(/~1/g, "/").replace(/~0/g, "~");
    }
    exports.unescapeJsonPointer = unescapeJsonPointer;
    function eachItem(xs, f) {
      if (Array.isArray(xs)) {
        for (const x of xs)
          f(x);
      } else {
        f(xs);
      }
    }
    exports.eachItem = eachItem;
    function makeMergeEvaluated({ mergeNames, mergeToName, mergeValues, resultToName }) {
      return (gen, from, to, toName) => {
        const res = to === void 0 ? from : to instanceof codegen_1.Name ? (from instanceof codegen_1.Name ? mergeNames(gen, from, to) : mergeToName(gen, from, to), to) : from instanceof codegen_1.Name ? (mergeToName(gen, to, from), from) : mergeValues(from, to);
        return toName === codegen_1.Name && !(res instanceof codegen_1.Name) ? resultToName(gen, res) : res;
      };
    }
    exports.mergeEvaluated = {
      props: makeMergeEvaluated({
        mergeNames: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true && ${from} !== undefined`, () => {
          gen.if((0, codegen_1._)`${from} === true`, () => gen.assign(to, true), () => gen.assign(to, (0, codegen_1._)`${to} || {}`).code((0, codegen_1._)`Object.assign(${to}, ${from})`));
        }),
        mergeToName: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true`, () => {
          if (from === true) {
            gen.assign(to, true);
          } else {
            gen.assign(to, (0, codegen_1._)`${to} || {}`);
            setEvaluated(gen, to, from);
          }
        }),
        mergeValues: (from, to) => from === true ? true : { ...from, ...to },
        resultToName: evaluatedPropsToName
      }),
      items: makeMergeEvaluated({
        mergeNames: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true && ${from} !== undefined`, () => gen.assign(to, (0, codegen_1._)`${from} === true ? true : ${to} > ${from} ? ${to} : ${from}`)),
        mergeToName: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true`, () => gen.assign(to, from === true ? true : (0, codegen_1._)`${to} > ${from} ? ${to} : ${from}`)),
        mergeValues: (from, to) => from === true ? true : Math.max(from, to),
        resultToName: (gen, items) => gen.var("items", items)
      })
    };
    function evaluatedPropsToName(gen, ps) {
      if (ps === true)
        return gen.var("props", true);
      const props = gen.var("props", (0, codegen_1._)`{}`);
      if (ps !== void 0)
        setEvaluated(gen, props, ps);
      return props;
    }
    exports.evaluatedPropsToName = evaluatedPropsToName;
    function setEvaluated(gen, props, ps) {
      Object.keys(ps).forEach((p) => gen.assign((0, codegen_1._)`${props}${(0, codegen_1.getProperty)(p)}`, true));
    }
    exports.setEvaluated = setEvaluated;
    var snippets = {};
    function useFunc(gen, f) {
      return gen.scopeValue("func", {
        ref: f,
        code: snippets[f.code] || (snippets[f.code] = new code_1._Code(f.code))
      });
    }
    exports.useFunc = useFunc;
    var Type;
    (function(Type2) {
      Type2[Type2["Num"] = 0] = "Num";
      Type2[Type2["Str"] = 1] = "Str";
    })(Type || (exports.Type = Type = {}));
    function getErrorPath(dataProp, dataPropType, jsPropertySyntax) {
      if (dataProp instanceof codegen_1.Name) {
        const isNumber = dataPropType === Type.Num;
        return jsPropertySyntax ? isNumber ? (0, codegen_1._)`"[" + ${dataProp} + "]"` : (0, codegen_1._)`"['" + ${dataProp} + "']"` : isNumber ? (0, codegen_1._)`"/" + ${dataProp}` : (0, codegen_1._)`"/" + ${dataProp}.replace(/~/g, "~0").replace(/\\//g, "~1")`;
      }
      return jsPropertySyntax ? (0, codegen_1.getProperty)(dataProp).toString() : "/" + escapeJsonPointer(dataProp);
    }
    exports.getErrorPath = getErrorPath;
    function checkStrictMode(it, msg, mode = it.opts.strictSchema) {
      if (!mode)
        return;
      msg = `strict mode: ${msg}`;
      if (mode === true)
        throw new Error(msg);
      it.self.logger.warn(msg);
    }
    exports.checkStrictMode = checkStrictMode;
  }
});

// node_modules/ajv/dist/compile/names.js
var require_names = __commonJS({
  "node_modules/ajv/dist/compile/names.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var names = {
      // validation function arguments
      data: new codegen_1.Name("data"),
      // data passed to validation function
      // args passed from referencing schema
      valCxt: new codegen_1.Name("valCxt"),
      // validation/data context - should not be used directly, it is destructured to the names below
      instancePath: new codegen_1.Name("instancePath"),
      parentData: new codegen_1.Name("parentData"),
      parentDataProperty: new codegen_1.Name("parentDataProperty"),
      rootData: new codegen_1.Name("rootData"),
      // root data - same as the data passed to the first/top validation function
      dynamicAnchors: new codegen_1.Name("dynamicAnchors"),
      // used to support recursiveRef and dynamicRef
      // function scoped variables
      vErrors: new codegen_1.Name("vErrors"),
      // null or array of validation errors
      errors: new codegen_1.Name("errors"),
      // counter of validation errors
      this: new codegen_1.Name("this"),
      // "globals"
      self: new codegen_1.Name("self"),
      scope: new codegen_1.Name("scope"),
      // JTD serialize/parse name for JSON string and position
      json: new codegen_1.Name("json"),
      jsonPos: new codegen_1.Name("jsonPos"),
      jsonLen: new codegen_1.Name("jsonLen"),
      jsonPart: new codegen_1.Name("jsonPart")
    };
    exports.default = names;
  }
});

// node_modules/ajv/dist/compile/errors.js
var require_errors = __commonJS({
  "node_modules/ajv/dist/compile/errors.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.extendErrors = exports.resetErrorsCount = exports.reportExtraError = exports.reportError = exports.keyword$DataError = exports.keywordError = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    exports.keywordError = {
      message: ({ keyword }) => (0, codegen_1.str)`must pass "${keyword}" keyword validation`
    };
    exports.keyword$DataError = {
      message: ({ keyword, schemaType }) => schemaType ? (0, codegen_1.str)`"${keyword}" keyword must be ${schemaType} ($data)` : (0, codegen_1.str)`"${keyword}" keyword is invalid ($data)`
    };
    function reportError(cxt, error = exports.keywordError, errorPaths, overrideAllErrors) {
      const { it } = cxt;
      const { gen, compositeRule, allErrors } = it;
      const errObj = errorObjectCode(cxt, error, errorPaths);
      if (overrideAllErrors !== null && overrideAllErrors !== void 0 ? overrideAllErrors : compositeRule || allErrors) {
        addError(gen, errObj);
      } else {
        returnErrors(it, (0, codegen_1._)`[${errObj}]`);
      }
    }
    exports.reportError = reportError;
    function reportExtraError(cxt, error = exports.keywordError, errorPaths) {
      const { it } = cxt;
      const { gen, compositeRule, allErrors } = it;
      const errObj = errorObjectCode(cxt, error, errorPaths);
      addError(gen, errObj);
      if (!(compositeRule || allErrors)) {
        returnErrors(it, names_1.default.vErrors);
      }
    }
    exports.reportExtraError = reportExtraError;
    function resetErrorsCount(gen, errsCount) {
      gen.assign(names_1.default.errors, errsCount);
      gen.if((0, codegen_1._)`${names_1.default.vErrors} !== null`, () => gen.if(errsCount, () => gen.assign((0, codegen_1._)`${names_1.default.vErrors}.length`, errsCount), () => gen.assign(names_1.default.vErrors, null)));
    }
    exports.resetErrorsCount = resetErrorsCount;
    function extendErrors({ gen, keyword, schemaValue, data, errsCount, it }) {
      if (errsCount === void 0)
        throw new Error("ajv implementation error");
      const err = gen.name("err");
      gen.forRange("i", errsCount, names_1.default.errors, (i) => {
        gen.const(err, (0, codegen_1._)`${names_1.default.vErrors}[${i}]`);
        gen.if((0, codegen_1._)`${err}.instancePath === undefined`, () => gen.assign((0, codegen_1._)`${err}.instancePath`, (0, codegen_1.strConcat)(names_1.default.instancePath, it.errorPath)));
        gen.assign((0, codegen_1._)`${err}.schemaPath`, (0, codegen_1.str)`${it.errSchemaPath}/${keyword}`);
        if (it.opts.verbose) {
          gen.assign((0, codegen_1._)`${err}.schema`, schemaValue);
          gen.assign((0, codegen_1._)`${err}.data`, data);
        }
      });
    }
    exports.extendErrors = extendErrors;
    function addError(gen, errObj) {
      const err = gen.const("err", errObj);
      gen.if((0, codegen_1._)`${names_1.default.vErrors} === null`, () => gen.assign(names_1.default.vErrors, (0, codegen_1._)`[${err}]`), (0, codegen_1._)`${names_1.default.vErrors}.push(${err})`);
      gen.code((0, codegen_1._)`${names_1.default.errors}++`);
    }
    function returnErrors(it, errs) {
      const { gen, validateName, schemaEnv } = it;
      if (schemaEnv.$async) {
        gen.throw((0, codegen_1._)`new ${it.ValidationError}(${errs})`);
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, errs);
        gen.return(false);
      }
    }
    var E = {
      keyword: new codegen_1.Name("keyword"),
      schemaPath: new codegen_1.Name("schemaPath"),
      // also used in JTD errors
      params: new codegen_1.Name("params"),
      propertyName: new codegen_1.Name("propertyName"),
      message: new codegen_1.Name("message"),
      schema: new codegen_1.Name("schema"),
      parentSchema: new codegen_1.Name("parentSchema")
    };
    function errorObjectCode(cxt, error, errorPaths) {
      const { createErrors } = cxt.it;
      if (createErrors === false)
        return (0, codegen_1._)`{}`;
      return errorObject(cxt, error, errorPaths);
    }
    function errorObject(cxt, error, errorPaths = {}) {
      const { gen, it } = cxt;
      const keyValues = [
        errorInstancePath(it, errorPaths),
        errorSchemaPath(cxt, errorPaths)
      ];
      extraErrorProps(cxt, error, keyValues);
      return gen.object(...keyValues);
    }
    function errorInstancePath({ errorPath }, { instancePath }) {
      const instPath = instancePath ? (0, codegen_1.str)`${errorPath}${(0, util_1.getErrorPath)(instancePath, util_1.Type.Str)}` : errorPath;
      return [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, instPath)];
    }
    function errorSchemaPath({ keyword, it: { errSchemaPath } }, { schemaPath, parentSchema }) {
      let schPath = parentSchema ? errSchemaPath : (0, codegen_1.str)`${errSchemaPath}/${keyword}`;
      if (schemaPath) {
        schPath = (0, codegen_1.str)`${schPath}${(0, util_1.getErrorPath)(schemaPath, util_1.Type.Str)}`;
      }
      return [E.schemaPath, schPath];
    }
    function extraErrorProps(cxt, { params, message }, keyValues) {
      const { keyword, data, schemaValue, it } = cxt;
      const { opts, propertyName, topSchemaRef, schemaPath } = it;
      keyValues.push([E.keyword, keyword], [E.params, typeof params == "function" ? params(cxt) : params || (0, codegen_1._)`{}`]);
      if (opts.messages) {
        keyValues.push([E.message, typeof message == "function" ? message(cxt) : message]);
      }
      if (opts.verbose) {
        keyValues.push([E.schema, schemaValue], [E.parentSchema, (0, codegen_1._)`${topSchemaRef}${schemaPath}`], [names_1.default.data, data]);
      }
      if (propertyName)
        keyValues.push([E.propertyName, propertyName]);
    }
  }
});

// node_modules/ajv/dist/compile/validate/boolSchema.js
var require_boolSchema = __commonJS({
  "node_modules/ajv/dist/compile/validate/boolSchema.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.boolOrEmptySchema = exports.topBoolOrEmptySchema = void 0;
    var errors_1 = require_errors();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var boolError = {
      message: "boolean schema is false"
    };
    function topBoolOrEmptySchema(it) {
      const { gen, schema, validateName } = it;
      if (schema === false) {
        falseSchemaError(it, false);
      } else if (typeof schema == "object" && schema.$async === true) {
        gen.return(names_1.default.data);
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, null);
        gen.return(true);
      }
    }
    exports.topBoolOrEmptySchema = topBoolOrEmptySchema;
    function boolOrEmptySchema(it, valid) {
      const { gen, schema } = it;
      if (schema === false) {
        gen.var(valid, false);
        falseSchemaError(it);
      } else {
        gen.var(valid, true);
      }
    }
    exports.boolOrEmptySchema = boolOrEmptySchema;
    function falseSchemaError(it, overrideAllErrors) {
      const { gen, data } = it;
      const cxt = {
        gen,
        keyword: "false schema",
        data,
        schema: false,
        schemaCode: false,
        schemaValue: false,
        params: {},
        it
      };
      (0, errors_1.reportError)(cxt, boolError, void 0, overrideAllErrors);
    }
  }
});

// node_modules/ajv/dist/compile/rules.js
var require_rules = __commonJS({
  "node_modules/ajv/dist/compile/rules.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getRules = exports.isJSONType = void 0;
    var _jsonTypes = ["string", "number", "integer", "boolean", "null", "object", "array"];
    var jsonTypes = new Set(_jsonTypes);
    function isJSONType(x) {
      return typeof x == "string" && jsonTypes.has(x);
    }
    exports.isJSONType = isJSONType;
    function getRules() {
      const groups = {
        number: { type: "number", rules: [] },
        string: { type: "string", rules: [] },
        array: { type: "array", rules: [] },
        object: { type: "object", rules: [] }
      };
      return {
        types: { ...groups, integer: true, boolean: true, null: true },
        rules: [{ rules: [] }, groups.number, groups.string, groups.array, groups.object],
        post: { rules: [] },
        all: {},
        keywords: {}
      };
    }
    exports.getRules = getRules;
  }
});

// node_modules/ajv/dist/compile/validate/applicability.js
var require_applicability = __commonJS({
  "node_modules/ajv/dist/compile/validate/applicability.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.shouldUseRule = exports.shouldUseGroup = exports.schemaHasRulesForType = void 0;
    function schemaHasRulesForType({ schema, self }, type) {
      const group = self.RULES.types[type];
      return group && group !== true && shouldUseGroup(schema, group);
    }
    exports.schemaHasRulesForType = schemaHasRulesForType;
    function shouldUseGroup(schema, group) {
      return group.rules.some((rule2) => shouldUseRule(schema, rule2));
    }
    exports.shouldUseGroup = shouldUseGroup;
    function shouldUseRule(schema, rule2) {
      var _a;
      return schema[rule2.keyword] !== void 0 || ((_a = rule2.definition.implements) === null || _a === void 0 ? void 0 : _a.some((kwd) => schema[kwd] !== void 0));
    }
    exports.shouldUseRule = shouldUseRule;
  }
});

// node_modules/ajv/dist/compile/validate/dataType.js
var require_dataType = __commonJS({
  "node_modules/ajv/dist/compile/validate/dataType.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.reportTypeError = exports.checkDataTypes = exports.checkDataType = exports.coerceAndCheckDataType = exports.getJSONTypes = exports.getSchemaTypes = exports.DataType = void 0;
    var rules_1 = require_rules();
    var applicability_1 = require_applicability();
    var errors_1 = require_errors();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var DataType;
    (function(DataType2) {
      DataType2[DataType2["Correct"] = 0] = "Correct";
      DataType2[DataType2["Wrong"] = 1] = "Wrong";
    })(DataType || (exports.DataType = DataType = {}));
    function getSchemaTypes(schema) {
      const types = getJSONTypes(schema.type);
      const hasNull = types.includes("null");
      if (hasNull) {
        if (schema.nullable === false)
          throw new Error("type: null contradicts nullable: false");
      } else {
        if (!types.length && schema.nullable !== void 0) {
          throw new Error('"nullable" cannot be used without "type"');
        }
        if (schema.nullable === true)
          types.push("null");
      }
      return types;
    }
    exports.getSchemaTypes = getSchemaTypes;
    function getJSONTypes(ts) {
      const types = Array.isArray(ts) ? ts : ts ? [ts] : [];
      if (types.every(rules_1.isJSONType))
        return types;
      throw new Error("type must be JSONType or JSONType[]: " + types.join(","));
    }
    exports.getJSONTypes = getJSONTypes;
    function coerceAndCheckDataType(it, types) {
      const { gen, data, opts } = it;
      const coerceTo = coerceToTypes(types, opts.coerceTypes);
      const checkTypes = types.length > 0 && !(coerceTo.length === 0 && types.length === 1 && (0, applicability_1.schemaHasRulesForType)(it, types[0]));
      if (checkTypes) {
        const wrongType = checkDataTypes(types, data, opts.strictNumbers, DataType.Wrong);
        gen.if(wrongType, () => {
          if (coerceTo.length)
            coerceData(it, types, coerceTo);
          else
            reportTypeError(it);
        });
      }
      return checkTypes;
    }
    exports.coerceAndCheckDataType = coerceAndCheckDataType;
    var COERCIBLE = /* @__PURE__ */ new Set(["string", "number", "integer", "boolean", "null"]);
    function coerceToTypes(types, coerceTypes) {
      return coerceTypes ? types.filter((t) => COERCIBLE.has(t) || coerceTypes === "array" && t === "array") : [];
    }
    function coerceData(it, types, coerceTo) {
      const { gen, data, opts } = it;
      const dataType = gen.let("dataType", (0, codegen_1._)`typeof ${data}`);
      const coerced = gen.let("coerced", (0, codegen_1._)`undefined`);
      if (opts.coerceTypes === "array") {
        gen.if((0, codegen_1._)`${dataType} == 'object' && Array.isArray(${data}) && ${data}.length == 1`, () => gen.assign(data, (0, codegen_1._)`${data}[0]`).assign(dataType, (0, codegen_1._)`typeof ${data}`).if(checkDataTypes(types, data, opts.strictNumbers), () => gen.assign(coerced, data)));
      }
      gen.if((0, codegen_1._)`${coerced} !== undefined`);
      for (const t of coerceTo) {
        if (COERCIBLE.has(t) || t === "array" && opts.coerceTypes === "array") {
          coerceSpecificType(t);
        }
      }
      gen.else();
      reportTypeError(it);
      gen.endIf();
      gen.if((0, codegen_1._)`${coerced} !== undefined`, () => {
        gen.assign(data, coerced);
        assignParentData(it, coerced);
      });
      function coerceSpecificType(t) {
        switch (t) {
          case "string":
            gen.elseIf((0, codegen_1._)`${dataType} == "number" || ${dataType} == "boolean"`).assign(coerced, (0, codegen_1._)`"" + ${data}`).elseIf((0, codegen_1._)`${data} === null`).assign(coerced, (0, codegen_1._)`""`);
            return;
          case "number":
            gen.elseIf((0, codegen_1._)`${dataType} == "boolean" || ${data} === null
              || (${dataType} == "string" && ${data} && ${data} == +${data})`).assign(coerced, (0, codegen_1._)`+${data}`);
            return;
          case "integer":
            gen.elseIf((0, codegen_1._)`${dataType} === "boolean" || ${data} === null
              || (${dataType} === "string" && ${data} && ${data} == +${data} && !(${data} % 1))`).assign(coerced, (0, codegen_1._)`+${data}`);
            return;
          case "boolean":
            gen.elseIf((0, codegen_1._)`${data} === "false" || ${data} === 0 || ${data} === null`).assign(coerced, false).elseIf((0, codegen_1._)`${data} === "true" || ${data} === 1`).assign(coerced, true);
            return;
          case "null":
            gen.elseIf((0, codegen_1._)`${data} === "" || ${data} === 0 || ${data} === false`);
            gen.assign(coerced, null);
            return;
          case "array":
            gen.elseIf((0, codegen_1._)`${dataType} === "string" || ${dataType} === "number"
              || ${dataType} === "boolean" || ${data} === null`).assign(coerced, (0, codegen_1._)`[${data}]`);
        }
      }
    }
    function assignParentData({ gen, parentData, parentDataProperty }, expr) {
      gen.if((0, codegen_1._)`${parentData} !== undefined`, () => gen.assign((0, codegen_1._)`${parentData}[${parentDataProperty}]`, expr));
    }
    function checkDataType(dataType, data, strictNums, correct = DataType.Correct) {
      const EQ = correct === DataType.Correct ? codegen_1.operators.EQ : codegen_1.operators.NEQ;
      let cond;
      switch (dataType) {
        case "null":
          return (0, codegen_1._)`${data} ${EQ} null`;
        case "array":
          cond = (0, codegen_1._)`Array.isArray(${data})`;
          break;
        case "object":
          cond = (0, codegen_1._)`${data} && typeof ${data} == "object" && !Array.isArray(${data})`;
          break;
        case "integer":
          cond = numCond((0, codegen_1._)`!(${data} % 1) && !isNaN(${data})`);
          break;
        case "number":
          cond = numCond();
          break;
        default:
          return (0, codegen_1._)`typeof ${data} ${EQ} ${dataType}`;
      }
      return correct === DataType.Correct ? cond : (0, codegen_1.not)(cond);
      function numCond(_cond = codegen_1.nil) {
        return (0, codegen_1.and)((0, codegen_1._)`typeof ${data} == "number"`, _cond, strictNums ? (0, codegen_1._)`isFinite(${data})` : codegen_1.nil);
      }
    }
    exports.checkDataType = checkDataType;
    function checkDataTypes(dataTypes, data, strictNums, correct) {
      if (dataTypes.length === 1) {
        return checkDataType(dataTypes[0], data, strictNums, correct);
      }
      let cond;
      const types = (0, util_1.toHash)(dataTypes);
      if (types.array && types.object) {
        const notObj = (0, codegen_1._)`typeof ${data} != "object"`;
        cond = types.null ? notObj : (0, codegen_1._)`!${data} || ${notObj}`;
        delete types.null;
        delete types.array;
        delete types.object;
      } else {
        cond = codegen_1.nil;
      }
      if (types.number)
        delete types.integer;
      for (const t in types)
        cond = (0, codegen_1.and)(cond, checkDataType(t, data, strictNums, correct));
      return cond;
    }
    exports.checkDataTypes = checkDataTypes;
    var typeError = {
      message: ({ schema }) => `must be ${schema}`,
      params: ({ schema, schemaValue }) => typeof schema == "string" ? (0, codegen_1._)`{type: ${schema}}` : (0, codegen_1._)`{type: ${schemaValue}}`
    };
    function reportTypeError(it) {
      const cxt = getTypeErrorContext(it);
      (0, errors_1.reportError)(cxt, typeError);
    }
    exports.reportTypeError = reportTypeError;
    function getTypeErrorContext(it) {
      const { gen, data, schema } = it;
      const schemaCode = (0, util_1.schemaRefOrVal)(it, schema, "type");
      return {
        gen,
        keyword: "type",
        data,
        schema: schema.type,
        schemaCode,
        schemaValue: schemaCode,
        parentSchema: schema,
        params: {},
        it
      };
    }
  }
});

// node_modules/ajv/dist/compile/validate/defaults.js
var require_defaults = __commonJS({
  "node_modules/ajv/dist/compile/validate/defaults.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.assignDefaults = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    function assignDefaults(it, ty) {
      const { properties, items } = it.schema;
      if (ty === "object" && properties) {
        for (const key in properties) {
          assignDefault(it, key, properties[key].default);
        }
      } else if (ty === "array" && Array.isArray(items)) {
        items.forEach((sch, i) => assignDefault(it, i, sch.default));
      }
    }
    exports.assignDefaults = assignDefaults;
    function assignDefault(it, prop, defaultValue) {
      const { gen, compositeRule, data, opts } = it;
      if (defaultValue === void 0)
        return;
      const childData = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(prop)}`;
      if (compositeRule) {
        (0, util_1.checkStrictMode)(it, `default is ignored for: ${childData}`);
        return;
      }
      let condition = (0, codegen_1._)`${childData} === undefined`;
      if (opts.useDefaults === "empty") {
        condition = (0, codegen_1._)`${condition} || ${childData} === null || ${childData} === ""`;
      }
      gen.if(condition, (0, codegen_1._)`${childData} = ${(0, codegen_1.stringify)(defaultValue)}`);
    }
  }
});

// node_modules/ajv/dist/vocabularies/code.js
var require_code2 = __commonJS({
  "node_modules/ajv/dist/vocabularies/code.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateUnion = exports.validateArray = exports.usePattern = exports.callValidateCode = exports.schemaProperties = exports.allSchemaProperties = exports.noPropertyInData = exports.propertyInData = exports.isOwnProperty = exports.hasPropFunc = exports.reportMissingProp = exports.checkMissingProp = exports.checkReportMissingProp = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    var util_2 = require_util();
    function checkReportMissingProp(cxt, prop) {
      const { gen, data, it } = cxt;
      gen.if(noPropertyInData(gen, data, prop, it.opts.ownProperties), () => {
        cxt.setParams({ missingProperty: (0, codegen_1._)`${prop}` }, true);
        cxt.error();
      });
    }
    exports.checkReportMissingProp = checkReportMissingProp;
    function checkMissingProp({ gen, data, it: { opts } }, properties, missing) {
      return (0, codegen_1.or)(...properties.map((prop) => (0, codegen_1.and)(noPropertyInData(gen, data, prop, opts.ownProperties), (0, codegen_1._)`${missing} = ${prop}`)));
    }
    exports.checkMissingProp = checkMissingProp;
    function reportMissingProp(cxt, missing) {
      cxt.setParams({ missingProperty: missing }, true);
      cxt.error();
    }
    exports.reportMissingProp = reportMissingProp;
    function hasPropFunc(gen) {
      return gen.scopeValue("func", {
        // eslint-disable-next-line @typescript-eslint/unbound-method
        ref: Object.prototype.hasOwnProperty,
        code: (0, codegen_1._)`Object.prototype.hasOwnProperty`
      });
    }
    exports.hasPropFunc = hasPropFunc;
    function isOwnProperty(gen, data, property) {
      return (0, codegen_1._)`${hasPropFunc(gen)}.call(${data}, ${property})`;
    }
    exports.isOwnProperty = isOwnProperty;
    function propertyInData(gen, data, property, ownProperties) {
      const cond = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(property)} !== undefined`;
      return ownProperties ? (0, codegen_1._)`${cond} && ${isOwnProperty(gen, data, property)}` : cond;
    }
    exports.propertyInData = propertyInData;
    function noPropertyInData(gen, data, property, ownProperties) {
      const cond = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(property)} === undefined`;
      return ownProperties ? (0, codegen_1.or)(cond, (0, codegen_1.not)(isOwnProperty(gen, data, property))) : cond;
    }
    exports.noPropertyInData = noPropertyInData;
    function allSchemaProperties(schemaMap) {
      return schemaMap ? Object.keys(schemaMap).filter((p) => p !== "__proto__") : [];
    }
    exports.allSchemaProperties = allSchemaProperties;
    function schemaProperties(it, schemaMap) {
      return allSchemaProperties(schemaMap).filter((p) => !(0, util_1.alwaysValidSchema)(it, schemaMap[p]));
    }
    exports.schemaProperties = schemaProperties;
    function callValidateCode({ schemaCode, data, it: { gen, topSchemaRef, schemaPath, errorPath }, it }, func, context, passSchema) {
      const dataAndSchema = passSchema ? (0, codegen_1._)`${schemaCode}, ${data}, ${topSchemaRef}${schemaPath}` : data;
      const valCxt = [
        [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, errorPath)],
        [names_1.default.parentData, it.parentData],
        [names_1.default.parentDataProperty, it.parentDataProperty],
        [names_1.default.rootData, names_1.default.rootData]
      ];
      if (it.opts.dynamicRef)
        valCxt.push([names_1.default.dynamicAnchors, names_1.default.dynamicAnchors]);
      const args = (0, codegen_1._)`${dataAndSchema}, ${gen.object(...valCxt)}`;
      return context !== codegen_1.nil ? (0, codegen_1._)`${func}.call(${context}, ${args})` : (0, codegen_1._)`${func}(${args})`;
    }
    exports.callValidateCode = callValidateCode;
    var newRegExp = (0, codegen_1._)`new RegExp`;
    function usePattern({ gen, it: { opts } }, pattern) {
      const u = opts.unicodeRegExp ? "u" : "";
      const { regExp } = opts.code;
      const rx = regExp(pattern, u);
      return gen.scopeValue("pattern", {
        key: rx.toString(),
        ref: rx,
        code: (0, codegen_1._)`${regExp.code === "new RegExp" ? newRegExp : (0, util_2.useFunc)(gen, regExp)}(${pattern}, ${u})`
      });
    }
    exports.usePattern = usePattern;
    function validateArray(cxt) {
      const { gen, data, keyword, it } = cxt;
      const valid = gen.name("valid");
      if (it.allErrors) {
        const validArr = gen.let("valid", true);
        validateItems(() => gen.assign(validArr, false));
        return validArr;
      }
      gen.var(valid, true);
      validateItems(() => gen.break());
      return valid;
      function validateItems(notValid) {
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        gen.forRange("i", 0, len, (i) => {
          cxt.subschema({
            keyword,
            dataProp: i,
            dataPropType: util_1.Type.Num
          }, valid);
          gen.if((0, codegen_1.not)(valid), notValid);
        });
      }
    }
    exports.validateArray = validateArray;
    function validateUnion(cxt) {
      const { gen, schema, keyword, it } = cxt;
      if (!Array.isArray(schema))
        throw new Error("ajv implementation error");
      const alwaysValid = schema.some((sch) => (0, util_1.alwaysValidSchema)(it, sch));
      if (alwaysValid && !it.opts.unevaluated)
        return;
      const valid = gen.let("valid", false);
      const schValid = gen.name("_valid");
      gen.block(() => schema.forEach((_sch, i) => {
        const schCxt = cxt.subschema({
          keyword,
          schemaProp: i,
          compositeRule: true
        }, schValid);
        gen.assign(valid, (0, codegen_1._)`${valid} || ${schValid}`);
        const merged = cxt.mergeValidEvaluated(schCxt, schValid);
        if (!merged)
          gen.if((0, codegen_1.not)(valid));
      }));
      cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
    }
    exports.validateUnion = validateUnion;
  }
});

// node_modules/ajv/dist/compile/validate/keyword.js
var require_keyword = __commonJS({
  "node_modules/ajv/dist/compile/validate/keyword.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateKeywordUsage = exports.validSchemaType = exports.funcKeywordCode = exports.macroKeywordCode = void 0;
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var code_1 = require_code2();
    var errors_1 = require_errors();
    function macroKeywordCode(cxt, def) {
      const { gen, keyword, schema, parentSchema, it } = cxt;
      const macroSchema = def.macro.call(it.self, schema, parentSchema, it);
      const schemaRef = useKeyword(gen, keyword, macroSchema);
      if (it.opts.validateSchema !== false)
        it.self.validateSchema(macroSchema, true);
      const valid = gen.name("valid");
      cxt.subschema({
        schema: macroSchema,
        schemaPath: codegen_1.nil,
        errSchemaPath: `${it.errSchemaPath}/${keyword}`,
        topSchemaRef: schemaRef,
        compositeRule: true
      }, valid);
      cxt.pass(valid, () => cxt.error(true));
    }
    exports.macroKeywordCode = macroKeywordCode;
    function funcKeywordCode(cxt, def) {
      var _a;
      const { gen, keyword, schema, parentSchema, $data, it } = cxt;
      checkAsyncKeyword(it, def);
      const validate = !$data && def.compile ? def.compile.call(it.self, schema, parentSchema, it) : def.validate;
      const validateRef = useKeyword(gen, keyword, validate);
      const valid = gen.let("valid");
      cxt.block$data(valid, validateKeyword);
      cxt.ok((_a = def.valid) !== null && _a !== void 0 ? _a : valid);
      function validateKeyword() {
        if (def.errors === false) {
          assignValid();
          if (def.modifying)
            modifyData(cxt);
          reportErrs(() => cxt.error());
        } else {
          const ruleErrs = def.async ? validateAsync() : validateSync();
          if (def.modifying)
            modifyData(cxt);
          reportErrs(() => addErrs(cxt, ruleErrs));
        }
      }
      function validateAsync() {
        const ruleErrs = gen.let("ruleErrs", null);
        gen.try(() => assignValid((0, codegen_1._)`await `), (e) => gen.assign(valid, false).if((0, codegen_1._)`${e} instanceof ${it.ValidationError}`, () => gen.assign(ruleErrs, (0, codegen_1._)`${e}.errors`), () => gen.throw(e)));
        return ruleErrs;
      }
      function validateSync() {
        const validateErrs = (0, codegen_1._)`${validateRef}.errors`;
        gen.assign(validateErrs, null);
        assignValid(codegen_1.nil);
        return validateErrs;
      }
      function assignValid(_await = def.async ? (0, codegen_1._)`await ` : codegen_1.nil) {
        const passCxt = it.opts.passContext ? names_1.default.this : names_1.default.self;
        const passSchema = !("compile" in def && !$data || def.schema === false);
        gen.assign(valid, (0, codegen_1._)`${_await}${(0, code_1.callValidateCode)(cxt, validateRef, passCxt, passSchema)}`, def.modifying);
      }
      function reportErrs(errors) {
        var _a2;
        gen.if((0, codegen_1.not)((_a2 = def.valid) !== null && _a2 !== void 0 ? _a2 : valid), errors);
      }
    }
    exports.funcKeywordCode = funcKeywordCode;
    function modifyData(cxt) {
      const { gen, data, it } = cxt;
      gen.if(it.parentData, () => gen.assign(data, (0, codegen_1._)`${it.parentData}[${it.parentDataProperty}]`));
    }
    function addErrs(cxt, errs) {
      const { gen } = cxt;
      gen.if((0, codegen_1._)`Array.isArray(${errs})`, () => {
        gen.assign(names_1.default.vErrors, (0, codegen_1._)`${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`).assign(names_1.default.errors, (0, codegen_1._)`${names_1.default.vErrors}.length`);
        (0, errors_1.extendErrors)(cxt);
      }, () => cxt.error());
    }
    function checkAsyncKeyword({ schemaEnv }, def) {
      if (def.async && !schemaEnv.$async)
        throw new Error("async keyword in sync schema");
    }
    function useKeyword(gen, keyword, result2) {
      if (result2 === void 0)
        throw new Error(`keyword "${keyword}" failed to compile`);
      return gen.scopeValue("keyword", typeof result2 == "function" ? { ref: result2 } : { ref: result2, code: (0, codegen_1.stringify)(result2) });
    }
    function validSchemaType(schema, schemaType, allowUndefined = false) {
      return !schemaType.length || schemaType.some((st) => st === "array" ? Array.isArray(schema) : st === "object" ? schema && typeof schema == "object" && !Array.isArray(schema) : typeof schema == st || allowUndefined && typeof schema == "undefined");
    }
    exports.validSchemaType = validSchemaType;
    function validateKeywordUsage({ schema, opts, self, errSchemaPath }, def, keyword) {
      if (Array.isArray(def.keyword) ? !def.keyword.includes(keyword) : def.keyword !== keyword) {
        throw new Error("ajv implementation error");
      }
      const deps = def.dependencies;
      if (deps === null || deps === void 0 ? void 0 : deps.some((kwd) => !Object.prototype.hasOwnProperty.call(schema, kwd))) {
        throw new Error(`parent schema must have dependencies of ${keyword}: ${deps.join(",")}`);
      }
      if (def.validateSchema) {
        const valid = def.validateSchema(schema[keyword]);
        if (!valid) {
          const msg = `keyword "${keyword}" value is invalid at path "${errSchemaPath}": ` + self.errorsText(def.validateSchema.errors);
          if (opts.validateSchema === "log")
            self.logger.error(msg);
          else
            throw new Error(msg);
        }
      }
    }
    exports.validateKeywordUsage = validateKeywordUsage;
  }
});

// node_modules/ajv/dist/compile/validate/subschema.js
var require_subschema = __commonJS({
  "node_modules/ajv/dist/compile/validate/subschema.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.extendSubschemaMode = exports.extendSubschemaData = exports.getSubschema = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    function getSubschema(it, { keyword, schemaProp, schema, schemaPath, errSchemaPath, topSchemaRef }) {
      if (keyword !== void 0 && schema !== void 0) {
        throw new Error('both "keyword" and "schema" passed, only one allowed');
      }
      if (keyword !== void 0) {
        const sch = it.schema[keyword];
        return schemaProp === void 0 ? {
          schema: sch,
          schemaPath: (0, codegen_1._)`${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}`,
          errSchemaPath: `${it.errSchemaPath}/${keyword}`
        } : {
          schema: sch[schemaProp],
          schemaPath: (0, codegen_1._)`${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}${(0, codegen_1.getProperty)(schemaProp)}`,
          errSchemaPath: `${it.errSchemaPath}/${keyword}/${(0, util_1.escapeFragment)(schemaProp)}`
        };
      }
      if (schema !== void 0) {
        if (schemaPath === void 0 || errSchemaPath === void 0 || topSchemaRef === void 0) {
          throw new Error('"schemaPath", "errSchemaPath" and "topSchemaRef" are required with "schema"');
        }
        return {
          schema,
          schemaPath,
          topSchemaRef,
          errSchemaPath
        };
      }
      throw new Error('either "keyword" or "schema" must be passed');
    }
    exports.getSubschema = getSubschema;
    function extendSubschemaData(subschema, it, { dataProp, dataPropType: dpType, data, dataTypes, propertyName }) {
      if (data !== void 0 && dataProp !== void 0) {
        throw new Error('both "data" and "dataProp" passed, only one allowed');
      }
      const { gen } = it;
      if (dataProp !== void 0) {
        const { errorPath, dataPathArr, opts } = it;
        const nextData = gen.let("data", (0, codegen_1._)`${it.data}${(0, codegen_1.getProperty)(dataProp)}`, true);
        dataContextProps(nextData);
        subschema.errorPath = (0, codegen_1.str)`${errorPath}${(0, util_1.getErrorPath)(dataProp, dpType, opts.jsPropertySyntax)}`;
        subschema.parentDataProperty = (0, codegen_1._)`${dataProp}`;
        subschema.dataPathArr = [...dataPathArr, subschema.parentDataProperty];
      }
      if (data !== void 0) {
        const nextData = data instanceof codegen_1.Name ? data : gen.let("data", data, true);
        dataContextProps(nextData);
        if (propertyName !== void 0)
          subschema.propertyName = propertyName;
      }
      if (dataTypes)
        subschema.dataTypes = dataTypes;
      function dataContextProps(_nextData) {
        subschema.data = _nextData;
        subschema.dataLevel = it.dataLevel + 1;
        subschema.dataTypes = [];
        it.definedProperties = /* @__PURE__ */ new Set();
        subschema.parentData = it.data;
        subschema.dataNames = [...it.dataNames, _nextData];
      }
    }
    exports.extendSubschemaData = extendSubschemaData;
    function extendSubschemaMode(subschema, { jtdDiscriminator, jtdMetadata, compositeRule, createErrors, allErrors }) {
      if (compositeRule !== void 0)
        subschema.compositeRule = compositeRule;
      if (createErrors !== void 0)
        subschema.createErrors = createErrors;
      if (allErrors !== void 0)
        subschema.allErrors = allErrors;
      subschema.jtdDiscriminator = jtdDiscriminator;
      subschema.jtdMetadata = jtdMetadata;
    }
    exports.extendSubschemaMode = extendSubschemaMode;
  }
});

// node_modules/fast-deep-equal/index.js
var require_fast_deep_equal = __commonJS({
  "node_modules/fast-deep-equal/index.js"(exports, module) {
    "use strict";
    module.exports = function equal(a, b) {
      if (a === b) return true;
      if (a && b && typeof a == "object" && typeof b == "object") {
        if (a.constructor !== b.constructor) return false;
        var length, i, keys;
        if (Array.isArray(a)) {
          length = a.length;
          if (length != b.length) return false;
          for (i = length; i-- !== 0; )
            if (!equal(a[i], b[i])) return false;
          return true;
        }
        if (a.constructor === RegExp) return a.source === b.source && a.flags === b.flags;
        if (a.valueOf !== Object.prototype.valueOf) return a.valueOf() === b.valueOf();
        if (a.toString !== Object.prototype.toString) return a.toString() === b.toString();
        keys = Object.keys(a);
        length = keys.length;
        if (length !== Object.keys(b).length) return false;
        for (i = length; i-- !== 0; )
          if (!Object.prototype.hasOwnProperty.call(b, keys[i])) return false;
        for (i = length; i-- !== 0; ) {
          var key = keys[i];
          if (!equal(a[key], b[key])) return false;
        }
        return true;
      }
      return a !== a && b !== b;
    };
  }
});

// node_modules/json-schema-traverse/index.js
var require_json_schema_traverse = __commonJS({
  "node_modules/json-schema-traverse/index.js"(exports, module) {
    "use strict";
    var traverse = module.exports = function(schema, opts, cb) {
      if (typeof opts == "function") {
        cb = opts;
        opts = {};
      }
      cb = opts.cb || cb;
      var pre = typeof cb == "function" ? cb : cb.pre || function() {
      };
      var post = cb.post || function() {
      };
      _traverse(opts, pre, post, schema, "", schema);
    };
    traverse.keywords = {
      additionalItems: true,
      items: true,
      contains: true,
      additionalProperties: true,
      propertyNames: true,
      not: true,
      if: true,
      then: true,
      else: true
    };
    traverse.arrayKeywords = {
      items: true,
      allOf: true,
      anyOf: true,
      oneOf: true
    };
    traverse.propsKeywords = {
      $defs: true,
      definitions: true,
      properties: true,
      patternProperties: true,
      dependencies: true
    };
    traverse.skipKeywords = {
      default: true,
      enum: true,
      const: true,
      required: true,
      maximum: true,
      minimum: true,
      exclusiveMaximum: true,
      exclusiveMinimum: true,
      multipleOf: true,
      maxLength: true,
      minLength: true,
      pattern: true,
      format: true,
      maxItems: true,
      minItems: true,
      uniqueItems: true,
      maxProperties: true,
      minProperties: true
    };
    function _traverse(opts, pre, post, schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex) {
      if (schema && typeof schema == "object" && !Array.isArray(schema)) {
        pre(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
        for (var key in schema) {
          var sch = schema[key];
          if (Array.isArray(sch)) {
            if (key in traverse.arrayKeywords) {
              for (var i = 0; i < sch.length; i++)
                _traverse(opts, pre, post, sch[i], jsonPtr + "/" + key + "/" + i, rootSchema, jsonPtr, key, schema, i);
            }
          } else if (key in traverse.propsKeywords) {
            if (sch && typeof sch == "object") {
              for (var prop in sch)
                _traverse(opts, pre, post, sch[prop], jsonPtr + "/" + key + "/" + escapeJsonPtr(prop), rootSchema, jsonPtr, key, schema, prop);
            }
          } else if (key in traverse.keywords || opts.allKeys && !(key in traverse.skipKeywords)) {
            _traverse(opts, pre, post, sch, jsonPtr + "/" + key, rootSchema, jsonPtr, key, schema);
          }
        }
        post(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
      }
    }
    function escapeJsonPtr(str) {
      return str.replace(/~/g, "~0").replace(/\//g, "~1");
    }
  }
});

// node_modules/ajv/dist/compile/resolve.js
var require_resolve = __commonJS({
  "node_modules/ajv/dist/compile/resolve.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getSchemaRefs = exports.resolveUrl = exports.normalizeId = exports._getFullPath = exports.getFullPath = exports.inlineRef = void 0;
    var util_1 = require_util();
    var equal = require_fast_deep_equal();
    var traverse = require_json_schema_traverse();
    var SIMPLE_INLINED = /* @__PURE__ */ new Set([
      "type",
      "format",
      "pattern",
      "maxLength",
      "minLength",
      "maxProperties",
      "minProperties",
      "maxItems",
      "minItems",
      "maximum",
      "minimum",
      "uniqueItems",
      "multipleOf",
      "required",
      "enum",
      "const"
    ]);
    function inlineRef(schema, limit = true) {
      if (typeof schema == "boolean")
        return true;
      if (limit === true)
        return !hasRef(schema);
      if (!limit)
        return false;
      return countKeys(schema) <= limit;
    }
    exports.inlineRef = inlineRef;
    var REF_KEYWORDS = /* @__PURE__ */ new Set([
      "$ref",
      "$recursiveRef",
      "$recursiveAnchor",
      "$dynamicRef",
      "$dynamicAnchor"
    ]);
    function hasRef(schema) {
      for (const key in schema) {
        if (REF_KEYWORDS.has(key))
          return true;
        const sch = schema[key];
        if (Array.isArray(sch) && sch.some(hasRef))
          return true;
        if (typeof sch == "object" && hasRef(sch))
          return true;
      }
      return false;
    }
    function countKeys(schema) {
      let count3 = 0;
      for (const key in schema) {
        if (key === "$ref")
          return Infinity;
        count3++;
        if (SIMPLE_INLINED.has(key))
          continue;
        if (typeof schema[key] == "object") {
          (0, util_1.eachItem)(schema[key], (sch) => count3 += countKeys(sch));
        }
        if (count3 === Infinity)
          return Infinity;
      }
      return count3;
    }
    function getFullPath(resolver, id = "", normalize2) {
      if (normalize2 !== false)
        id = normalizeId(id);
      const p = resolver.parse(id);
      return _getFullPath(resolver, p);
    }
    exports.getFullPath = getFullPath;
    function _getFullPath(resolver, p) {
      const serialized = resolver.serialize(p);
      return serialized.split("#")[0] + "#";
    }
    exports._getFullPath = _getFullPath;
    var TRAILING_SLASH_HASH = /#\/?$/;
    function normalizeId(id) {
      return id ? id.replace(TRAILING_SLASH_HASH, "") : "";
    }
    exports.normalizeId = normalizeId;
    function resolveUrl(resolver, baseId, id) {
      id = normalizeId(id);
      return resolver.resolve(baseId, id);
    }
    exports.resolveUrl = resolveUrl;
    var ANCHOR = /^[a-z_][-a-z0-9._]*$/i;
    function getSchemaRefs(schema, baseId) {
      if (typeof schema == "boolean")
        return {};
      const { schemaId, uriResolver } = this.opts;
      const schId = normalizeId(schema[schemaId] || baseId);
      const baseIds = { "": schId };
      const pathPrefix = getFullPath(uriResolver, schId, false);
      const localRefs = {};
      const schemaRefs = /* @__PURE__ */ new Set();
      traverse(schema, { allKeys: true }, (sch, jsonPtr, _, parentJsonPtr) => {
        if (parentJsonPtr === void 0)
          return;
        const fullPath = pathPrefix + jsonPtr;
        let innerBaseId = baseIds[parentJsonPtr];
        if (typeof sch[schemaId] == "string")
          innerBaseId = addRef.call(this, sch[schemaId]);
        addAnchor.call(this, sch.$anchor);
        addAnchor.call(this, sch.$dynamicAnchor);
        baseIds[jsonPtr] = innerBaseId;
        function addRef(ref) {
          const _resolve = this.opts.uriResolver.resolve;
          ref = normalizeId(innerBaseId ? _resolve(innerBaseId, ref) : ref);
          if (schemaRefs.has(ref))
            throw ambiguos(ref);
          schemaRefs.add(ref);
          let schOrRef = this.refs[ref];
          if (typeof schOrRef == "string")
            schOrRef = this.refs[schOrRef];
          if (typeof schOrRef == "object") {
            checkAmbiguosRef(sch, schOrRef.schema, ref);
          } else if (ref !== normalizeId(fullPath)) {
            if (ref[0] === "#") {
              checkAmbiguosRef(sch, localRefs[ref], ref);
              localRefs[ref] = sch;
            } else {
              this.refs[ref] = fullPath;
            }
          }
          return ref;
        }
        function addAnchor(anchor) {
          if (typeof anchor == "string") {
            if (!ANCHOR.test(anchor))
              throw new Error(`invalid anchor "${anchor}"`);
            addRef.call(this, `#${anchor}`);
          }
        }
      });
      return localRefs;
      function checkAmbiguosRef(sch1, sch2, ref) {
        if (sch2 !== void 0 && !equal(sch1, sch2))
          throw ambiguos(ref);
      }
      function ambiguos(ref) {
        return new Error(`reference "${ref}" resolves to more than one schema`);
      }
    }
    exports.getSchemaRefs = getSchemaRefs;
  }
});

// node_modules/ajv/dist/compile/validate/index.js
var require_validate = __commonJS({
  "node_modules/ajv/dist/compile/validate/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getData = exports.KeywordCxt = exports.validateFunctionCode = void 0;
    var boolSchema_1 = require_boolSchema();
    var dataType_1 = require_dataType();
    var applicability_1 = require_applicability();
    var dataType_2 = require_dataType();
    var defaults_1 = require_defaults();
    var keyword_1 = require_keyword();
    var subschema_1 = require_subschema();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var resolve_1 = require_resolve();
    var util_1 = require_util();
    var errors_1 = require_errors();
    function validateFunctionCode(it) {
      if (isSchemaObj(it)) {
        checkKeywords(it);
        if (schemaCxtHasRules(it)) {
          topSchemaObjCode(it);
          return;
        }
      }
      validateFunction(it, () => (0, boolSchema_1.topBoolOrEmptySchema)(it));
    }
    exports.validateFunctionCode = validateFunctionCode;
    function validateFunction({ gen, validateName, schema, schemaEnv, opts }, body2) {
      if (opts.code.es5) {
        gen.func(validateName, (0, codegen_1._)`${names_1.default.data}, ${names_1.default.valCxt}`, schemaEnv.$async, () => {
          gen.code((0, codegen_1._)`"use strict"; ${funcSourceUrl(schema, opts)}`);
          destructureValCxtES5(gen, opts);
          gen.code(body2);
        });
      } else {
        gen.func(validateName, (0, codegen_1._)`${names_1.default.data}, ${destructureValCxt(opts)}`, schemaEnv.$async, () => gen.code(funcSourceUrl(schema, opts)).code(body2));
      }
    }
    function destructureValCxt(opts) {
      return (0, codegen_1._)`{${names_1.default.instancePath}="", ${names_1.default.parentData}, ${names_1.default.parentDataProperty}, ${names_1.default.rootData}=${names_1.default.data}${opts.dynamicRef ? (0, codegen_1._)`, ${names_1.default.dynamicAnchors}={}` : codegen_1.nil}}={}`;
    }
    function destructureValCxtES5(gen, opts) {
      gen.if(names_1.default.valCxt, () => {
        gen.var(names_1.default.instancePath, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.instancePath}`);
        gen.var(names_1.default.parentData, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.parentData}`);
        gen.var(names_1.default.parentDataProperty, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.parentDataProperty}`);
        gen.var(names_1.default.rootData, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.rootData}`);
        if (opts.dynamicRef)
          gen.var(names_1.default.dynamicAnchors, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.dynamicAnchors}`);
      }, () => {
        gen.var(names_1.default.instancePath, (0, codegen_1._)`""`);
        gen.var(names_1.default.parentData, (0, codegen_1._)`undefined`);
        gen.var(names_1.default.parentDataProperty, (0, codegen_1._)`undefined`);
        gen.var(names_1.default.rootData, names_1.default.data);
        if (opts.dynamicRef)
          gen.var(names_1.default.dynamicAnchors, (0, codegen_1._)`{}`);
      });
    }
    function topSchemaObjCode(it) {
      const { schema, opts, gen } = it;
      validateFunction(it, () => {
        if (opts.$comment && schema.$comment)
          commentKeyword(it);
        checkNoDefault(it);
        gen.let(names_1.default.vErrors, null);
        gen.let(names_1.default.errors, 0);
        if (opts.unevaluated)
          resetEvaluated(it);
        typeAndKeywords(it);
        returnResults(it);
      });
      return;
    }
    function resetEvaluated(it) {
      const { gen, validateName } = it;
      it.evaluated = gen.const("evaluated", (0, codegen_1._)`${validateName}.evaluated`);
      gen.if((0, codegen_1._)`${it.evaluated}.dynamicProps`, () => gen.assign((0, codegen_1._)`${it.evaluated}.props`, (0, codegen_1._)`undefined`));
      gen.if((0, codegen_1._)`${it.evaluated}.dynamicItems`, () => gen.assign((0, codegen_1._)`${it.evaluated}.items`, (0, codegen_1._)`undefined`));
    }
    function funcSourceUrl(schema, opts) {
      const schId = typeof schema == "object" && schema[opts.schemaId];
      return schId && (opts.code.source || opts.code.process) ? (0, codegen_1._)`/*# sourceURL=${schId} */` : codegen_1.nil;
    }
    function subschemaCode(it, valid) {
      if (isSchemaObj(it)) {
        checkKeywords(it);
        if (schemaCxtHasRules(it)) {
          subSchemaObjCode(it, valid);
          return;
        }
      }
      (0, boolSchema_1.boolOrEmptySchema)(it, valid);
    }
    function schemaCxtHasRules({ schema, self }) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key in schema)
        if (self.RULES.all[key])
          return true;
      return false;
    }
    function isSchemaObj(it) {
      return typeof it.schema != "boolean";
    }
    function subSchemaObjCode(it, valid) {
      const { schema, gen, opts } = it;
      if (opts.$comment && schema.$comment)
        commentKeyword(it);
      updateContext(it);
      checkAsyncSchema(it);
      const errsCount = gen.const("_errs", names_1.default.errors);
      typeAndKeywords(it, errsCount);
      gen.var(valid, (0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
    }
    function checkKeywords(it) {
      (0, util_1.checkUnknownRules)(it);
      checkRefsAndKeywords(it);
    }
    function typeAndKeywords(it, errsCount) {
      if (it.opts.jtd)
        return schemaKeywords(it, [], false, errsCount);
      const types = (0, dataType_1.getSchemaTypes)(it.schema);
      const checkedTypes = (0, dataType_1.coerceAndCheckDataType)(it, types);
      schemaKeywords(it, types, !checkedTypes, errsCount);
    }
    function checkRefsAndKeywords(it) {
      const { schema, errSchemaPath, opts, self } = it;
      if (schema.$ref && opts.ignoreKeywordsWithRef && (0, util_1.schemaHasRulesButRef)(schema, self.RULES)) {
        self.logger.warn(`$ref: keywords ignored in schema at path "${errSchemaPath}"`);
      }
    }
    function checkNoDefault(it) {
      const { schema, opts } = it;
      if (schema.default !== void 0 && opts.useDefaults && opts.strictSchema) {
        (0, util_1.checkStrictMode)(it, "default is ignored in the schema root");
      }
    }
    function updateContext(it) {
      const schId = it.schema[it.opts.schemaId];
      if (schId)
        it.baseId = (0, resolve_1.resolveUrl)(it.opts.uriResolver, it.baseId, schId);
    }
    function checkAsyncSchema(it) {
      if (it.schema.$async && !it.schemaEnv.$async)
        throw new Error("async schema in sync schema");
    }
    function commentKeyword({ gen, schemaEnv, schema, errSchemaPath, opts }) {
      const msg = schema.$comment;
      if (opts.$comment === true) {
        gen.code((0, codegen_1._)`${names_1.default.self}.logger.log(${msg})`);
      } else if (typeof opts.$comment == "function") {
        const schemaPath = (0, codegen_1.str)`${errSchemaPath}/$comment`;
        const rootName = gen.scopeValue("root", { ref: schemaEnv.root });
        gen.code((0, codegen_1._)`${names_1.default.self}.opts.$comment(${msg}, ${schemaPath}, ${rootName}.schema)`);
      }
    }
    function returnResults(it) {
      const { gen, schemaEnv, validateName, ValidationError, opts } = it;
      if (schemaEnv.$async) {
        gen.if((0, codegen_1._)`${names_1.default.errors} === 0`, () => gen.return(names_1.default.data), () => gen.throw((0, codegen_1._)`new ${ValidationError}(${names_1.default.vErrors})`));
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, names_1.default.vErrors);
        if (opts.unevaluated)
          assignEvaluated(it);
        gen.return((0, codegen_1._)`${names_1.default.errors} === 0`);
      }
    }
    function assignEvaluated({ gen, evaluated, props, items }) {
      if (props instanceof codegen_1.Name)
        gen.assign((0, codegen_1._)`${evaluated}.props`, props);
      if (items instanceof codegen_1.Name)
        gen.assign((0, codegen_1._)`${evaluated}.items`, items);
    }
    function schemaKeywords(it, types, typeErrors, errsCount) {
      const { gen, schema, data, allErrors, opts, self } = it;
      const { RULES } = self;
      if (schema.$ref && (opts.ignoreKeywordsWithRef || !(0, util_1.schemaHasRulesButRef)(schema, RULES))) {
        gen.block(() => keywordCode(it, "$ref", RULES.all.$ref.definition));
        return;
      }
      if (!opts.jtd)
        checkStrictTypes(it, types);
      gen.block(() => {
        for (const group of RULES.rules)
          groupKeywords(group);
        groupKeywords(RULES.post);
      });
      function groupKeywords(group) {
        if (!(0, applicability_1.shouldUseGroup)(schema, group))
          return;
        if (group.type) {
          gen.if((0, dataType_2.checkDataType)(group.type, data, opts.strictNumbers));
          iterateKeywords(it, group);
          if (types.length === 1 && types[0] === group.type && typeErrors) {
            gen.else();
            (0, dataType_2.reportTypeError)(it);
          }
          gen.endIf();
        } else {
          iterateKeywords(it, group);
        }
        if (!allErrors)
          gen.if((0, codegen_1._)`${names_1.default.errors} === ${errsCount || 0}`);
      }
    }
    function iterateKeywords(it, group) {
      const { gen, schema, opts: { useDefaults } } = it;
      if (useDefaults)
        (0, defaults_1.assignDefaults)(it, group.type);
      gen.block(() => {
        for (const rule2 of group.rules) {
          if ((0, applicability_1.shouldUseRule)(schema, rule2)) {
            keywordCode(it, rule2.keyword, rule2.definition, group.type);
          }
        }
      });
    }
    function checkStrictTypes(it, types) {
      if (it.schemaEnv.meta || !it.opts.strictTypes)
        return;
      checkContextTypes(it, types);
      if (!it.opts.allowUnionTypes)
        checkMultipleTypes(it, types);
      checkKeywordTypes(it, it.dataTypes);
    }
    function checkContextTypes(it, types) {
      if (!types.length)
        return;
      if (!it.dataTypes.length) {
        it.dataTypes = types;
        return;
      }
      types.forEach((t) => {
        if (!includesType(it.dataTypes, t)) {
          strictTypesError(it, `type "${t}" not allowed by context "${it.dataTypes.join(",")}"`);
        }
      });
      narrowSchemaTypes(it, types);
    }
    function checkMultipleTypes(it, ts) {
      if (ts.length > 1 && !(ts.length === 2 && ts.includes("null"))) {
        strictTypesError(it, "use allowUnionTypes to allow union type keyword");
      }
    }
    function checkKeywordTypes(it, ts) {
      const rules = it.self.RULES.all;
      for (const keyword in rules) {
        const rule2 = rules[keyword];
        if (typeof rule2 == "object" && (0, applicability_1.shouldUseRule)(it.schema, rule2)) {
          const { type } = rule2.definition;
          if (type.length && !type.some((t) => hasApplicableType(ts, t))) {
            strictTypesError(it, `missing type "${type.join(",")}" for keyword "${keyword}"`);
          }
        }
      }
    }
    function hasApplicableType(schTs, kwdT) {
      return schTs.includes(kwdT) || kwdT === "number" && schTs.includes("integer");
    }
    function includesType(ts, t) {
      return ts.includes(t) || t === "integer" && ts.includes("number");
    }
    function narrowSchemaTypes(it, withTypes) {
      const ts = [];
      for (const t of it.dataTypes) {
        if (includesType(withTypes, t))
          ts.push(t);
        else if (withTypes.includes("integer") && t === "number")
          ts.push("integer");
      }
      it.dataTypes = ts;
    }
    function strictTypesError(it, msg) {
      const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
      msg += ` at "${schemaPath}" (strictTypes)`;
      (0, util_1.checkStrictMode)(it, msg, it.opts.strictTypes);
    }
    var KeywordCxt = class {
      constructor(it, def, keyword) {
        (0, keyword_1.validateKeywordUsage)(it, def, keyword);
        this.gen = it.gen;
        this.allErrors = it.allErrors;
        this.keyword = keyword;
        this.data = it.data;
        this.schema = it.schema[keyword];
        this.$data = def.$data && it.opts.$data && this.schema && this.schema.$data;
        this.schemaValue = (0, util_1.schemaRefOrVal)(it, this.schema, keyword, this.$data);
        this.schemaType = def.schemaType;
        this.parentSchema = it.schema;
        this.params = {};
        this.it = it;
        this.def = def;
        if (this.$data) {
          this.schemaCode = it.gen.const("vSchema", getData(this.$data, it));
        } else {
          this.schemaCode = this.schemaValue;
          if (!(0, keyword_1.validSchemaType)(this.schema, def.schemaType, def.allowUndefined)) {
            throw new Error(`${keyword} value must be ${JSON.stringify(def.schemaType)}`);
          }
        }
        if ("code" in def ? def.trackErrors : def.errors !== false) {
          this.errsCount = it.gen.const("_errs", names_1.default.errors);
        }
      }
      result(condition, successAction, failAction) {
        this.failResult((0, codegen_1.not)(condition), successAction, failAction);
      }
      failResult(condition, successAction, failAction) {
        this.gen.if(condition);
        if (failAction)
          failAction();
        else
          this.error();
        if (successAction) {
          this.gen.else();
          successAction();
          if (this.allErrors)
            this.gen.endIf();
        } else {
          if (this.allErrors)
            this.gen.endIf();
          else
            this.gen.else();
        }
      }
      pass(condition, failAction) {
        this.failResult((0, codegen_1.not)(condition), void 0, failAction);
      }
      fail(condition) {
        if (condition === void 0) {
          this.error();
          if (!this.allErrors)
            this.gen.if(false);
          return;
        }
        this.gen.if(condition);
        this.error();
        if (this.allErrors)
          this.gen.endIf();
        else
          this.gen.else();
      }
      fail$data(condition) {
        if (!this.$data)
          return this.fail(condition);
        const { schemaCode } = this;
        this.fail((0, codegen_1._)`${schemaCode} !== undefined && (${(0, codegen_1.or)(this.invalid$data(), condition)})`);
      }
      error(append, errorParams, errorPaths) {
        if (errorParams) {
          this.setParams(errorParams);
          this._error(append, errorPaths);
          this.setParams({});
          return;
        }
        this._error(append, errorPaths);
      }
      _error(append, errorPaths) {
        ;
        (append ? errors_1.reportExtraError : errors_1.reportError)(this, this.def.error, errorPaths);
      }
      $dataError() {
        (0, errors_1.reportError)(this, this.def.$dataError || errors_1.keyword$DataError);
      }
      reset() {
        if (this.errsCount === void 0)
          throw new Error('add "trackErrors" to keyword definition');
        (0, errors_1.resetErrorsCount)(this.gen, this.errsCount);
      }
      ok(cond) {
        if (!this.allErrors)
          this.gen.if(cond);
      }
      setParams(obj, assign) {
        if (assign)
          Object.assign(this.params, obj);
        else
          this.params = obj;
      }
      block$data(valid, codeBlock, $dataValid = codegen_1.nil) {
        this.gen.block(() => {
          this.check$data(valid, $dataValid);
          codeBlock();
        });
      }
      check$data(valid = codegen_1.nil, $dataValid = codegen_1.nil) {
        if (!this.$data)
          return;
        const { gen, schemaCode, schemaType, def } = this;
        gen.if((0, codegen_1.or)((0, codegen_1._)`${schemaCode} === undefined`, $dataValid));
        if (valid !== codegen_1.nil)
          gen.assign(valid, true);
        if (schemaType.length || def.validateSchema) {
          gen.elseIf(this.invalid$data());
          this.$dataError();
          if (valid !== codegen_1.nil)
            gen.assign(valid, false);
        }
        gen.else();
      }
      invalid$data() {
        const { gen, schemaCode, schemaType, def, it } = this;
        return (0, codegen_1.or)(wrong$DataType(), invalid$DataSchema());
        function wrong$DataType() {
          if (schemaType.length) {
            if (!(schemaCode instanceof codegen_1.Name))
              throw new Error("ajv implementation error");
            const st = Array.isArray(schemaType) ? schemaType : [schemaType];
            return (0, codegen_1._)`${(0, dataType_2.checkDataTypes)(st, schemaCode, it.opts.strictNumbers, dataType_2.DataType.Wrong)}`;
          }
          return codegen_1.nil;
        }
        function invalid$DataSchema() {
          if (def.validateSchema) {
            const validateSchemaRef = gen.scopeValue("validate$data", { ref: def.validateSchema });
            return (0, codegen_1._)`!${validateSchemaRef}(${schemaCode})`;
          }
          return codegen_1.nil;
        }
      }
      subschema(appl, valid) {
        const subschema = (0, subschema_1.getSubschema)(this.it, appl);
        (0, subschema_1.extendSubschemaData)(subschema, this.it, appl);
        (0, subschema_1.extendSubschemaMode)(subschema, appl);
        const nextContext = { ...this.it, ...subschema, items: void 0, props: void 0 };
        subschemaCode(nextContext, valid);
        return nextContext;
      }
      mergeEvaluated(schemaCxt, toName) {
        const { it, gen } = this;
        if (!it.opts.unevaluated)
          return;
        if (it.props !== true && schemaCxt.props !== void 0) {
          it.props = util_1.mergeEvaluated.props(gen, schemaCxt.props, it.props, toName);
        }
        if (it.items !== true && schemaCxt.items !== void 0) {
          it.items = util_1.mergeEvaluated.items(gen, schemaCxt.items, it.items, toName);
        }
      }
      mergeValidEvaluated(schemaCxt, valid) {
        const { it, gen } = this;
        if (it.opts.unevaluated && (it.props !== true || it.items !== true)) {
          gen.if(valid, () => this.mergeEvaluated(schemaCxt, codegen_1.Name));
          return true;
        }
      }
    };
    exports.KeywordCxt = KeywordCxt;
    function keywordCode(it, keyword, def, ruleType) {
      const cxt = new KeywordCxt(it, def, keyword);
      if ("code" in def) {
        def.code(cxt, ruleType);
      } else if (cxt.$data && def.validate) {
        (0, keyword_1.funcKeywordCode)(cxt, def);
      } else if ("macro" in def) {
        (0, keyword_1.macroKeywordCode)(cxt, def);
      } else if (def.compile || def.validate) {
        (0, keyword_1.funcKeywordCode)(cxt, def);
      }
    }
    var JSON_POINTER = /^\/(?:[^~]|~0|~1)*$/;
    var RELATIVE_JSON_POINTER = /^([0-9]+)(#|\/(?:[^~]|~0|~1)*)?$/;
    function getData($data, { dataLevel, dataNames, dataPathArr }) {
      let jsonPointer;
      let data;
      if ($data === "")
        return names_1.default.rootData;
      if ($data[0] === "/") {
        if (!JSON_POINTER.test($data))
          throw new Error(`Invalid JSON-pointer: ${$data}`);
        jsonPointer = $data;
        data = names_1.default.rootData;
      } else {
        const matches2 = RELATIVE_JSON_POINTER.exec($data);
        if (!matches2)
          throw new Error(`Invalid JSON-pointer: ${$data}`);
        const up = +matches2[1];
        jsonPointer = matches2[2];
        if (jsonPointer === "#") {
          if (up >= dataLevel)
            throw new Error(errorMsg("property/index", up));
          return dataPathArr[dataLevel - up];
        }
        if (up > dataLevel)
          throw new Error(errorMsg("data", up));
        data = dataNames[dataLevel - up];
        if (!jsonPointer)
          return data;
      }
      let expr = data;
      const segments2 = jsonPointer.split("/");
      for (const segment of segments2) {
        if (segment) {
          data = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)((0, util_1.unescapeJsonPointer)(segment))}`;
          expr = (0, codegen_1._)`${expr} && ${data}`;
        }
      }
      return expr;
      function errorMsg(pointerType, up) {
        return `Cannot access ${pointerType} ${up} levels up, current level is ${dataLevel}`;
      }
    }
    exports.getData = getData;
  }
});

// node_modules/ajv/dist/runtime/validation_error.js
var require_validation_error = __commonJS({
  "node_modules/ajv/dist/runtime/validation_error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var ValidationError = class extends Error {
      constructor(errors) {
        super("validation failed");
        this.errors = errors;
        this.ajv = this.validation = true;
      }
    };
    exports.default = ValidationError;
  }
});

// node_modules/ajv/dist/compile/ref_error.js
var require_ref_error = __commonJS({
  "node_modules/ajv/dist/compile/ref_error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var resolve_1 = require_resolve();
    var MissingRefError = class extends Error {
      constructor(resolver, baseId, ref, msg) {
        super(msg || `can't resolve reference ${ref} from id ${baseId}`);
        this.missingRef = (0, resolve_1.resolveUrl)(resolver, baseId, ref);
        this.missingSchema = (0, resolve_1.normalizeId)((0, resolve_1.getFullPath)(resolver, this.missingRef));
      }
    };
    exports.default = MissingRefError;
  }
});

// node_modules/ajv/dist/compile/index.js
var require_compile = __commonJS({
  "node_modules/ajv/dist/compile/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.resolveSchema = exports.getCompilingSchema = exports.resolveRef = exports.compileSchema = exports.SchemaEnv = void 0;
    var codegen_1 = require_codegen();
    var validation_error_1 = require_validation_error();
    var names_1 = require_names();
    var resolve_1 = require_resolve();
    var util_1 = require_util();
    var validate_1 = require_validate();
    var SchemaEnv = class {
      constructor(env) {
        var _a;
        this.refs = {};
        this.dynamicAnchors = {};
        let schema;
        if (typeof env.schema == "object")
          schema = env.schema;
        this.schema = env.schema;
        this.schemaId = env.schemaId;
        this.root = env.root || this;
        this.baseId = (_a = env.baseId) !== null && _a !== void 0 ? _a : (0, resolve_1.normalizeId)(schema === null || schema === void 0 ? void 0 : schema[env.schemaId || "$id"]);
        this.schemaPath = env.schemaPath;
        this.localRefs = env.localRefs;
        this.meta = env.meta;
        this.$async = schema === null || schema === void 0 ? void 0 : schema.$async;
        this.refs = {};
      }
    };
    exports.SchemaEnv = SchemaEnv;
    function compileSchema(sch) {
      const _sch = getCompilingSchema.call(this, sch);
      if (_sch)
        return _sch;
      const rootId = (0, resolve_1.getFullPath)(this.opts.uriResolver, sch.root.baseId);
      const { es5, lines } = this.opts.code;
      const { ownProperties } = this.opts;
      const gen = new codegen_1.CodeGen(this.scope, { es5, lines, ownProperties });
      let _ValidationError;
      if (sch.$async) {
        _ValidationError = gen.scopeValue("Error", {
          ref: validation_error_1.default,
          code: (0, codegen_1._)`require("ajv/dist/runtime/validation_error").default`
        });
      }
      const validateName = gen.scopeName("validate");
      sch.validateName = validateName;
      const schemaCxt = {
        gen,
        allErrors: this.opts.allErrors,
        data: names_1.default.data,
        parentData: names_1.default.parentData,
        parentDataProperty: names_1.default.parentDataProperty,
        dataNames: [names_1.default.data],
        dataPathArr: [codegen_1.nil],
        // TODO can its length be used as dataLevel if nil is removed?
        dataLevel: 0,
        dataTypes: [],
        definedProperties: /* @__PURE__ */ new Set(),
        topSchemaRef: gen.scopeValue("schema", this.opts.code.source === true ? { ref: sch.schema, code: (0, codegen_1.stringify)(sch.schema) } : { ref: sch.schema }),
        validateName,
        ValidationError: _ValidationError,
        schema: sch.schema,
        schemaEnv: sch,
        rootId,
        baseId: sch.baseId || rootId,
        schemaPath: codegen_1.nil,
        errSchemaPath: sch.schemaPath || (this.opts.jtd ? "" : "#"),
        errorPath: (0, codegen_1._)`""`,
        opts: this.opts,
        self: this
      };
      let sourceCode;
      try {
        this._compilations.add(sch);
        (0, validate_1.validateFunctionCode)(schemaCxt);
        gen.optimize(this.opts.code.optimize);
        const validateCode = gen.toString();
        sourceCode = `${gen.scopeRefs(names_1.default.scope)}return ${validateCode}`;
        if (this.opts.code.process)
          sourceCode = this.opts.code.process(sourceCode, sch);
        const makeValidate = new Function(`${names_1.default.self}`, `${names_1.default.scope}`, sourceCode);
        const validate = makeValidate(this, this.scope.get());
        this.scope.value(validateName, { ref: validate });
        validate.errors = null;
        validate.schema = sch.schema;
        validate.schemaEnv = sch;
        if (sch.$async)
          validate.$async = true;
        if (this.opts.code.source === true) {
          validate.source = { validateName, validateCode, scopeValues: gen._values };
        }
        if (this.opts.unevaluated) {
          const { props, items } = schemaCxt;
          validate.evaluated = {
            props: props instanceof codegen_1.Name ? void 0 : props,
            items: items instanceof codegen_1.Name ? void 0 : items,
            dynamicProps: props instanceof codegen_1.Name,
            dynamicItems: items instanceof codegen_1.Name
          };
          if (validate.source)
            validate.source.evaluated = (0, codegen_1.stringify)(validate.evaluated);
        }
        sch.validate = validate;
        return sch;
      } catch (e) {
        delete sch.validate;
        delete sch.validateName;
        if (sourceCode)
          this.logger.error("Error compiling schema, function code:", sourceCode);
        throw e;
      } finally {
        this._compilations.delete(sch);
      }
    }
    exports.compileSchema = compileSchema;
    function resolveRef(root, baseId, ref) {
      var _a;
      ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, ref);
      const schOrFunc = root.refs[ref];
      if (schOrFunc)
        return schOrFunc;
      let _sch = resolve8.call(this, root, ref);
      if (_sch === void 0) {
        const schema = (_a = root.localRefs) === null || _a === void 0 ? void 0 : _a[ref];
        const { schemaId } = this.opts;
        if (schema)
          _sch = new SchemaEnv({ schema, schemaId, root, baseId });
      }
      if (_sch === void 0)
        return;
      return root.refs[ref] = inlineOrCompile.call(this, _sch);
    }
    exports.resolveRef = resolveRef;
    function inlineOrCompile(sch) {
      if ((0, resolve_1.inlineRef)(sch.schema, this.opts.inlineRefs))
        return sch.schema;
      return sch.validate ? sch : compileSchema.call(this, sch);
    }
    function getCompilingSchema(schEnv) {
      for (const sch of this._compilations) {
        if (sameSchemaEnv(sch, schEnv))
          return sch;
      }
    }
    exports.getCompilingSchema = getCompilingSchema;
    function sameSchemaEnv(s1, s2) {
      return s1.schema === s2.schema && s1.root === s2.root && s1.baseId === s2.baseId;
    }
    function resolve8(root, ref) {
      let sch;
      while (typeof (sch = this.refs[ref]) == "string")
        ref = sch;
      return sch || this.schemas[ref] || resolveSchema.call(this, root, ref);
    }
    function resolveSchema(root, ref) {
      const p = this.opts.uriResolver.parse(ref);
      const refPath = (0, resolve_1._getFullPath)(this.opts.uriResolver, p);
      let baseId = (0, resolve_1.getFullPath)(this.opts.uriResolver, root.baseId, void 0);
      if (Object.keys(root.schema).length > 0 && refPath === baseId) {
        return getJsonPointer.call(this, p, root);
      }
      const id = (0, resolve_1.normalizeId)(refPath);
      const schOrRef = this.refs[id] || this.schemas[id];
      if (typeof schOrRef == "string") {
        const sch = resolveSchema.call(this, root, schOrRef);
        if (typeof (sch === null || sch === void 0 ? void 0 : sch.schema) !== "object")
          return;
        return getJsonPointer.call(this, p, sch);
      }
      if (typeof (schOrRef === null || schOrRef === void 0 ? void 0 : schOrRef.schema) !== "object")
        return;
      if (!schOrRef.validate)
        compileSchema.call(this, schOrRef);
      if (id === (0, resolve_1.normalizeId)(ref)) {
        const { schema } = schOrRef;
        const { schemaId } = this.opts;
        const schId = schema[schemaId];
        if (schId)
          baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
        return new SchemaEnv({ schema, schemaId, root, baseId });
      }
      return getJsonPointer.call(this, p, schOrRef);
    }
    exports.resolveSchema = resolveSchema;
    var PREVENT_SCOPE_CHANGE = /* @__PURE__ */ new Set([
      "properties",
      "patternProperties",
      "enum",
      "dependencies",
      "definitions"
    ]);
    function getJsonPointer(parsedRef, { baseId, schema, root }) {
      var _a;
      if (((_a = parsedRef.fragment) === null || _a === void 0 ? void 0 : _a[0]) !== "/")
        return;
      for (const part of parsedRef.fragment.slice(1).split("/")) {
        if (typeof schema === "boolean")
          return;
        const partSchema = schema[(0, util_1.unescapeFragment)(part)];
        if (partSchema === void 0)
          return;
        schema = partSchema;
        const schId = typeof schema === "object" && schema[this.opts.schemaId];
        if (!PREVENT_SCOPE_CHANGE.has(part) && schId) {
          baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
        }
      }
      let env;
      if (typeof schema != "boolean" && schema.$ref && !(0, util_1.schemaHasRulesButRef)(schema, this.RULES)) {
        const $ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schema.$ref);
        env = resolveSchema.call(this, root, $ref);
      }
      const { schemaId } = this.opts;
      env = env || new SchemaEnv({ schema, schemaId, root, baseId });
      if (env.schema !== env.root.schema)
        return env;
      return void 0;
    }
  }
});

// node_modules/ajv/dist/refs/data.json
var require_data = __commonJS({
  "node_modules/ajv/dist/refs/data.json"(exports, module) {
    module.exports = {
      $id: "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#",
      description: "Meta-schema for $data reference (JSON AnySchema extension proposal)",
      type: "object",
      required: ["$data"],
      properties: {
        $data: {
          type: "string",
          anyOf: [{ format: "relative-json-pointer" }, { format: "json-pointer" }]
        }
      },
      additionalProperties: false
    };
  }
});

// node_modules/fast-uri/lib/utils.js
var require_utils = __commonJS({
  "node_modules/fast-uri/lib/utils.js"(exports, module) {
    "use strict";
    var isUUID = RegExp.prototype.test.bind(/^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/iu);
    var isIPv4 = RegExp.prototype.test.bind(/^(?:(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)$/u);
    var isPort = RegExp.prototype.test.bind(/^\d*$/u);
    var isHexPair = RegExp.prototype.test.bind(/^[\da-f]{2}$/iu);
    var isUnreserved = RegExp.prototype.test.bind(/^[\da-z\-._~]$/iu);
    var isPathCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/]$/u);
    var isQueryFragmentCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/?]$/u);
    var isUserinfoCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:]$/u);
    var BYTE_HEX = new Array(256);
    {
      const HEX_DIGITS = "0123456789ABCDEF";
      for (let i = 0; i < 256; i++) {
        BYTE_HEX[i] = "%" + HEX_DIGITS[i >> 4] + HEX_DIGITS[i & 15];
      }
    }
    function percentEncodeNonAscii(cp) {
      if (cp < 2048) {
        return BYTE_HEX[192 | cp >> 6] + BYTE_HEX[128 | cp & 63];
      }
      if (cp < 65536) {
        return BYTE_HEX[224 | cp >> 12] + BYTE_HEX[128 | cp >> 6 & 63] + BYTE_HEX[128 | cp & 63];
      }
      return BYTE_HEX[240 | cp >> 18] + BYTE_HEX[128 | cp >> 12 & 63] + BYTE_HEX[128 | cp >> 6 & 63] + BYTE_HEX[128 | cp & 63];
    }
    function stringArrayToHexStripped(input) {
      let acc = "";
      let code = 0;
      let i = 0;
      for (i = 0; i < input.length; i++) {
        code = input[i].charCodeAt(0);
        if (code === 48) {
          continue;
        }
        if (!(code >= 48 && code <= 57 || code >= 65 && code <= 70 || code >= 97 && code <= 102)) {
          return "";
        }
        acc += input[i];
        break;
      }
      for (i += 1; i < input.length; i++) {
        code = input[i].charCodeAt(0);
        if (!(code >= 48 && code <= 57 || code >= 65 && code <= 70 || code >= 97 && code <= 102)) {
          return "";
        }
        acc += input[i];
      }
      return acc;
    }
    var isHextet = RegExp.prototype.test.bind(/^[\dA-Fa-f]{1,4}$/);
    var isIPvFuture = RegExp.prototype.test.bind(/^[vV][\dA-Fa-f]+\.[A-Za-z\d\-._~!$&'()*+,;=:]+$/);
    var isZoneCharacter = RegExp.prototype.test.bind(/^[A-Za-z\d\-._~]$/);
    var nonSimpleDomain = RegExp.prototype.test.bind(/[^!"$&'()*+,\-.;=_`a-z{}~]/u);
    function isZoneIdentifier(zone) {
      if (zone.length === 0) return false;
      for (let i = 0; i < zone.length; i++) {
        if (isZoneCharacter(zone[i])) continue;
        if (zone[i] === "%" && i + 2 < zone.length && isHexPair(zone.slice(i + 1, i + 3))) {
          i += 2;
          continue;
        }
        return false;
      }
      return true;
    }
    function compressIPv6ZeroRun(hextets) {
      let bestStart = -1;
      let bestLength = 0;
      let runStart = -1;
      let runLength = 0;
      for (let i = 0; i < hextets.length; i++) {
        if (hextets[i] === "0") {
          if (runStart === -1) runStart = i;
          runLength++;
          if (runLength > bestLength) {
            bestLength = runLength;
            bestStart = runStart;
          }
        } else {
          runStart = -1;
          runLength = 0;
        }
      }
      if (bestLength < 2) return hextets.join(":");
      const head = hextets.slice(0, bestStart).join(":");
      const tail = hextets.slice(bestStart + bestLength).join(":");
      return head + "::" + tail;
    }
    function normalizeIPv6Address(input) {
      const compression = input.indexOf("::");
      if (compression !== -1 && input.indexOf("::", compression + 1) !== -1) return void 0;
      const left = compression === -1 ? input.split(":") : input.slice(0, compression).split(":");
      const right = compression === -1 ? [] : input.slice(compression + 2).split(":");
      if (compression !== -1) {
        if (left.length === 1 && left[0] === "") left.length = 0;
        if (right.length === 1 && right[0] === "") right.length = 0;
      }
      const parts = left.concat(right);
      let hextetCount = 0;
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (part === "") return void 0;
        if (part.indexOf(".") !== -1) {
          if (i !== parts.length - 1 || compression !== -1 && right.length === 0 || !isIPv4(part)) return void 0;
          hextetCount += 2;
          continue;
        }
        if (!isHextet(part)) return void 0;
        parts[i] = parseInt(part, 16).toString(16);
        hextetCount++;
      }
      if (compression === -1) {
        if (hextetCount !== 8) return void 0;
        return compressIPv6ZeroRun(parts);
      }
      if (hextetCount >= 8) return void 0;
      const expanded = parts.slice(0, left.length);
      for (let i = hextetCount; i < 8; i++) expanded.push("0");
      for (let i = left.length; i < parts.length; i++) expanded.push(parts[i]);
      return compressIPv6ZeroRun(expanded);
    }
    function normalizeIPv6(host) {
      const bracketed = host[0] === "[" && host[host.length - 1] === "]";
      const hasBracket = host[0] === "[" || host[host.length - 1] === "]";
      if (hasBracket && !bracketed) return { host, isIPV6: false, error: true };
      let input = bracketed ? host.slice(1, -1) : host;
      if (bracketed && isIPvFuture(input)) {
        input = input.toLowerCase();
        return { host: `[${input}]`, escapedHost: input, isIPV6: false, isIPVFuture: true };
      }
      if (findToken(input, ":") < 2) {
        return { host, isIPV6: false, error: bracketed };
      }
      let zoneIdentifier = "";
      const zoneSeparator = input.indexOf("%");
      if (zoneSeparator !== -1) {
        const separatorLength = input.slice(zoneSeparator, zoneSeparator + 3).toLowerCase() === "%25" ? 3 : 1;
        zoneIdentifier = input.slice(zoneSeparator + separatorLength);
        if (!isZoneIdentifier(zoneIdentifier)) return { host, isIPV6: false, error: true };
        input = input.slice(0, zoneSeparator);
      }
      const address = normalizeIPv6Address(input);
      if (address === void 0) return { host, isIPV6: false, error: true };
      return {
        host: address + (zoneIdentifier ? "%" + zoneIdentifier : ""),
        escapedHost: address + (zoneIdentifier ? "%25" + zoneIdentifier : ""),
        isIPV6: true
      };
    }
    function findToken(str, token) {
      let ind = 0;
      for (let i = 0; i < str.length; i++) {
        if (str[i] === token) ind++;
      }
      return ind;
    }
    function removeDotSegments(path) {
      let input = path;
      const output = [];
      let nextSlash = -1;
      let len = 0;
      while (len = input.length) {
        if (len === 1) {
          if (input === ".") {
            break;
          } else if (input === "/") {
            output.push("/");
            break;
          } else {
            output.push(input);
            break;
          }
        } else if (len === 2) {
          if (input[0] === ".") {
            if (input[1] === ".") {
              break;
            } else if (input[1] === "/") {
              input = input.slice(2);
              continue;
            }
          } else if (input[0] === "/") {
            if (input[1] === "." || input[1] === "/") {
              output.push("/");
              break;
            }
          }
        } else if (len === 3) {
          if (input === "/..") {
            if (output.length !== 0) {
              output.pop();
            }
            output.push("/");
            break;
          }
        }
        if (input[0] === ".") {
          if (input[1] === ".") {
            if (input[2] === "/") {
              input = input.slice(3);
              continue;
            }
          } else if (input[1] === "/") {
            input = input.slice(2);
            continue;
          }
        } else if (input[0] === "/") {
          if (input[1] === ".") {
            if (input[2] === "/") {
              input = input.slice(2);
              continue;
            } else if (input[2] === ".") {
              if (input[3] === "/") {
                input = input.slice(3);
                if (output.length !== 0) {
                  output.pop();
                }
                continue;
              }
            }
          }
        }
        if ((nextSlash = input.indexOf("/", 1)) === -1) {
          output.push(input);
          break;
        } else {
          output.push(input.slice(0, nextSlash));
          input = input.slice(nextSlash);
        }
      }
      return output.join("");
    }
    function removeDotSegmentsRelative(path) {
      if (path === "" || path[0] === "/") {
        return removeDotSegments(path);
      }
      const segments2 = path.split("/");
      const last = segments2.length - 1;
      const output = [];
      let trailingDirectory = false;
      for (let i = 0; i <= last; i++) {
        const segment = segments2[i];
        if (segment === "." || segment === "..") {
          if (segment === "..") {
            if (output.length !== 0 && output[output.length - 1] !== "..") {
              output.pop();
            } else {
              output.push("..");
            }
          }
          trailingDirectory = i === last;
        } else {
          output.push(segment);
        }
      }
      if (trailingDirectory && output[output.length - 1] !== "..") {
        output.push("");
      }
      if (output.length === 0 || output[0] === "" || output[0].includes(":")) {
        output.unshift(".");
      }
      return output.join("/");
    }
    var HOST_DELIMS = { "@": "%40", "/": "%2F", "?": "%3F", "#": "%23", ":": "%3A" };
    var HOST_DELIM_RE = /[@/?#:]/g;
    var HOST_DELIM_NO_COLON_RE = /[@/?#]/g;
    function reescapeHostDelimiters(host, isIP) {
      const re = isIP ? HOST_DELIM_NO_COLON_RE : HOST_DELIM_RE;
      re.lastIndex = 0;
      return host.replace(re, (ch) => HOST_DELIMS[ch]);
    }
    function normalizePercentEncoding(input, decodeUnreserved = false) {
      if (input.indexOf("%") === -1) {
        return input;
      }
      let output = "";
      for (let i = 0; i < input.length; i++) {
        if (input[i] === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (decodeUnreserved && isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        output += input[i];
      }
      return output;
    }
    function normalizePathEncoding(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (decoded !== "." && isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        if (isPathCharacter(ch)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += isEscapeSafe(code) ? ch : BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function serializePathEncoding(input, pathNoScheme = false) {
      let output = "";
      let firstSegment = pathNoScheme && input[0] !== "/";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        if (ch === "/") {
          firstSegment = false;
        }
        if (isPathCharacter(ch) && (ch !== ":" || !firstSegment)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function encodeComponent(input, isAllowed) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        if (isAllowed(ch)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function encodeUserinfo(input) {
      return encodeComponent(input, isUserinfoCharacter);
    }
    function encodeQuery(input) {
      return encodeComponent(input, isQueryFragmentCharacter);
    }
    function encodeFragment(input) {
      return encodeComponent(input, isQueryFragmentCharacter);
    }
    function isEscapeSafe(cp) {
      return cp >= 48 && cp <= 57 || cp >= 65 && cp <= 90 || cp >= 97 && cp <= 122 || cp === 42 || cp === 43 || cp === 45 || cp === 46 || cp === 47 || cp === 64 || cp === 95;
    }
    function normalizeQueryFragmentEncoding(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        if (isQueryFragmentCharacter(ch)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += isEscapeSafe(code) ? ch : BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function escapePreservingEscapes(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        if (input[i] === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        output += escape(input[i]);
      }
      return output;
    }
    function recomposeAuthority(component) {
      const uriTokens = [];
      if (component.userinfo !== void 0) {
        uriTokens.push(encodeUserinfo(component.userinfo));
        uriTokens.push("@");
      }
      if (component.host !== void 0) {
        let host = component.host;
        if (!isIPv4(host)) {
          let ipV6res = normalizeIPv6(host);
          if (ipV6res.isIPV6 !== true && ipV6res.isIPVFuture !== true) {
            host = normalizePercentEncoding(host, true);
            ipV6res = normalizeIPv6(host);
          }
          if (ipV6res.isIPV6 === true || ipV6res.isIPVFuture === true) {
            host = `[${ipV6res.escapedHost}]`;
          } else {
            host = reescapeHostDelimiters(host, false);
          }
        }
        uriTokens.push(host);
      }
      if (typeof component.port === "number" || typeof component.port === "string") {
        const port = String(component.port);
        if (!isPort(port)) {
          throw new TypeError("URI port is malformed.");
        }
        uriTokens.push(":");
        uriTokens.push(port);
      }
      return uriTokens.length ? uriTokens.join("") : void 0;
    }
    module.exports = {
      nonSimpleDomain,
      recomposeAuthority,
      reescapeHostDelimiters,
      normalizePercentEncoding,
      normalizePathEncoding,
      serializePathEncoding,
      normalizeQueryFragmentEncoding,
      encodeUserinfo,
      encodeQuery,
      encodeFragment,
      escapePreservingEscapes,
      removeDotSegments,
      removeDotSegmentsRelative,
      isIPv4,
      isUUID,
      normalizeIPv6,
      stringArrayToHexStripped
    };
  }
});

// node_modules/fast-uri/lib/schemes.js
var require_schemes = __commonJS({
  "node_modules/fast-uri/lib/schemes.js"(exports, module) {
    "use strict";
    var { isUUID } = require_utils();
    var URN_REG = /^([\da-z][\d\-a-z]{0,31}):((?:[\w!$'()*+,\-./:;=@]|%[\da-f]{2})+)$/iu;
    var supportedSchemeNames = (
      /** @type {const} */
      [
        "http",
        "https",
        "ws",
        "wss",
        "urn",
        "urn:uuid"
      ]
    );
    function isValidSchemeName(name2) {
      return supportedSchemeNames.indexOf(
        /** @type {*} */
        name2
      ) !== -1;
    }
    function wsIsSecure(wsComponent) {
      if (wsComponent.secure === true) {
        return true;
      } else if (wsComponent.secure === false) {
        return false;
      } else if (wsComponent.scheme) {
        return wsComponent.scheme.length === 3 && (wsComponent.scheme[0] === "w" || wsComponent.scheme[0] === "W") && (wsComponent.scheme[1] === "s" || wsComponent.scheme[1] === "S") && (wsComponent.scheme[2] === "s" || wsComponent.scheme[2] === "S");
      } else {
        return false;
      }
    }
    function httpParse(component) {
      if (!component.host) {
        component.error = component.error || "HTTP URIs must have a host.";
      }
      return component;
    }
    function httpSerialize(component) {
      const secure = String(component.scheme).toLowerCase() === "https";
      if (component.port === (secure ? 443 : 80) || component.port === "") {
        component.port = void 0;
      }
      if (!component.path) {
        component.path = "/";
      }
      return component;
    }
    function wsParse(wsComponent) {
      wsComponent.secure = wsIsSecure(wsComponent);
      wsComponent.resourceName = (wsComponent.path || "/") + (wsComponent.query ? "?" + wsComponent.query : "");
      wsComponent.path = void 0;
      wsComponent.query = void 0;
      return wsComponent;
    }
    function wsSerialize(wsComponent) {
      if (wsComponent.port === (wsIsSecure(wsComponent) ? 443 : 80) || wsComponent.port === "") {
        wsComponent.port = void 0;
      }
      if (typeof wsComponent.secure === "boolean") {
        wsComponent.scheme = wsComponent.secure ? "wss" : "ws";
        wsComponent.secure = void 0;
      }
      if (wsComponent.resourceName) {
        const queryIndex = wsComponent.resourceName.indexOf("?");
        const path = queryIndex === -1 ? wsComponent.resourceName : wsComponent.resourceName.slice(0, queryIndex);
        wsComponent.path = path && path !== "/" ? path : void 0;
        wsComponent.query = queryIndex === -1 ? void 0 : wsComponent.resourceName.slice(queryIndex + 1);
        wsComponent.resourceName = void 0;
      }
      wsComponent.fragment = void 0;
      return wsComponent;
    }
    function urnParse(urnComponent, options) {
      if (!urnComponent.path) {
        urnComponent.error = "URN can not be parsed";
        return urnComponent;
      }
      const matches2 = urnComponent.path.match(URN_REG);
      if (matches2 && matches2[0] === urnComponent.path) {
        const scheme = options.scheme || urnComponent.scheme || "urn";
        urnComponent.nid = matches2[1].toLowerCase();
        urnComponent.nss = matches2[2];
        const urnScheme = `${scheme}:${options.nid || urnComponent.nid}`;
        const schemeHandler = getSchemeHandler(urnScheme);
        urnComponent.path = void 0;
        if (schemeHandler) {
          urnComponent = schemeHandler.parse(urnComponent, options);
        }
      } else {
        urnComponent.error = urnComponent.error || "URN can not be parsed.";
      }
      return urnComponent;
    }
    function urnSerialize(urnComponent, options) {
      if (urnComponent.nid === void 0) {
        throw new Error("URN without nid cannot be serialized");
      }
      const scheme = options.scheme || urnComponent.scheme || "urn";
      const nid = urnComponent.nid.toLowerCase();
      const urnScheme = `${scheme}:${options.nid || nid}`;
      const schemeHandler = getSchemeHandler(urnScheme);
      if (schemeHandler) {
        urnComponent = schemeHandler.serialize(urnComponent, options);
      }
      const uriComponent = urnComponent;
      const nss = urnComponent.nss;
      uriComponent.path = `${nid || options.nid}:${nss}`;
      options.skipEscape = true;
      return uriComponent;
    }
    function urnuuidParse(urnComponent, options) {
      const uuidComponent = urnComponent;
      uuidComponent.uuid = uuidComponent.nss;
      uuidComponent.nss = void 0;
      if (!options.tolerant && (!uuidComponent.uuid || !isUUID(uuidComponent.uuid))) {
        uuidComponent.error = uuidComponent.error || "UUID is not valid.";
      }
      return uuidComponent;
    }
    function urnuuidSerialize(uuidComponent) {
      const urnComponent = uuidComponent;
      urnComponent.nss = (uuidComponent.uuid || "").toLowerCase();
      return urnComponent;
    }
    var http = (
      /** @type {SchemeHandler} */
      {
        scheme: "http",
        domainHost: true,
        parse: httpParse,
        serialize: httpSerialize
      }
    );
    var https = (
      /** @type {SchemeHandler} */
      {
        scheme: "https",
        domainHost: http.domainHost,
        parse: httpParse,
        serialize: httpSerialize
      }
    );
    var ws = (
      /** @type {SchemeHandler} */
      {
        scheme: "ws",
        domainHost: true,
        parse: wsParse,
        serialize: wsSerialize
      }
    );
    var wss = (
      /** @type {SchemeHandler} */
      {
        scheme: "wss",
        domainHost: ws.domainHost,
        parse: ws.parse,
        serialize: ws.serialize
      }
    );
    var urn = (
      /** @type {SchemeHandler} */
      {
        scheme: "urn",
        parse: urnParse,
        serialize: urnSerialize,
        skipNormalize: true
      }
    );
    var urnuuid = (
      /** @type {SchemeHandler} */
      {
        scheme: "urn:uuid",
        parse: urnuuidParse,
        serialize: urnuuidSerialize,
        skipNormalize: true
      }
    );
    var SCHEMES = (
      /** @type {Record<SchemeName, SchemeHandler>} */
      {
        http,
        https,
        ws,
        wss,
        urn,
        "urn:uuid": urnuuid
      }
    );
    Object.setPrototypeOf(SCHEMES, null);
    function getSchemeHandler(scheme) {
      return scheme && (SCHEMES[
        /** @type {SchemeName} */
        scheme
      ] || SCHEMES[
        /** @type {SchemeName} */
        scheme.toLowerCase()
      ]) || void 0;
    }
    module.exports = {
      wsIsSecure,
      SCHEMES,
      isValidSchemeName,
      getSchemeHandler
    };
  }
});

// node_modules/fast-uri/index.js
var require_fast_uri = __commonJS({
  "node_modules/fast-uri/index.js"(exports, module) {
    "use strict";
    var { normalizeIPv6, removeDotSegments, removeDotSegmentsRelative, recomposeAuthority, normalizePercentEncoding, normalizePathEncoding, serializePathEncoding, normalizeQueryFragmentEncoding, encodeQuery, encodeFragment, reescapeHostDelimiters, isIPv4, nonSimpleDomain } = require_utils();
    var { SCHEMES, getSchemeHandler } = require_schemes();
    var VALID_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/u;
    var MALFORMED_SCHEME_ERROR = "URI scheme is malformed.";
    var MALFORMED_HOST_ERROR = "URI host is malformed.";
    var FORBIDDEN_DOMAIN_HOST_CHARACTER = /[\0-\x20"#/:<>?@[\\\]^`{|}\x7F]/u;
    function validateScheme(scheme) {
      const stringScheme = String(scheme);
      if (!VALID_SCHEME.test(stringScheme)) {
        throw new TypeError(MALFORMED_SCHEME_ERROR);
      }
      return stringScheme;
    }
    function normalize2(uri, options) {
      if (typeof uri === "string") {
        uri = /** @type {T} */
        normalizeString(uri, options);
      } else if (typeof uri === "object") {
        uri = /** @type {T} */
        parse(serialize(uri, options), options);
      }
      return uri;
    }
    function resolve8(baseURI, relativeURI, options) {
      const schemelessOptions = options ? Object.assign({ scheme: "null" }, options) : { scheme: "null" };
      const {
        parsed: baseParsed,
        malformedAuthorityOrPort: baseMalformed,
        malformedPercentEncoding: baseMalformedPercentEncoding,
        malformedSchemeSpecific: baseMalformedSchemeSpecific,
        malformedHost: baseMalformedHost,
        malformedScheme: baseMalformedScheme
      } = parseWithStatus(baseURI, schemelessOptions);
      const {
        parsed: relativeParsed,
        malformedAuthorityOrPort: relativeMalformed,
        malformedPercentEncoding: relativeMalformedPercentEncoding,
        malformedSchemeSpecific: relativeMalformedSchemeSpecific,
        malformedHost: relativeMalformedHost,
        malformedScheme: relativeMalformedScheme
      } = parseWithStatus(relativeURI, schemelessOptions);
      if (baseMalformed || relativeMalformed || baseMalformedPercentEncoding || relativeMalformedPercentEncoding || baseMalformedSchemeSpecific || relativeMalformedSchemeSpecific || baseMalformedHost || relativeMalformedHost || baseMalformedScheme || relativeMalformedScheme) {
        throw new Error(baseParsed.error || relativeParsed.error || "URI is malformed.");
      }
      const resolved = resolveComponent(baseParsed, relativeParsed, schemelessOptions, true);
      const resolvedSchemeHandler = getSchemeHandler(options && options.scheme || resolved.scheme);
      const resolvedHost = resolved.host;
      const resolvedHostIsIP = resolvedHost !== void 0 && resolvedHost !== "" && (isIPv4(resolvedHost) || normalizeIPv6(resolvedHost).isIPV6);
      if (hasForbiddenDomainHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP)) {
        throw new Error(MALFORMED_HOST_ERROR);
      }
      canonicalizeHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP);
      const encodedASCIIHost = resolvedHost && resolvedHost.indexOf("%") !== -1 && !new RegExp("\\P{ASCII}", "u").test(resolvedHost);
      if (resolved.error && !encodedASCIIHost) {
        throw new Error(resolved.error);
      }
      schemelessOptions.skipEscape = true;
      return serialize(resolved, schemelessOptions);
    }
    function resolveComponent(base, relative10, options, skipNormalization) {
      const target = {};
      if (!skipNormalization) {
        base = parse(serialize(base, options), options);
        relative10 = parse(serialize(relative10, options), options);
      }
      options = options || {};
      if (!options.tolerant && relative10.scheme) {
        target.scheme = relative10.scheme;
        target.userinfo = relative10.userinfo;
        target.host = relative10.host;
        target.port = relative10.port;
        target.path = removeDotSegments(relative10.path || "");
        target.query = relative10.query;
      } else {
        if (relative10.userinfo !== void 0 || relative10.host !== void 0 || relative10.port !== void 0) {
          target.userinfo = relative10.userinfo;
          target.host = relative10.host;
          target.port = relative10.port;
          target.path = removeDotSegments(relative10.path || "");
          target.query = relative10.query;
        } else {
          if (!relative10.path) {
            target.path = base.path;
            if (relative10.query !== void 0) {
              target.query = relative10.query;
            } else {
              target.query = base.query;
            }
          } else {
            if (relative10.path[0] === "/") {
              target.path = removeDotSegments(relative10.path);
            } else {
              const baseHasAuthority = base.userinfo !== void 0 || base.host !== void 0 || base.port !== void 0;
              if (baseHasAuthority && !base.path) {
                target.path = "/" + relative10.path;
              } else if (!base.path) {
                target.path = relative10.path;
              } else {
                target.path = base.path.slice(0, base.path.lastIndexOf("/") + 1) + relative10.path;
              }
              target.path = base.scheme === void 0 && !baseHasAuthority && target.path[0] !== "/" ? removeDotSegmentsRelative(target.path) : removeDotSegments(target.path);
            }
            target.query = relative10.query;
          }
          target.userinfo = base.userinfo;
          target.host = base.host;
          target.port = base.port;
        }
        target.scheme = base.scheme;
      }
      target.fragment = relative10.fragment;
      return target;
    }
    function equal(uriA, uriB, options) {
      const normalizedA = normalizeComparableURI(uriA, options);
      const normalizedB = normalizeComparableURI(uriB, options);
      return normalizedA !== void 0 && normalizedB !== void 0 && normalizedA === normalizedB;
    }
    function serialize(cmpts, opts) {
      const component = {
        host: cmpts.host,
        scheme: cmpts.scheme,
        userinfo: cmpts.userinfo,
        port: cmpts.port,
        path: cmpts.path,
        query: cmpts.query,
        nid: cmpts.nid,
        nss: cmpts.nss,
        uuid: cmpts.uuid,
        fragment: cmpts.fragment,
        reference: cmpts.reference,
        resourceName: cmpts.resourceName,
        secure: cmpts.secure,
        error: ""
      };
      const options = Object.assign({}, opts);
      const uriTokens = [];
      if (component.scheme) {
        component.scheme = validateScheme(component.scheme);
      }
      const schemeHandler = getSchemeHandler(options.scheme || component.scheme);
      if (schemeHandler && schemeHandler.serialize) schemeHandler.serialize(component, options);
      const hasAuthority = component.userinfo !== void 0 || component.host !== void 0 || component.port !== void 0;
      const schemelessReference = (component.scheme === void 0 || options.reference === "suffix") && !hasAuthority;
      const pathNoScheme = !options.skipEscape && schemelessReference;
      if (component.path !== void 0) {
        if (!options.skipEscape) {
          component.path = serializePathEncoding(component.path, pathNoScheme);
        } else {
          component.path = normalizePercentEncoding(component.path);
        }
      }
      if (options.reference !== "suffix" && component.scheme) {
        component.scheme = validateScheme(component.scheme);
        uriTokens.push(component.scheme, ":");
      }
      const authority = recomposeAuthority(component);
      if (authority !== void 0) {
        if (options.reference !== "suffix") {
          uriTokens.push("//");
        }
        uriTokens.push(authority);
        if (component.path && component.path[0] !== "/") {
          uriTokens.push("/");
        }
      }
      if (component.path !== void 0) {
        let s = component.path;
        if (!options.absolutePath && (!schemeHandler || !schemeHandler.absolutePath)) {
          s = schemelessReference && s[0] !== "/" ? removeDotSegmentsRelative(s) : removeDotSegments(s);
        }
        if (schemelessReference) {
          s = serializePathEncoding(s, true);
        }
        if (authority === void 0 && s[0] === "/" && s[1] === "/") {
          s = "/%2F" + s.slice(2);
        }
        uriTokens.push(s);
      }
      if (component.query !== void 0) {
        uriTokens.push("?", encodeQuery(component.query));
      }
      if (component.fragment !== void 0) {
        uriTokens.push("#", encodeFragment(component.fragment));
      }
      return uriTokens.join("");
    }
    var URI_PARSE = /^(?:([^#/:?]+):)?(?:\/\/((?:([^#/?@]*)@)?(\[[^#/?\]]+\]|[^#/:?]*)(?::(\d*))?))?([^#?]*)(?:\?([^#]*))?(?:#((?:.|[\n\r])*))?/u;
    var AUTHORITY_PREFIX = /^(?:[^#/:?]+:)?\/\/([^/?#]*)/;
    var AUTHORITY_INTRODUCER_REGION = /^(?:[^#/:?]+:)?([/\\\t\n\r]*)/;
    function getParseError(parsed, matches2) {
      if (matches2[2] !== void 0 && parsed.path && parsed.path[0] !== "/") {
        return 'URI path must start with "/" when authority is present.';
      }
      if (typeof parsed.port === "number" && (parsed.port < 0 || parsed.port > 65535)) {
        return "URI port is malformed.";
      }
      return void 0;
    }
    function hasMalformedPercentEncoding(component) {
      if (component === void 0) return false;
      let percent2 = component.indexOf("%");
      while (percent2 !== -1) {
        if (percent2 + 2 >= component.length || !/^[\da-f]{2}$/iu.test(component.slice(percent2 + 1, percent2 + 3))) {
          return true;
        }
        percent2 = component.indexOf("%", percent2 + 3);
      }
      return false;
    }
    function isIPLiteral(host) {
      return host[0] === "[" && host[host.length - 1] === "]";
    }
    function hasMalformedComponentPercentEncoding(matches2) {
      const host = matches2[4];
      return hasMalformedPercentEncoding(matches2[3]) || host !== void 0 && !isIPLiteral(host) && hasMalformedPercentEncoding(host) || hasMalformedPercentEncoding(matches2[6]) || hasMalformedPercentEncoding(matches2[7]) || hasMalformedPercentEncoding(matches2[8]);
    }
    function canonicalizeHost(parsed, options, schemeHandler, isIP) {
      if (hasForbiddenDomainHost(parsed, options, schemeHandler, isIP)) {
        parsed.error = parsed.error || MALFORMED_HOST_ERROR;
        return true;
      }
      if (!options.unicodeSupport && (!schemeHandler || !schemeHandler.unicodeSupport) && parsed.host && !isIPLiteral(parsed.host) && (options.domainHost || schemeHandler && schemeHandler.domainHost) && isIP === false && nonSimpleDomain(parsed.host)) {
        let url;
        try {
          url = new URL("http://" + parsed.host);
        } catch (e) {
          parsed.error = parsed.error || "Host's domain name can not be converted to ASCII: " + e;
          return true;
        }
        if (!isHostOnlyURL(url)) {
          parsed.error = parsed.error || MALFORMED_HOST_ERROR;
          return true;
        }
        parsed.host = url.hostname;
      }
      return false;
    }
    function hasForbiddenDomainHost(parsed, options, schemeHandler, isIP) {
      return Boolean(
        parsed.host && isIP === false && !isIPLiteral(parsed.host) && (options.domainHost || schemeHandler && schemeHandler.domainHost) && FORBIDDEN_DOMAIN_HOST_CHARACTER.test(parsed.host)
      );
    }
    function isHostOnlyURL(url) {
      return url.username === "" && url.password === "" && url.port === "" && url.pathname === "/" && url.search === "" && url.hash === "" && url.hostname !== "";
    }
    function parseWithStatus(uri, opts) {
      const options = Object.assign({}, opts);
      const parsed = {
        scheme: void 0,
        userinfo: void 0,
        host: "",
        port: void 0,
        path: "",
        query: void 0,
        fragment: void 0
      };
      let malformedAuthorityOrPort = false;
      let malformedPercentEncoding = false;
      let malformedSchemeSpecific = false;
      let malformedHost = false;
      let malformedIPLiteral = false;
      let malformedScheme = false;
      let isIP = false;
      if (options.reference === "suffix") {
        if (options.scheme) {
          uri = options.scheme + ":" + uri;
        } else {
          uri = "//" + uri;
        }
      }
      const authorityMatch = uri.match(AUTHORITY_PREFIX);
      if (authorityMatch !== null && authorityMatch[1].indexOf("\\") !== -1) {
        parsed.error = "URI authority must not contain a literal backslash.";
        malformedAuthorityOrPort = true;
      }
      const introducerMatch = uri.match(AUTHORITY_INTRODUCER_REGION);
      if (introducerMatch !== null) {
        const region = introducerMatch[1];
        const normalizedRegion = region.replace(/[\t\n\r]/g, "");
        if (normalizedRegion.length >= 2) {
          if (normalizedRegion.slice(0, 2) !== "//") {
            parsed.error = parsed.error || "URI authority must not contain a literal backslash.";
            malformedAuthorityOrPort = true;
          } else if (region.length !== normalizedRegion.length) {
            parsed.error = parsed.error || "URI authority introducer must not contain whitespace.";
            malformedAuthorityOrPort = true;
          }
        }
      }
      const matches2 = uri.match(URI_PARSE);
      if (matches2) {
        parsed.scheme = matches2[1];
        parsed.userinfo = matches2[3];
        parsed.host = matches2[4];
        parsed.port = parseInt(matches2[5], 10);
        parsed.path = matches2[6] || "";
        parsed.query = matches2[7];
        parsed.fragment = matches2[8];
        if (parsed.scheme !== void 0) {
          if (VALID_SCHEME.test(parsed.scheme)) {
            parsed.scheme = parsed.scheme.toLowerCase();
          } else {
            parsed.error = parsed.error || MALFORMED_SCHEME_ERROR;
            malformedScheme = true;
          }
        }
        malformedPercentEncoding = hasMalformedComponentPercentEncoding(matches2);
        if (malformedPercentEncoding) {
          parsed.error = parsed.error || "URI contains malformed percent-encoding.";
        }
        if (isNaN(parsed.port)) {
          parsed.port = matches2[5];
        }
        const parseError = getParseError(parsed, matches2);
        if (parseError !== void 0) {
          parsed.error = parsed.error || parseError;
          malformedAuthorityOrPort = true;
        }
        if (parsed.host) {
          const ipv4result = isIPv4(parsed.host);
          if (ipv4result === false) {
            const bracketedIPLiteral = isIPLiteral(parsed.host);
            const hasIPLiteralBracket = parsed.host.indexOf("[") !== -1 || parsed.host.indexOf("]") !== -1;
            const ipv6result = normalizeIPv6(parsed.host);
            isIP = ipv6result.isIPV6 || ipv6result.isIPVFuture === true;
            malformedIPLiteral = hasIPLiteralBracket && (!bracketedIPLiteral || ipv6result.error === true);
            parsed.host = isIP ? ipv6result.host : ipv6result.host.toLowerCase();
            if (malformedIPLiteral) {
              parsed.error = parsed.error || MALFORMED_HOST_ERROR;
              malformedAuthorityOrPort = true;
            }
          } else {
            isIP = true;
          }
        }
        if (parsed.scheme === void 0 && parsed.userinfo === void 0 && parsed.host === void 0 && parsed.port === void 0 && parsed.query === void 0 && !parsed.path) {
          parsed.reference = "same-document";
        } else if (parsed.scheme === void 0) {
          parsed.reference = "relative";
        } else if (parsed.fragment === void 0) {
          parsed.reference = "absolute";
        } else {
          parsed.reference = "uri";
        }
        if (options.reference && options.reference !== "suffix" && options.reference !== parsed.reference) {
          parsed.error = parsed.error || "URI is not a " + options.reference + " reference.";
        }
        const schemeHandler = getSchemeHandler(options.scheme || parsed.scheme);
        if (!malformedIPLiteral) {
          malformedHost = canonicalizeHost(parsed, options, schemeHandler, isIP);
        }
        if (uri.indexOf("%") !== -1 && parsed.host !== void 0 && !malformedIPLiteral) {
          let host = isIP ? parsed.host : normalizePercentEncoding(parsed.host, true);
          if (!isIP) {
            host = normalizePercentEncoding(host.toLowerCase());
          }
          parsed.host = isIP || options.scheme !== "null" ? reescapeHostDelimiters(host, isIP) : host;
        }
        if (!schemeHandler || schemeHandler && !schemeHandler.skipNormalize) {
          if (parsed.path) {
            parsed.path = normalizePathEncoding(parsed.path);
          }
          if (parsed.query) {
            parsed.query = normalizeQueryFragmentEncoding(parsed.query);
          }
          if (parsed.fragment) {
            parsed.fragment = normalizeQueryFragmentEncoding(parsed.fragment);
          }
        }
        if (schemeHandler && schemeHandler.parse) {
          schemeHandler.parse(parsed, options);
          if (schemeHandler === SCHEMES.urn && parsed.nid === void 0) {
            malformedSchemeSpecific = true;
          }
        }
      } else {
        parsed.error = parsed.error || "URI can not be parsed.";
      }
      return { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme };
    }
    function parse(uri, opts) {
      return parseWithStatus(uri, opts).parsed;
    }
    function normalizeString(uri, opts) {
      return normalizeStringWithStatus(uri, opts).normalized;
    }
    function normalizeStringWithStatus(uri, opts) {
      const { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = parseWithStatus(uri, opts);
      return {
        normalized: malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? uri : serialize(parsed, opts),
        malformedAuthorityOrPort,
        malformedPercentEncoding,
        malformedSchemeSpecific,
        malformedHost,
        malformedScheme
      };
    }
    function normalizeComparableURI(uri, opts) {
      if (typeof uri !== "string" && typeof uri !== "object") {
        return void 0;
      }
      let value;
      try {
        value = typeof uri === "string" ? uri : serialize(uri, opts);
      } catch {
        return void 0;
      }
      const { normalized, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = normalizeStringWithStatus(value, opts);
      return malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? void 0 : normalized;
    }
    var fastUri = {
      SCHEMES,
      normalize: normalize2,
      resolve: resolve8,
      resolveComponent,
      equal,
      serialize,
      parse
    };
    module.exports = fastUri;
    module.exports.default = fastUri;
    module.exports.fastUri = fastUri;
  }
});

// node_modules/ajv/dist/runtime/uri.js
var require_uri = __commonJS({
  "node_modules/ajv/dist/runtime/uri.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var uri = require_fast_uri();
    uri.code = 'require("ajv/dist/runtime/uri").default';
    exports.default = uri;
  }
});

// node_modules/ajv/dist/core.js
var require_core = __commonJS({
  "node_modules/ajv/dist/core.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = void 0;
    var validate_1 = require_validate();
    Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function() {
      return validate_1.KeywordCxt;
    } });
    var codegen_1 = require_codegen();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return codegen_1._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return codegen_1.str;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return codegen_1.stringify;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return codegen_1.nil;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return codegen_1.Name;
    } });
    Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function() {
      return codegen_1.CodeGen;
    } });
    var validation_error_1 = require_validation_error();
    var ref_error_1 = require_ref_error();
    var rules_1 = require_rules();
    var compile_1 = require_compile();
    var codegen_2 = require_codegen();
    var resolve_1 = require_resolve();
    var dataType_1 = require_dataType();
    var util_1 = require_util();
    var $dataRefSchema = require_data();
    var uri_1 = require_uri();
    var defaultRegExp = (str, flags) => new RegExp(str, flags);
    defaultRegExp.code = "new RegExp";
    var META_IGNORE_OPTIONS = ["removeAdditional", "useDefaults", "coerceTypes"];
    var EXT_SCOPE_NAMES = /* @__PURE__ */ new Set([
      "validate",
      "serialize",
      "parse",
      "wrapper",
      "root",
      "schema",
      "keyword",
      "pattern",
      "formats",
      "validate$data",
      "func",
      "obj",
      "Error"
    ]);
    var removedOptions = {
      errorDataPath: "",
      format: "`validateFormats: false` can be used instead.",
      nullable: '"nullable" keyword is supported by default.',
      jsonPointers: "Deprecated jsPropertySyntax can be used instead.",
      extendRefs: "Deprecated ignoreKeywordsWithRef can be used instead.",
      missingRefs: "Pass empty schema with $id that should be ignored to ajv.addSchema.",
      processCode: "Use option `code: {process: (code, schemaEnv: object) => string}`",
      sourceCode: "Use option `code: {source: true}`",
      strictDefaults: "It is default now, see option `strict`.",
      strictKeywords: "It is default now, see option `strict`.",
      uniqueItems: '"uniqueItems" keyword is always validated.',
      unknownFormats: "Disable strict mode or pass `true` to `ajv.addFormat` (or `formats` option).",
      cache: "Map is used as cache, schema object as key.",
      serialize: "Map is used as cache, schema object as key.",
      ajvErrors: "It is default now."
    };
    var deprecatedOptions = {
      ignoreKeywordsWithRef: "",
      jsPropertySyntax: "",
      unicode: '"minLength"/"maxLength" account for unicode characters by default.'
    };
    var MAX_EXPRESSION = 200;
    function requiredOptions(o) {
      var _a, _b, _c, _d, _e, _f, _g, _h, _j, _k, _l, _m, _o, _p, _q, _r, _s, _t, _u, _v, _w, _x, _y, _z, _0;
      const s = o.strict;
      const _optz = (_a = o.code) === null || _a === void 0 ? void 0 : _a.optimize;
      const optimize = _optz === true || _optz === void 0 ? 1 : _optz || 0;
      const regExp = (_c = (_b = o.code) === null || _b === void 0 ? void 0 : _b.regExp) !== null && _c !== void 0 ? _c : defaultRegExp;
      const uriResolver = (_d = o.uriResolver) !== null && _d !== void 0 ? _d : uri_1.default;
      return {
        strictSchema: (_f = (_e = o.strictSchema) !== null && _e !== void 0 ? _e : s) !== null && _f !== void 0 ? _f : true,
        strictNumbers: (_h = (_g = o.strictNumbers) !== null && _g !== void 0 ? _g : s) !== null && _h !== void 0 ? _h : true,
        strictTypes: (_k = (_j = o.strictTypes) !== null && _j !== void 0 ? _j : s) !== null && _k !== void 0 ? _k : "log",
        strictTuples: (_m = (_l = o.strictTuples) !== null && _l !== void 0 ? _l : s) !== null && _m !== void 0 ? _m : "log",
        strictRequired: (_p = (_o = o.strictRequired) !== null && _o !== void 0 ? _o : s) !== null && _p !== void 0 ? _p : false,
        code: o.code ? { ...o.code, optimize, regExp } : { optimize, regExp },
        loopRequired: (_q = o.loopRequired) !== null && _q !== void 0 ? _q : MAX_EXPRESSION,
        loopEnum: (_r = o.loopEnum) !== null && _r !== void 0 ? _r : MAX_EXPRESSION,
        meta: (_s = o.meta) !== null && _s !== void 0 ? _s : true,
        messages: (_t = o.messages) !== null && _t !== void 0 ? _t : true,
        inlineRefs: (_u = o.inlineRefs) !== null && _u !== void 0 ? _u : true,
        schemaId: (_v = o.schemaId) !== null && _v !== void 0 ? _v : "$id",
        addUsedSchema: (_w = o.addUsedSchema) !== null && _w !== void 0 ? _w : true,
        validateSchema: (_x = o.validateSchema) !== null && _x !== void 0 ? _x : true,
        validateFormats: (_y = o.validateFormats) !== null && _y !== void 0 ? _y : true,
        unicodeRegExp: (_z = o.unicodeRegExp) !== null && _z !== void 0 ? _z : true,
        int32range: (_0 = o.int32range) !== null && _0 !== void 0 ? _0 : true,
        uriResolver
      };
    }
    var Ajv = class {
      constructor(opts = {}) {
        this.schemas = {};
        this.refs = {};
        this.formats = /* @__PURE__ */ Object.create(null);
        this._compilations = /* @__PURE__ */ new Set();
        this._loading = {};
        this._cache = /* @__PURE__ */ new Map();
        opts = this.opts = { ...opts, ...requiredOptions(opts) };
        const { es5, lines } = this.opts.code;
        this.scope = new codegen_2.ValueScope({ scope: {}, prefixes: EXT_SCOPE_NAMES, es5, lines });
        this.logger = getLogger(opts.logger);
        const formatOpt = opts.validateFormats;
        opts.validateFormats = false;
        this.RULES = (0, rules_1.getRules)();
        checkOptions.call(this, removedOptions, opts, "NOT SUPPORTED");
        checkOptions.call(this, deprecatedOptions, opts, "DEPRECATED", "warn");
        this._metaOpts = getMetaSchemaOptions.call(this);
        if (opts.formats)
          addInitialFormats.call(this);
        this._addVocabularies();
        this._addDefaultMetaSchema();
        if (opts.keywords)
          addInitialKeywords.call(this, opts.keywords);
        if (typeof opts.meta == "object")
          this.addMetaSchema(opts.meta);
        addInitialSchemas.call(this);
        opts.validateFormats = formatOpt;
      }
      _addVocabularies() {
        this.addKeyword("$async");
      }
      _addDefaultMetaSchema() {
        const { $data, meta, schemaId } = this.opts;
        let _dataRefSchema = $dataRefSchema;
        if (schemaId === "id") {
          _dataRefSchema = { ...$dataRefSchema };
          _dataRefSchema.id = _dataRefSchema.$id;
          delete _dataRefSchema.$id;
        }
        if (meta && $data)
          this.addMetaSchema(_dataRefSchema, _dataRefSchema[schemaId], false);
      }
      defaultMeta() {
        const { meta, schemaId } = this.opts;
        return this.opts.defaultMeta = typeof meta == "object" ? meta[schemaId] || meta : void 0;
      }
      validate(schemaKeyRef, data) {
        let v;
        if (typeof schemaKeyRef == "string") {
          v = this.getSchema(schemaKeyRef);
          if (!v)
            throw new Error(`no schema with key or ref "${schemaKeyRef}"`);
        } else {
          v = this.compile(schemaKeyRef);
        }
        const valid = v(data);
        if (!("$async" in v))
          this.errors = v.errors;
        return valid;
      }
      compile(schema, _meta) {
        const sch = this._addSchema(schema, _meta);
        return sch.validate || this._compileSchemaEnv(sch);
      }
      compileAsync(schema, meta) {
        if (typeof this.opts.loadSchema != "function") {
          throw new Error("options.loadSchema should be a function");
        }
        const { loadSchema } = this.opts;
        return runCompileAsync.call(this, schema, meta);
        async function runCompileAsync(_schema, _meta) {
          await loadMetaSchema.call(this, _schema.$schema);
          const sch = this._addSchema(_schema, _meta);
          return sch.validate || _compileAsync.call(this, sch);
        }
        async function loadMetaSchema($ref) {
          if ($ref && !this.getSchema($ref)) {
            await runCompileAsync.call(this, { $ref }, true);
          }
        }
        async function _compileAsync(sch) {
          try {
            return this._compileSchemaEnv(sch);
          } catch (e) {
            if (!(e instanceof ref_error_1.default))
              throw e;
            checkLoaded.call(this, e);
            await loadMissingSchema.call(this, e.missingSchema);
            return _compileAsync.call(this, sch);
          }
        }
        function checkLoaded({ missingSchema: ref, missingRef }) {
          if (this.refs[ref]) {
            throw new Error(`AnySchema ${ref} is loaded but ${missingRef} cannot be resolved`);
          }
        }
        async function loadMissingSchema(ref) {
          const _schema = await _loadSchema.call(this, ref);
          if (!this.refs[ref])
            await loadMetaSchema.call(this, _schema.$schema);
          if (!this.refs[ref])
            this.addSchema(_schema, ref, meta);
        }
        async function _loadSchema(ref) {
          const p = this._loading[ref];
          if (p)
            return p;
          try {
            return await (this._loading[ref] = loadSchema(ref));
          } finally {
            delete this._loading[ref];
          }
        }
      }
      // Adds schema to the instance
      addSchema(schema, key, _meta, _validateSchema = this.opts.validateSchema) {
        if (Array.isArray(schema)) {
          for (const sch of schema)
            this.addSchema(sch, void 0, _meta, _validateSchema);
          return this;
        }
        let id;
        if (typeof schema === "object") {
          const { schemaId } = this.opts;
          id = schema[schemaId];
          if (id !== void 0 && typeof id != "string") {
            throw new Error(`schema ${schemaId} must be string`);
          }
        }
        key = (0, resolve_1.normalizeId)(key || id);
        this._checkUnique(key);
        this.schemas[key] = this._addSchema(schema, _meta, key, _validateSchema, true);
        return this;
      }
      // Add schema that will be used to validate other schemas
      // options in META_IGNORE_OPTIONS are alway set to false
      addMetaSchema(schema, key, _validateSchema = this.opts.validateSchema) {
        this.addSchema(schema, key, true, _validateSchema);
        return this;
      }
      //  Validate schema against its meta-schema
      validateSchema(schema, throwOrLogError) {
        if (typeof schema == "boolean")
          return true;
        let $schema;
        $schema = schema.$schema;
        if ($schema !== void 0 && typeof $schema != "string") {
          throw new Error("$schema must be a string");
        }
        $schema = $schema || this.opts.defaultMeta || this.defaultMeta();
        if (!$schema) {
          this.logger.warn("meta-schema not available");
          this.errors = null;
          return true;
        }
        const valid = this.validate($schema, schema);
        if (!valid && throwOrLogError) {
          const message = "schema is invalid: " + this.errorsText();
          if (this.opts.validateSchema === "log")
            this.logger.error(message);
          else
            throw new Error(message);
        }
        return valid;
      }
      // Get compiled schema by `key` or `ref`.
      // (`key` that was passed to `addSchema` or full schema reference - `schema.$id` or resolved id)
      getSchema(keyRef) {
        let sch;
        while (typeof (sch = getSchEnv.call(this, keyRef)) == "string")
          keyRef = sch;
        if (sch === void 0) {
          const { schemaId } = this.opts;
          const root = new compile_1.SchemaEnv({ schema: {}, schemaId });
          sch = compile_1.resolveSchema.call(this, root, keyRef);
          if (!sch)
            return;
          this.refs[keyRef] = sch;
        }
        return sch.validate || this._compileSchemaEnv(sch);
      }
      // Remove cached schema(s).
      // If no parameter is passed all schemas but meta-schemas are removed.
      // If RegExp is passed all schemas with key/id matching pattern but meta-schemas are removed.
      // Even if schema is referenced by other schemas it still can be removed as other schemas have local references.
      removeSchema(schemaKeyRef) {
        if (schemaKeyRef instanceof RegExp) {
          this._removeAllSchemas(this.schemas, schemaKeyRef);
          this._removeAllSchemas(this.refs, schemaKeyRef);
          return this;
        }
        switch (typeof schemaKeyRef) {
          case "undefined":
            this._removeAllSchemas(this.schemas);
            this._removeAllSchemas(this.refs);
            this._cache.clear();
            return this;
          case "string": {
            const sch = getSchEnv.call(this, schemaKeyRef);
            if (typeof sch == "object")
              this._cache.delete(sch.schema);
            delete this.schemas[schemaKeyRef];
            delete this.refs[schemaKeyRef];
            return this;
          }
          case "object": {
            const cacheKey = schemaKeyRef;
            this._cache.delete(cacheKey);
            let id = schemaKeyRef[this.opts.schemaId];
            if (id) {
              id = (0, resolve_1.normalizeId)(id);
              delete this.schemas[id];
              delete this.refs[id];
            }
            return this;
          }
          default:
            throw new Error("ajv.removeSchema: invalid parameter");
        }
      }
      // add "vocabulary" - a collection of keywords
      addVocabulary(definitions) {
        for (const def of definitions)
          this.addKeyword(def);
        return this;
      }
      addKeyword(kwdOrDef, def) {
        let keyword;
        if (typeof kwdOrDef == "string") {
          keyword = kwdOrDef;
          if (typeof def == "object") {
            this.logger.warn("these parameters are deprecated, see docs for addKeyword");
            def.keyword = keyword;
          }
        } else if (typeof kwdOrDef == "object" && def === void 0) {
          def = kwdOrDef;
          keyword = def.keyword;
          if (Array.isArray(keyword) && !keyword.length) {
            throw new Error("addKeywords: keyword must be string or non-empty array");
          }
        } else {
          throw new Error("invalid addKeywords parameters");
        }
        checkKeyword.call(this, keyword, def);
        if (!def) {
          (0, util_1.eachItem)(keyword, (kwd) => addRule.call(this, kwd));
          return this;
        }
        keywordMetaschema.call(this, def);
        const definition = {
          ...def,
          type: (0, dataType_1.getJSONTypes)(def.type),
          schemaType: (0, dataType_1.getJSONTypes)(def.schemaType)
        };
        (0, util_1.eachItem)(keyword, definition.type.length === 0 ? (k) => addRule.call(this, k, definition) : (k) => definition.type.forEach((t) => addRule.call(this, k, definition, t)));
        return this;
      }
      getKeyword(keyword) {
        const rule2 = this.RULES.all[keyword];
        return typeof rule2 == "object" ? rule2.definition : !!rule2;
      }
      // Remove keyword
      removeKeyword(keyword) {
        const { RULES } = this;
        delete RULES.keywords[keyword];
        delete RULES.all[keyword];
        for (const group of RULES.rules) {
          const i = group.rules.findIndex((rule2) => rule2.keyword === keyword);
          if (i >= 0)
            group.rules.splice(i, 1);
        }
        return this;
      }
      // Add format
      addFormat(name2, format) {
        if (typeof format == "string")
          format = new RegExp(format);
        this.formats[name2] = format;
        return this;
      }
      errorsText(errors = this.errors, { separator = ", ", dataVar = "data" } = {}) {
        if (!errors || errors.length === 0)
          return "No errors";
        return errors.map((e) => `${dataVar}${e.instancePath} ${e.message}`).reduce((text, msg) => text + separator + msg);
      }
      $dataMetaSchema(metaSchema, keywordsJsonPointers) {
        const rules = this.RULES.all;
        metaSchema = JSON.parse(JSON.stringify(metaSchema));
        for (const jsonPointer of keywordsJsonPointers) {
          const segments2 = jsonPointer.split("/").slice(1);
          let keywords = metaSchema;
          for (const seg of segments2)
            keywords = keywords[seg];
          for (const key in rules) {
            const rule2 = rules[key];
            if (typeof rule2 != "object")
              continue;
            const { $data } = rule2.definition;
            const schema = keywords[key];
            if ($data && schema)
              keywords[key] = schemaOrData(schema);
          }
        }
        return metaSchema;
      }
      _removeAllSchemas(schemas, regex) {
        for (const keyRef in schemas) {
          const sch = schemas[keyRef];
          if (!regex || regex.test(keyRef)) {
            if (typeof sch == "string") {
              delete schemas[keyRef];
            } else if (sch && !sch.meta) {
              this._cache.delete(sch.schema);
              delete schemas[keyRef];
            }
          }
        }
      }
      _addSchema(schema, meta, baseId, validateSchema = this.opts.validateSchema, addSchema = this.opts.addUsedSchema) {
        let id;
        const { schemaId } = this.opts;
        if (typeof schema == "object") {
          id = schema[schemaId];
        } else {
          if (this.opts.jtd)
            throw new Error("schema must be object");
          else if (typeof schema != "boolean")
            throw new Error("schema must be object or boolean");
        }
        let sch = this._cache.get(schema);
        if (sch !== void 0)
          return sch;
        baseId = (0, resolve_1.normalizeId)(id || baseId);
        const localRefs = resolve_1.getSchemaRefs.call(this, schema, baseId);
        sch = new compile_1.SchemaEnv({ schema, schemaId, meta, baseId, localRefs });
        this._cache.set(sch.schema, sch);
        if (addSchema && !baseId.startsWith("#")) {
          if (baseId)
            this._checkUnique(baseId);
          this.refs[baseId] = sch;
        }
        if (validateSchema)
          this.validateSchema(schema, true);
        return sch;
      }
      _checkUnique(id) {
        if (this.schemas[id] || this.refs[id]) {
          throw new Error(`schema with key or id "${id}" already exists`);
        }
      }
      _compileSchemaEnv(sch) {
        if (sch.meta)
          this._compileMetaSchema(sch);
        else
          compile_1.compileSchema.call(this, sch);
        if (!sch.validate)
          throw new Error("ajv implementation error");
        return sch.validate;
      }
      _compileMetaSchema(sch) {
        const currentOpts = this.opts;
        this.opts = this._metaOpts;
        try {
          compile_1.compileSchema.call(this, sch);
        } finally {
          this.opts = currentOpts;
        }
      }
    };
    Ajv.ValidationError = validation_error_1.default;
    Ajv.MissingRefError = ref_error_1.default;
    exports.default = Ajv;
    function checkOptions(checkOpts, options, msg, log2 = "error") {
      for (const key in checkOpts) {
        const opt = key;
        if (opt in options)
          this.logger[log2](`${msg}: option ${key}. ${checkOpts[opt]}`);
      }
    }
    function getSchEnv(keyRef) {
      keyRef = (0, resolve_1.normalizeId)(keyRef);
      return this.schemas[keyRef] || this.refs[keyRef];
    }
    function addInitialSchemas() {
      const optsSchemas = this.opts.schemas;
      if (!optsSchemas)
        return;
      if (Array.isArray(optsSchemas))
        this.addSchema(optsSchemas);
      else
        for (const key in optsSchemas)
          this.addSchema(optsSchemas[key], key);
    }
    function addInitialFormats() {
      for (const name2 in this.opts.formats) {
        const format = this.opts.formats[name2];
        if (format)
          this.addFormat(name2, format);
      }
    }
    function addInitialKeywords(defs) {
      if (Array.isArray(defs)) {
        this.addVocabulary(defs);
        return;
      }
      this.logger.warn("keywords option as map is deprecated, pass array");
      for (const keyword in defs) {
        const def = defs[keyword];
        if (!def.keyword)
          def.keyword = keyword;
        this.addKeyword(def);
      }
    }
    function getMetaSchemaOptions() {
      const metaOpts = { ...this.opts };
      for (const opt of META_IGNORE_OPTIONS)
        delete metaOpts[opt];
      return metaOpts;
    }
    var noLogs = { log() {
    }, warn() {
    }, error() {
    } };
    function getLogger(logger) {
      if (logger === false)
        return noLogs;
      if (logger === void 0)
        return console;
      if (logger.log && logger.warn && logger.error)
        return logger;
      throw new Error("logger must implement log, warn and error methods");
    }
    var KEYWORD_NAME = /^[a-z_$][a-z0-9_$:-]*$/i;
    function checkKeyword(keyword, def) {
      const { RULES } = this;
      (0, util_1.eachItem)(keyword, (kwd) => {
        if (RULES.keywords[kwd])
          throw new Error(`Keyword ${kwd} is already defined`);
        if (!KEYWORD_NAME.test(kwd))
          throw new Error(`Keyword ${kwd} has invalid name`);
      });
      if (!def)
        return;
      if (def.$data && !("code" in def || "validate" in def)) {
        throw new Error('$data keyword must have "code" or "validate" function');
      }
    }
    function addRule(keyword, definition, dataType) {
      var _a;
      const post = definition === null || definition === void 0 ? void 0 : definition.post;
      if (dataType && post)
        throw new Error('keyword with "post" flag cannot have "type"');
      const { RULES } = this;
      let ruleGroup = post ? RULES.post : RULES.rules.find(({ type: t }) => t === dataType);
      if (!ruleGroup) {
        ruleGroup = { type: dataType, rules: [] };
        RULES.rules.push(ruleGroup);
      }
      RULES.keywords[keyword] = true;
      if (!definition)
        return;
      const rule2 = {
        keyword,
        definition: {
          ...definition,
          type: (0, dataType_1.getJSONTypes)(definition.type),
          schemaType: (0, dataType_1.getJSONTypes)(definition.schemaType)
        }
      };
      if (definition.before)
        addBeforeRule.call(this, ruleGroup, rule2, definition.before);
      else
        ruleGroup.rules.push(rule2);
      RULES.all[keyword] = rule2;
      (_a = definition.implements) === null || _a === void 0 ? void 0 : _a.forEach((kwd) => this.addKeyword(kwd));
    }
    function addBeforeRule(ruleGroup, rule2, before) {
      const i = ruleGroup.rules.findIndex((_rule) => _rule.keyword === before);
      if (i >= 0) {
        ruleGroup.rules.splice(i, 0, rule2);
      } else {
        ruleGroup.rules.push(rule2);
        this.logger.warn(`rule ${before} is not defined`);
      }
    }
    function keywordMetaschema(def) {
      let { metaSchema } = def;
      if (metaSchema === void 0)
        return;
      if (def.$data && this.opts.$data)
        metaSchema = schemaOrData(metaSchema);
      def.validateSchema = this.compile(metaSchema, true);
    }
    var $dataRef = {
      $ref: "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#"
    };
    function schemaOrData(schema) {
      return { anyOf: [schema, $dataRef] };
    }
  }
});

// node_modules/ajv/dist/vocabularies/core/id.js
var require_id = __commonJS({
  "node_modules/ajv/dist/vocabularies/core/id.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var def = {
      keyword: "id",
      code() {
        throw new Error('NOT SUPPORTED: keyword "id", use "$id" for schema ID');
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/core/ref.js
var require_ref = __commonJS({
  "node_modules/ajv/dist/vocabularies/core/ref.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.callRef = exports.getValidate = void 0;
    var ref_error_1 = require_ref_error();
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var compile_1 = require_compile();
    var util_1 = require_util();
    var def = {
      keyword: "$ref",
      schemaType: "string",
      code(cxt) {
        const { gen, schema: $ref, it } = cxt;
        const { baseId, schemaEnv: env, validateName, opts, self } = it;
        const { root } = env;
        if (($ref === "#" || $ref === "#/") && baseId === root.baseId)
          return callRootRef();
        const schOrEnv = compile_1.resolveRef.call(self, root, baseId, $ref);
        if (schOrEnv === void 0)
          throw new ref_error_1.default(it.opts.uriResolver, baseId, $ref);
        if (schOrEnv instanceof compile_1.SchemaEnv)
          return callValidate(schOrEnv);
        return inlineRefSchema(schOrEnv);
        function callRootRef() {
          if (env === root)
            return callRef(cxt, validateName, env, env.$async);
          const rootName = gen.scopeValue("root", { ref: root });
          return callRef(cxt, (0, codegen_1._)`${rootName}.validate`, root, root.$async);
        }
        function callValidate(sch) {
          const v = getValidate(cxt, sch);
          callRef(cxt, v, sch, sch.$async);
        }
        function inlineRefSchema(sch) {
          const schName = gen.scopeValue("schema", opts.code.source === true ? { ref: sch, code: (0, codegen_1.stringify)(sch) } : { ref: sch });
          const valid = gen.name("valid");
          const schCxt = cxt.subschema({
            schema: sch,
            dataTypes: [],
            schemaPath: codegen_1.nil,
            topSchemaRef: schName,
            errSchemaPath: $ref
          }, valid);
          cxt.mergeEvaluated(schCxt);
          cxt.ok(valid);
        }
      }
    };
    function getValidate(cxt, sch) {
      const { gen } = cxt;
      return sch.validate ? gen.scopeValue("validate", { ref: sch.validate }) : (0, codegen_1._)`${gen.scopeValue("wrapper", { ref: sch })}.validate`;
    }
    exports.getValidate = getValidate;
    function callRef(cxt, v, sch, $async) {
      const { gen, it } = cxt;
      const { allErrors, schemaEnv: env, opts } = it;
      const passCxt = opts.passContext ? names_1.default.this : codegen_1.nil;
      if ($async)
        callAsyncRef();
      else
        callSyncRef();
      function callAsyncRef() {
        if (!env.$async)
          throw new Error("async schema referenced by sync schema");
        const valid = gen.let("valid");
        gen.try(() => {
          gen.code((0, codegen_1._)`await ${(0, code_1.callValidateCode)(cxt, v, passCxt)}`);
          addEvaluatedFrom(v);
          if (!allErrors)
            gen.assign(valid, true);
        }, (e) => {
          gen.if((0, codegen_1._)`!(${e} instanceof ${it.ValidationError})`, () => gen.throw(e));
          addErrorsFrom(e);
          if (!allErrors)
            gen.assign(valid, false);
        });
        cxt.ok(valid);
      }
      function callSyncRef() {
        cxt.result((0, code_1.callValidateCode)(cxt, v, passCxt), () => addEvaluatedFrom(v), () => addErrorsFrom(v));
      }
      function addErrorsFrom(source) {
        const errs = (0, codegen_1._)`${source}.errors`;
        gen.assign(names_1.default.vErrors, (0, codegen_1._)`${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`);
        gen.assign(names_1.default.errors, (0, codegen_1._)`${names_1.default.vErrors}.length`);
      }
      function addEvaluatedFrom(source) {
        var _a;
        if (!it.opts.unevaluated)
          return;
        const schEvaluated = (_a = sch === null || sch === void 0 ? void 0 : sch.validate) === null || _a === void 0 ? void 0 : _a.evaluated;
        if (it.props !== true) {
          if (schEvaluated && !schEvaluated.dynamicProps) {
            if (schEvaluated.props !== void 0) {
              it.props = util_1.mergeEvaluated.props(gen, schEvaluated.props, it.props);
            }
          } else {
            const props = gen.var("props", (0, codegen_1._)`${source}.evaluated.props`);
            it.props = util_1.mergeEvaluated.props(gen, props, it.props, codegen_1.Name);
          }
        }
        if (it.items !== true) {
          if (schEvaluated && !schEvaluated.dynamicItems) {
            if (schEvaluated.items !== void 0) {
              it.items = util_1.mergeEvaluated.items(gen, schEvaluated.items, it.items);
            }
          } else {
            const items = gen.var("items", (0, codegen_1._)`${source}.evaluated.items`);
            it.items = util_1.mergeEvaluated.items(gen, items, it.items, codegen_1.Name);
          }
        }
      }
    }
    exports.callRef = callRef;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/core/index.js
var require_core2 = __commonJS({
  "node_modules/ajv/dist/vocabularies/core/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var id_1 = require_id();
    var ref_1 = require_ref();
    var core = [
      "$schema",
      "$id",
      "$defs",
      "$vocabulary",
      { keyword: "$comment" },
      "definitions",
      id_1.default,
      ref_1.default
    ];
    exports.default = core;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitNumber.js
var require_limitNumber = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitNumber.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var ops = codegen_1.operators;
    var KWDs = {
      maximum: { okStr: "<=", ok: ops.LTE, fail: ops.GT },
      minimum: { okStr: ">=", ok: ops.GTE, fail: ops.LT },
      exclusiveMaximum: { okStr: "<", ok: ops.LT, fail: ops.GTE },
      exclusiveMinimum: { okStr: ">", ok: ops.GT, fail: ops.LTE }
    };
    var error = {
      message: ({ keyword, schemaCode }) => (0, codegen_1.str)`must be ${KWDs[keyword].okStr} ${schemaCode}`,
      params: ({ keyword, schemaCode }) => (0, codegen_1._)`{comparison: ${KWDs[keyword].okStr}, limit: ${schemaCode}}`
    };
    var def = {
      keyword: Object.keys(KWDs),
      type: "number",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        cxt.fail$data((0, codegen_1._)`${data} ${KWDs[keyword].fail} ${schemaCode} || isNaN(${data})`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/multipleOf.js
var require_multipleOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/multipleOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must be multiple of ${schemaCode}`,
      params: ({ schemaCode }) => (0, codegen_1._)`{multipleOf: ${schemaCode}}`
    };
    var def = {
      keyword: "multipleOf",
      type: "number",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, schemaCode, it } = cxt;
        const prec = it.opts.multipleOfPrecision;
        const res = gen.let("res");
        const invalid = prec ? (0, codegen_1._)`Math.abs(Math.round(${res}) - ${res}) > 1e-${prec}` : (0, codegen_1._)`${res} !== parseInt(${res})`;
        cxt.fail$data((0, codegen_1._)`(${schemaCode} === 0 || (${res} = ${data}/${schemaCode}, ${invalid}))`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/runtime/ucs2length.js
var require_ucs2length = __commonJS({
  "node_modules/ajv/dist/runtime/ucs2length.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    function ucs2length(str) {
      const len = str.length;
      let length = 0;
      let pos = 0;
      let value;
      while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 55296 && value <= 56319 && pos < len) {
          value = str.charCodeAt(pos);
          if ((value & 64512) === 56320)
            pos++;
        }
      }
      return length;
    }
    exports.default = ucs2length;
    ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitLength.js
var require_limitLength = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitLength.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var ucs2length_1 = require_ucs2length();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxLength" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} characters`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxLength", "minLength"],
      type: "string",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode, it } = cxt;
        const op2 = keyword === "maxLength" ? codegen_1.operators.GT : codegen_1.operators.LT;
        const len = it.opts.unicode === false ? (0, codegen_1._)`${data}.length` : (0, codegen_1._)`${(0, util_1.useFunc)(cxt.gen, ucs2length_1.default)}(${data})`;
        cxt.fail$data((0, codegen_1._)`${len} ${op2} ${schemaCode}`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/pattern.js
var require_pattern = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/pattern.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var util_1 = require_util();
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must match pattern "${schemaCode}"`,
      params: ({ schemaCode }) => (0, codegen_1._)`{pattern: ${schemaCode}}`
    };
    var def = {
      keyword: "pattern",
      type: "string",
      schemaType: "string",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        const u = it.opts.unicodeRegExp ? "u" : "";
        if ($data) {
          const { regExp } = it.opts.code;
          const regExpCode = regExp.code === "new RegExp" ? (0, codegen_1._)`new RegExp` : (0, util_1.useFunc)(gen, regExp);
          const valid = gen.let("valid");
          gen.try(() => gen.assign(valid, (0, codegen_1._)`${regExpCode}(${schemaCode}, ${u}).test(${data})`), () => gen.assign(valid, false));
          cxt.fail$data((0, codegen_1._)`!${valid}`);
        } else {
          const regExp = (0, code_1.usePattern)(cxt, schema);
          cxt.fail$data((0, codegen_1._)`!${regExp}.test(${data})`);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitProperties.js
var require_limitProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxProperties" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} properties`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxProperties", "minProperties"],
      type: "object",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        const op2 = keyword === "maxProperties" ? codegen_1.operators.GT : codegen_1.operators.LT;
        cxt.fail$data((0, codegen_1._)`Object.keys(${data}).length ${op2} ${schemaCode}`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/required.js
var require_required = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/required.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { missingProperty } }) => (0, codegen_1.str)`must have required property '${missingProperty}'`,
      params: ({ params: { missingProperty } }) => (0, codegen_1._)`{missingProperty: ${missingProperty}}`
    };
    var def = {
      keyword: "required",
      type: "object",
      schemaType: "array",
      $data: true,
      error,
      code(cxt) {
        const { gen, schema, schemaCode, data, $data, it } = cxt;
        const { opts } = it;
        if (!$data && schema.length === 0)
          return;
        const useLoop = schema.length >= opts.loopRequired;
        if (it.allErrors)
          allErrorsMode();
        else
          exitOnErrorMode();
        if (opts.strictRequired) {
          const props = cxt.parentSchema.properties;
          const { definedProperties } = cxt.it;
          for (const requiredKey of schema) {
            if ((props === null || props === void 0 ? void 0 : props[requiredKey]) === void 0 && !definedProperties.has(requiredKey)) {
              const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
              const msg = `required property "${requiredKey}" is not defined at "${schemaPath}" (strictRequired)`;
              (0, util_1.checkStrictMode)(it, msg, it.opts.strictRequired);
            }
          }
        }
        function allErrorsMode() {
          if (useLoop || $data) {
            cxt.block$data(codegen_1.nil, loopAllRequired);
          } else {
            for (const prop of schema) {
              (0, code_1.checkReportMissingProp)(cxt, prop);
            }
          }
        }
        function exitOnErrorMode() {
          const missing = gen.let("missing");
          if (useLoop || $data) {
            const valid = gen.let("valid", true);
            cxt.block$data(valid, () => loopUntilMissing(missing, valid));
            cxt.ok(valid);
          } else {
            gen.if((0, code_1.checkMissingProp)(cxt, schema, missing));
            (0, code_1.reportMissingProp)(cxt, missing);
            gen.else();
          }
        }
        function loopAllRequired() {
          gen.forOf("prop", schemaCode, (prop) => {
            cxt.setParams({ missingProperty: prop });
            gen.if((0, code_1.noPropertyInData)(gen, data, prop, opts.ownProperties), () => cxt.error());
          });
        }
        function loopUntilMissing(missing, valid) {
          cxt.setParams({ missingProperty: missing });
          gen.forOf(missing, schemaCode, () => {
            gen.assign(valid, (0, code_1.propertyInData)(gen, data, missing, opts.ownProperties));
            gen.if((0, codegen_1.not)(valid), () => {
              cxt.error();
              gen.break();
            });
          }, codegen_1.nil);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitItems.js
var require_limitItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxItems" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} items`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxItems", "minItems"],
      type: "array",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        const op2 = keyword === "maxItems" ? codegen_1.operators.GT : codegen_1.operators.LT;
        cxt.fail$data((0, codegen_1._)`${data}.length ${op2} ${schemaCode}`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/runtime/equal.js
var require_equal = __commonJS({
  "node_modules/ajv/dist/runtime/equal.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var equal = require_fast_deep_equal();
    equal.code = 'require("ajv/dist/runtime/equal").default';
    exports.default = equal;
  }
});

// node_modules/ajv/dist/vocabularies/validation/uniqueItems.js
var require_uniqueItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/uniqueItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dataType_1 = require_dataType();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: ({ params: { i, j } }) => (0, codegen_1.str)`must NOT have duplicate items (items ## ${j} and ${i} are identical)`,
      params: ({ params: { i, j } }) => (0, codegen_1._)`{i: ${i}, j: ${j}}`
    };
    var def = {
      keyword: "uniqueItems",
      type: "array",
      schemaType: "boolean",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, parentSchema, schemaCode, it } = cxt;
        if (!$data && !schema)
          return;
        const valid = gen.let("valid");
        const itemTypes = parentSchema.items ? (0, dataType_1.getSchemaTypes)(parentSchema.items) : [];
        cxt.block$data(valid, validateUniqueItems, (0, codegen_1._)`${schemaCode} === false`);
        cxt.ok(valid);
        function validateUniqueItems() {
          const i = gen.let("i", (0, codegen_1._)`${data}.length`);
          const j = gen.let("j");
          cxt.setParams({ i, j });
          gen.assign(valid, true);
          gen.if((0, codegen_1._)`${i} > 1`, () => (canOptimize() ? loopN : loopN2)(i, j));
        }
        function canOptimize() {
          return itemTypes.length > 0 && !itemTypes.some((t) => t === "object" || t === "array");
        }
        function loopN(i, j) {
          const item = gen.name("item");
          const wrongType = (0, dataType_1.checkDataTypes)(itemTypes, item, it.opts.strictNumbers, dataType_1.DataType.Wrong);
          const indices = gen.const("indices", (0, codegen_1._)`{}`);
          gen.for((0, codegen_1._)`;${i}--;`, () => {
            gen.let(item, (0, codegen_1._)`${data}[${i}]`);
            gen.if(wrongType, (0, codegen_1._)`continue`);
            if (itemTypes.length > 1)
              gen.if((0, codegen_1._)`typeof ${item} == "string"`, (0, codegen_1._)`${item} += "_"`);
            gen.if((0, codegen_1._)`typeof ${indices}[${item}] == "number"`, () => {
              gen.assign(j, (0, codegen_1._)`${indices}[${item}]`);
              cxt.error();
              gen.assign(valid, false).break();
            }).code((0, codegen_1._)`${indices}[${item}] = ${i}`);
          });
        }
        function loopN2(i, j) {
          const eql = (0, util_1.useFunc)(gen, equal_1.default);
          const outer = gen.name("outer");
          gen.label(outer).for((0, codegen_1._)`;${i}--;`, () => gen.for((0, codegen_1._)`${j} = ${i}; ${j}--;`, () => gen.if((0, codegen_1._)`${eql}(${data}[${i}], ${data}[${j}])`, () => {
            cxt.error();
            gen.assign(valid, false).break(outer);
          })));
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/const.js
var require_const = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/const.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: "must be equal to constant",
      params: ({ schemaCode }) => (0, codegen_1._)`{allowedValue: ${schemaCode}}`
    };
    var def = {
      keyword: "const",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schemaCode, schema } = cxt;
        if ($data || schema && typeof schema == "object") {
          cxt.fail$data((0, codegen_1._)`!${(0, util_1.useFunc)(gen, equal_1.default)}(${data}, ${schemaCode})`);
        } else {
          cxt.fail((0, codegen_1._)`${schema} !== ${data}`);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/enum.js
var require_enum = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/enum.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: "must be equal to one of the allowed values",
      params: ({ schemaCode }) => (0, codegen_1._)`{allowedValues: ${schemaCode}}`
    };
    var def = {
      keyword: "enum",
      schemaType: "array",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        if (!$data && schema.length === 0)
          throw new Error("enum must have non-empty array");
        const useLoop = schema.length >= it.opts.loopEnum;
        let eql;
        const getEql = () => eql !== null && eql !== void 0 ? eql : eql = (0, util_1.useFunc)(gen, equal_1.default);
        let valid;
        if (useLoop || $data) {
          valid = gen.let("valid");
          cxt.block$data(valid, loopEnum);
        } else {
          if (!Array.isArray(schema))
            throw new Error("ajv implementation error");
          const vSchema = gen.const("vSchema", schemaCode);
          valid = (0, codegen_1.or)(...schema.map((_x, i) => equalCode(vSchema, i)));
        }
        cxt.pass(valid);
        function loopEnum() {
          gen.assign(valid, false);
          gen.forOf("v", schemaCode, (v) => gen.if((0, codegen_1._)`${getEql()}(${data}, ${v})`, () => gen.assign(valid, true).break()));
        }
        function equalCode(vSchema, i) {
          const sch = schema[i];
          return typeof sch === "object" && sch !== null ? (0, codegen_1._)`${getEql()}(${data}, ${vSchema}[${i}])` : (0, codegen_1._)`${data} === ${sch}`;
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/index.js
var require_validation = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var limitNumber_1 = require_limitNumber();
    var multipleOf_1 = require_multipleOf();
    var limitLength_1 = require_limitLength();
    var pattern_1 = require_pattern();
    var limitProperties_1 = require_limitProperties();
    var required_1 = require_required();
    var limitItems_1 = require_limitItems();
    var uniqueItems_1 = require_uniqueItems();
    var const_1 = require_const();
    var enum_1 = require_enum();
    var validation = [
      // number
      limitNumber_1.default,
      multipleOf_1.default,
      // string
      limitLength_1.default,
      pattern_1.default,
      // object
      limitProperties_1.default,
      required_1.default,
      // array
      limitItems_1.default,
      uniqueItems_1.default,
      // any
      { keyword: "type", schemaType: ["string", "array"] },
      { keyword: "nullable", schemaType: "boolean" },
      const_1.default,
      enum_1.default
    ];
    exports.default = validation;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/additionalItems.js
var require_additionalItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/additionalItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateAdditionalItems = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def = {
      keyword: "additionalItems",
      type: "array",
      schemaType: ["boolean", "object"],
      before: "uniqueItems",
      error,
      code(cxt) {
        const { parentSchema, it } = cxt;
        const { items } = parentSchema;
        if (!Array.isArray(items)) {
          (0, util_1.checkStrictMode)(it, '"additionalItems" is ignored when "items" is not an array of schemas');
          return;
        }
        validateAdditionalItems(cxt, items);
      }
    };
    function validateAdditionalItems(cxt, items) {
      const { gen, schema, data, keyword, it } = cxt;
      it.items = true;
      const len = gen.const("len", (0, codegen_1._)`${data}.length`);
      if (schema === false) {
        cxt.setParams({ len: items.length });
        cxt.pass((0, codegen_1._)`${len} <= ${items.length}`);
      } else if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
        const valid = gen.var("valid", (0, codegen_1._)`${len} <= ${items.length}`);
        gen.if((0, codegen_1.not)(valid), () => validateItems(valid));
        cxt.ok(valid);
      }
      function validateItems(valid) {
        gen.forRange("i", items.length, len, (i) => {
          cxt.subschema({ keyword, dataProp: i, dataPropType: util_1.Type.Num }, valid);
          if (!it.allErrors)
            gen.if((0, codegen_1.not)(valid), () => gen.break());
        });
      }
    }
    exports.validateAdditionalItems = validateAdditionalItems;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/items.js
var require_items = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/items.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateTuple = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    var def = {
      keyword: "items",
      type: "array",
      schemaType: ["object", "array", "boolean"],
      before: "uniqueItems",
      code(cxt) {
        const { schema, it } = cxt;
        if (Array.isArray(schema))
          return validateTuple(cxt, "additionalItems", schema);
        it.items = true;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        cxt.ok((0, code_1.validateArray)(cxt));
      }
    };
    function validateTuple(cxt, extraItems, schArr = cxt.schema) {
      const { gen, parentSchema, data, keyword, it } = cxt;
      checkStrictTuple(parentSchema);
      if (it.opts.unevaluated && schArr.length && it.items !== true) {
        it.items = util_1.mergeEvaluated.items(gen, schArr.length, it.items);
      }
      const valid = gen.name("valid");
      const len = gen.const("len", (0, codegen_1._)`${data}.length`);
      schArr.forEach((sch, i) => {
        if ((0, util_1.alwaysValidSchema)(it, sch))
          return;
        gen.if((0, codegen_1._)`${len} > ${i}`, () => cxt.subschema({
          keyword,
          schemaProp: i,
          dataProp: i
        }, valid));
        cxt.ok(valid);
      });
      function checkStrictTuple(sch) {
        const { opts, errSchemaPath } = it;
        const l = schArr.length;
        const fullTuple = l === sch.minItems && (l === sch.maxItems || sch[extraItems] === false);
        if (opts.strictTuples && !fullTuple) {
          const msg = `"${keyword}" is ${l}-tuple, but minItems or maxItems/${extraItems} are not specified or different at path "${errSchemaPath}"`;
          (0, util_1.checkStrictMode)(it, msg, opts.strictTuples);
        }
      }
    }
    exports.validateTuple = validateTuple;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/prefixItems.js
var require_prefixItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/prefixItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var items_1 = require_items();
    var def = {
      keyword: "prefixItems",
      type: "array",
      schemaType: ["array"],
      before: "uniqueItems",
      code: (cxt) => (0, items_1.validateTuple)(cxt, "items")
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/items2020.js
var require_items2020 = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/items2020.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    var additionalItems_1 = require_additionalItems();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def = {
      keyword: "items",
      type: "array",
      schemaType: ["object", "boolean"],
      before: "uniqueItems",
      error,
      code(cxt) {
        const { schema, parentSchema, it } = cxt;
        const { prefixItems } = parentSchema;
        it.items = true;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        if (prefixItems)
          (0, additionalItems_1.validateAdditionalItems)(cxt, prefixItems);
        else
          cxt.ok((0, code_1.validateArray)(cxt));
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/contains.js
var require_contains = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/contains.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { min, max } }) => max === void 0 ? (0, codegen_1.str)`must contain at least ${min} valid item(s)` : (0, codegen_1.str)`must contain at least ${min} and no more than ${max} valid item(s)`,
      params: ({ params: { min, max } }) => max === void 0 ? (0, codegen_1._)`{minContains: ${min}}` : (0, codegen_1._)`{minContains: ${min}, maxContains: ${max}}`
    };
    var def = {
      keyword: "contains",
      type: "array",
      schemaType: ["object", "boolean"],
      before: "uniqueItems",
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, data, it } = cxt;
        let min;
        let max;
        const { minContains, maxContains } = parentSchema;
        if (it.opts.next) {
          min = minContains === void 0 ? 1 : minContains;
          max = maxContains;
        } else {
          min = 1;
        }
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        cxt.setParams({ min, max });
        if (max === void 0 && min === 0) {
          (0, util_1.checkStrictMode)(it, `"minContains" == 0 without "maxContains": "contains" keyword ignored`);
          return;
        }
        if (max !== void 0 && min > max) {
          (0, util_1.checkStrictMode)(it, `"minContains" > "maxContains" is always invalid`);
          cxt.fail();
          return;
        }
        if ((0, util_1.alwaysValidSchema)(it, schema)) {
          let cond = (0, codegen_1._)`${len} >= ${min}`;
          if (max !== void 0)
            cond = (0, codegen_1._)`${cond} && ${len} <= ${max}`;
          cxt.pass(cond);
          return;
        }
        it.items = true;
        const valid = gen.name("valid");
        if (max === void 0 && min === 1) {
          validateItems(valid, () => gen.if(valid, () => gen.break()));
        } else if (min === 0) {
          gen.let(valid, true);
          if (max !== void 0)
            gen.if((0, codegen_1._)`${data}.length > 0`, validateItemsWithCount);
        } else {
          gen.let(valid, false);
          validateItemsWithCount();
        }
        cxt.result(valid, () => cxt.reset());
        function validateItemsWithCount() {
          const schValid = gen.name("_valid");
          const count3 = gen.let("count", 0);
          validateItems(schValid, () => gen.if(schValid, () => checkLimits(count3)));
        }
        function validateItems(_valid, block) {
          gen.forRange("i", 0, len, (i) => {
            cxt.subschema({
              keyword: "contains",
              dataProp: i,
              dataPropType: util_1.Type.Num,
              compositeRule: true
            }, _valid);
            block();
          });
        }
        function checkLimits(count3) {
          gen.code((0, codegen_1._)`${count3}++`);
          if (max === void 0) {
            gen.if((0, codegen_1._)`${count3} >= ${min}`, () => gen.assign(valid, true).break());
          } else {
            gen.if((0, codegen_1._)`${count3} > ${max}`, () => gen.assign(valid, false).break());
            if (min === 1)
              gen.assign(valid, true);
            else
              gen.if((0, codegen_1._)`${count3} >= ${min}`, () => gen.assign(valid, true));
          }
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/dependencies.js
var require_dependencies = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/dependencies.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateSchemaDeps = exports.validatePropertyDeps = exports.error = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    exports.error = {
      message: ({ params: { property, depsCount, deps } }) => {
        const property_ies = depsCount === 1 ? "property" : "properties";
        return (0, codegen_1.str)`must have ${property_ies} ${deps} when property ${property} is present`;
      },
      params: ({ params: { property, depsCount, deps, missingProperty } }) => (0, codegen_1._)`{property: ${property},
    missingProperty: ${missingProperty},
    depsCount: ${depsCount},
    deps: ${deps}}`
      // TODO change to reference
    };
    var def = {
      keyword: "dependencies",
      type: "object",
      schemaType: "object",
      error: exports.error,
      code(cxt) {
        const [propDeps, schDeps] = splitDependencies(cxt);
        validatePropertyDeps(cxt, propDeps);
        validateSchemaDeps(cxt, schDeps);
      }
    };
    function splitDependencies({ schema }) {
      const propertyDeps = {};
      const schemaDeps = {};
      for (const key in schema) {
        if (key === "__proto__")
          continue;
        const deps = Array.isArray(schema[key]) ? propertyDeps : schemaDeps;
        deps[key] = schema[key];
      }
      return [propertyDeps, schemaDeps];
    }
    function validatePropertyDeps(cxt, propertyDeps = cxt.schema) {
      const { gen, data, it } = cxt;
      if (Object.keys(propertyDeps).length === 0)
        return;
      const missing = gen.let("missing");
      for (const prop in propertyDeps) {
        const deps = propertyDeps[prop];
        if (deps.length === 0)
          continue;
        const hasProperty = (0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties);
        cxt.setParams({
          property: prop,
          depsCount: deps.length,
          deps: deps.join(", ")
        });
        if (it.allErrors) {
          gen.if(hasProperty, () => {
            for (const depProp of deps) {
              (0, code_1.checkReportMissingProp)(cxt, depProp);
            }
          });
        } else {
          gen.if((0, codegen_1._)`${hasProperty} && (${(0, code_1.checkMissingProp)(cxt, deps, missing)})`);
          (0, code_1.reportMissingProp)(cxt, missing);
          gen.else();
        }
      }
    }
    exports.validatePropertyDeps = validatePropertyDeps;
    function validateSchemaDeps(cxt, schemaDeps = cxt.schema) {
      const { gen, data, keyword, it } = cxt;
      const valid = gen.name("valid");
      for (const prop in schemaDeps) {
        if ((0, util_1.alwaysValidSchema)(it, schemaDeps[prop]))
          continue;
        gen.if(
          (0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties),
          () => {
            const schCxt = cxt.subschema({ keyword, schemaProp: prop }, valid);
            cxt.mergeValidEvaluated(schCxt, valid);
          },
          () => gen.var(valid, true)
          // TODO var
        );
        cxt.ok(valid);
      }
    }
    exports.validateSchemaDeps = validateSchemaDeps;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/propertyNames.js
var require_propertyNames = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/propertyNames.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: "property name must be valid",
      params: ({ params }) => (0, codegen_1._)`{propertyName: ${params.propertyName}}`
    };
    var def = {
      keyword: "propertyNames",
      type: "object",
      schemaType: ["object", "boolean"],
      error,
      code(cxt) {
        const { gen, schema, data, it } = cxt;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        const valid = gen.name("valid");
        gen.forIn("key", data, (key) => {
          cxt.setParams({ propertyName: key });
          cxt.subschema({
            keyword: "propertyNames",
            data: key,
            dataTypes: ["string"],
            propertyName: key,
            compositeRule: true
          }, valid);
          gen.if((0, codegen_1.not)(valid), () => {
            cxt.error(true);
            if (!it.allErrors)
              gen.break();
          });
        });
        cxt.ok(valid);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/additionalProperties.js
var require_additionalProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/additionalProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var util_1 = require_util();
    var error = {
      message: "must NOT have additional properties",
      params: ({ params }) => (0, codegen_1._)`{additionalProperty: ${params.additionalProperty}}`
    };
    var def = {
      keyword: "additionalProperties",
      type: ["object"],
      schemaType: ["boolean", "object"],
      allowUndefined: true,
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, data, errsCount, it } = cxt;
        if (!errsCount)
          throw new Error("ajv implementation error");
        const { allErrors, opts } = it;
        it.props = true;
        if (opts.removeAdditional !== "all" && (0, util_1.alwaysValidSchema)(it, schema))
          return;
        const props = (0, code_1.allSchemaProperties)(parentSchema.properties);
        const patProps = (0, code_1.allSchemaProperties)(parentSchema.patternProperties);
        checkAdditionalProperties();
        cxt.ok((0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
        function checkAdditionalProperties() {
          gen.forIn("key", data, (key) => {
            if (!props.length && !patProps.length)
              additionalPropertyCode(key);
            else
              gen.if(isAdditional(key), () => additionalPropertyCode(key));
          });
        }
        function isAdditional(key) {
          let definedProp;
          if (props.length > 8) {
            const propsSchema = (0, util_1.schemaRefOrVal)(it, parentSchema.properties, "properties");
            definedProp = (0, code_1.isOwnProperty)(gen, propsSchema, key);
          } else if (props.length) {
            definedProp = (0, codegen_1.or)(...props.map((p) => (0, codegen_1._)`${key} === ${p}`));
          } else {
            definedProp = codegen_1.nil;
          }
          if (patProps.length) {
            definedProp = (0, codegen_1.or)(definedProp, ...patProps.map((p) => (0, codegen_1._)`${(0, code_1.usePattern)(cxt, p)}.test(${key})`));
          }
          return (0, codegen_1.not)(definedProp);
        }
        function deleteAdditional(key) {
          gen.code((0, codegen_1._)`delete ${data}[${key}]`);
        }
        function additionalPropertyCode(key) {
          if (opts.removeAdditional === "all" || opts.removeAdditional && schema === false) {
            deleteAdditional(key);
            return;
          }
          if (schema === false) {
            cxt.setParams({ additionalProperty: key });
            cxt.error();
            if (!allErrors)
              gen.break();
            return;
          }
          if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
            const valid = gen.name("valid");
            if (opts.removeAdditional === "failing") {
              applyAdditionalSchema(key, valid, false);
              gen.if((0, codegen_1.not)(valid), () => {
                cxt.reset();
                deleteAdditional(key);
              });
            } else {
              applyAdditionalSchema(key, valid);
              if (!allErrors)
                gen.if((0, codegen_1.not)(valid), () => gen.break());
            }
          }
        }
        function applyAdditionalSchema(key, valid, errors) {
          const subschema = {
            keyword: "additionalProperties",
            dataProp: key,
            dataPropType: util_1.Type.Str
          };
          if (errors === false) {
            Object.assign(subschema, {
              compositeRule: true,
              createErrors: false,
              allErrors: false
            });
          }
          cxt.subschema(subschema, valid);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/properties.js
var require_properties = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/properties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var validate_1 = require_validate();
    var code_1 = require_code2();
    var util_1 = require_util();
    var additionalProperties_1 = require_additionalProperties();
    var def = {
      keyword: "properties",
      type: "object",
      schemaType: "object",
      code(cxt) {
        const { gen, schema, parentSchema, data, it } = cxt;
        if (it.opts.removeAdditional === "all" && parentSchema.additionalProperties === void 0) {
          additionalProperties_1.default.code(new validate_1.KeywordCxt(it, additionalProperties_1.default, "additionalProperties"));
        }
        const allProps = (0, code_1.allSchemaProperties)(schema);
        for (const prop of allProps) {
          it.definedProperties.add(prop);
        }
        if (it.opts.unevaluated && allProps.length && it.props !== true) {
          it.props = util_1.mergeEvaluated.props(gen, (0, util_1.toHash)(allProps), it.props);
        }
        const properties = allProps.filter((p) => !(0, util_1.alwaysValidSchema)(it, schema[p]));
        if (properties.length === 0)
          return;
        const valid = gen.name("valid");
        for (const prop of properties) {
          if (hasDefault(prop)) {
            applyPropertySchema(prop);
          } else {
            gen.if((0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties));
            applyPropertySchema(prop);
            if (!it.allErrors)
              gen.else().var(valid, true);
            gen.endIf();
          }
          cxt.it.definedProperties.add(prop);
          cxt.ok(valid);
        }
        function hasDefault(prop) {
          return it.opts.useDefaults && !it.compositeRule && schema[prop].default !== void 0;
        }
        function applyPropertySchema(prop) {
          cxt.subschema({
            keyword: "properties",
            schemaProp: prop,
            dataProp: prop
          }, valid);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/patternProperties.js
var require_patternProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/patternProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var util_2 = require_util();
    var def = {
      keyword: "patternProperties",
      type: "object",
      schemaType: "object",
      code(cxt) {
        const { gen, schema, data, parentSchema, it } = cxt;
        const { opts } = it;
        const patterns = (0, code_1.allSchemaProperties)(schema);
        const alwaysValidPatterns = patterns.filter((p) => (0, util_1.alwaysValidSchema)(it, schema[p]));
        if (patterns.length === 0 || alwaysValidPatterns.length === patterns.length && (!it.opts.unevaluated || it.props === true)) {
          return;
        }
        const checkProperties = opts.strictSchema && !opts.allowMatchingProperties && parentSchema.properties;
        const valid = gen.name("valid");
        if (it.props !== true && !(it.props instanceof codegen_1.Name)) {
          it.props = (0, util_2.evaluatedPropsToName)(gen, it.props);
        }
        const { props } = it;
        validatePatternProperties();
        function validatePatternProperties() {
          for (const pat of patterns) {
            if (checkProperties)
              checkMatchingProperties(pat);
            if (it.allErrors) {
              validateProperties(pat);
            } else {
              gen.var(valid, true);
              validateProperties(pat);
              gen.if(valid);
            }
          }
        }
        function checkMatchingProperties(pat) {
          for (const prop in checkProperties) {
            if (new RegExp(pat).test(prop)) {
              (0, util_1.checkStrictMode)(it, `property ${prop} matches pattern ${pat} (use allowMatchingProperties)`);
            }
          }
        }
        function validateProperties(pat) {
          gen.forIn("key", data, (key) => {
            gen.if((0, codegen_1._)`${(0, code_1.usePattern)(cxt, pat)}.test(${key})`, () => {
              const alwaysValid = alwaysValidPatterns.includes(pat);
              if (!alwaysValid) {
                cxt.subschema({
                  keyword: "patternProperties",
                  schemaProp: pat,
                  dataProp: key,
                  dataPropType: util_2.Type.Str
                }, valid);
              }
              if (it.opts.unevaluated && props !== true) {
                gen.assign((0, codegen_1._)`${props}[${key}]`, true);
              } else if (!alwaysValid && !it.allErrors) {
                gen.if((0, codegen_1.not)(valid), () => gen.break());
              }
            });
          });
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/not.js
var require_not = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/not.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: "not",
      schemaType: ["object", "boolean"],
      trackErrors: true,
      code(cxt) {
        const { gen, schema, it } = cxt;
        if ((0, util_1.alwaysValidSchema)(it, schema)) {
          cxt.fail();
          return;
        }
        const valid = gen.name("valid");
        cxt.subschema({
          keyword: "not",
          compositeRule: true,
          createErrors: false,
          allErrors: false
        }, valid);
        cxt.failResult(valid, () => cxt.reset(), () => cxt.error());
      },
      error: { message: "must NOT be valid" }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/anyOf.js
var require_anyOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/anyOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var def = {
      keyword: "anyOf",
      schemaType: "array",
      trackErrors: true,
      code: code_1.validateUnion,
      error: { message: "must match a schema in anyOf" }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/oneOf.js
var require_oneOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/oneOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: "must match exactly one schema in oneOf",
      params: ({ params }) => (0, codegen_1._)`{passingSchemas: ${params.passing}}`
    };
    var def = {
      keyword: "oneOf",
      schemaType: "array",
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, it } = cxt;
        if (!Array.isArray(schema))
          throw new Error("ajv implementation error");
        if (it.opts.discriminator && parentSchema.discriminator)
          return;
        const schArr = schema;
        const valid = gen.let("valid", false);
        const passing = gen.let("passing", null);
        const schValid = gen.name("_valid");
        cxt.setParams({ passing });
        gen.block(validateOneOf);
        cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
        function validateOneOf() {
          schArr.forEach((sch, i) => {
            let schCxt;
            if ((0, util_1.alwaysValidSchema)(it, sch)) {
              gen.var(schValid, true);
            } else {
              schCxt = cxt.subschema({
                keyword: "oneOf",
                schemaProp: i,
                compositeRule: true
              }, schValid);
            }
            if (i > 0) {
              gen.if((0, codegen_1._)`${schValid} && ${valid}`).assign(valid, false).assign(passing, (0, codegen_1._)`[${passing}, ${i}]`).else();
            }
            gen.if(schValid, () => {
              gen.assign(valid, true);
              gen.assign(passing, i);
              if (schCxt)
                cxt.mergeEvaluated(schCxt, codegen_1.Name);
            });
          });
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/allOf.js
var require_allOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/allOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: "allOf",
      schemaType: "array",
      code(cxt) {
        const { gen, schema, it } = cxt;
        if (!Array.isArray(schema))
          throw new Error("ajv implementation error");
        const valid = gen.name("valid");
        schema.forEach((sch, i) => {
          if ((0, util_1.alwaysValidSchema)(it, sch))
            return;
          const schCxt = cxt.subschema({ keyword: "allOf", schemaProp: i }, valid);
          cxt.ok(valid);
          cxt.mergeEvaluated(schCxt);
        });
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/if.js
var require_if = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/if.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params }) => (0, codegen_1.str)`must match "${params.ifClause}" schema`,
      params: ({ params }) => (0, codegen_1._)`{failingKeyword: ${params.ifClause}}`
    };
    var def = {
      keyword: "if",
      schemaType: ["object", "boolean"],
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, parentSchema, it } = cxt;
        if (parentSchema.then === void 0 && parentSchema.else === void 0) {
          (0, util_1.checkStrictMode)(it, '"if" without "then" and "else" is ignored');
        }
        const hasThen = hasSchema(it, "then");
        const hasElse = hasSchema(it, "else");
        if (!hasThen && !hasElse)
          return;
        const valid = gen.let("valid", true);
        const schValid = gen.name("_valid");
        validateIf();
        cxt.reset();
        if (hasThen && hasElse) {
          const ifClause = gen.let("ifClause");
          cxt.setParams({ ifClause });
          gen.if(schValid, validateClause("then", ifClause), validateClause("else", ifClause));
        } else if (hasThen) {
          gen.if(schValid, validateClause("then"));
        } else {
          gen.if((0, codegen_1.not)(schValid), validateClause("else"));
        }
        cxt.pass(valid, () => cxt.error(true));
        function validateIf() {
          const schCxt = cxt.subschema({
            keyword: "if",
            compositeRule: true,
            createErrors: false,
            allErrors: false
          }, schValid);
          cxt.mergeEvaluated(schCxt);
        }
        function validateClause(keyword, ifClause) {
          return () => {
            const schCxt = cxt.subschema({ keyword }, schValid);
            gen.assign(valid, schValid);
            cxt.mergeValidEvaluated(schCxt, valid);
            if (ifClause)
              gen.assign(ifClause, (0, codegen_1._)`${keyword}`);
            else
              cxt.setParams({ ifClause: keyword });
          };
        }
      }
    };
    function hasSchema(it, keyword) {
      const schema = it.schema[keyword];
      return schema !== void 0 && !(0, util_1.alwaysValidSchema)(it, schema);
    }
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/thenElse.js
var require_thenElse = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/thenElse.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: ["then", "else"],
      schemaType: ["object", "boolean"],
      code({ keyword, parentSchema, it }) {
        if (parentSchema.if === void 0)
          (0, util_1.checkStrictMode)(it, `"${keyword}" without "if" is ignored`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/index.js
var require_applicator = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var additionalItems_1 = require_additionalItems();
    var prefixItems_1 = require_prefixItems();
    var items_1 = require_items();
    var items2020_1 = require_items2020();
    var contains_1 = require_contains();
    var dependencies_1 = require_dependencies();
    var propertyNames_1 = require_propertyNames();
    var additionalProperties_1 = require_additionalProperties();
    var properties_1 = require_properties();
    var patternProperties_1 = require_patternProperties();
    var not_1 = require_not();
    var anyOf_1 = require_anyOf();
    var oneOf_1 = require_oneOf();
    var allOf_1 = require_allOf();
    var if_1 = require_if();
    var thenElse_1 = require_thenElse();
    function getApplicator(draft2020 = false) {
      const applicator = [
        // any
        not_1.default,
        anyOf_1.default,
        oneOf_1.default,
        allOf_1.default,
        if_1.default,
        thenElse_1.default,
        // object
        propertyNames_1.default,
        additionalProperties_1.default,
        dependencies_1.default,
        properties_1.default,
        patternProperties_1.default
      ];
      if (draft2020)
        applicator.push(prefixItems_1.default, items2020_1.default);
      else
        applicator.push(additionalItems_1.default, items_1.default);
      applicator.push(contains_1.default);
      return applicator;
    }
    exports.default = getApplicator;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/dynamicAnchor.js
var require_dynamicAnchor = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/dynamicAnchor.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.dynamicAnchor = void 0;
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var compile_1 = require_compile();
    var ref_1 = require_ref();
    var def = {
      keyword: "$dynamicAnchor",
      schemaType: "string",
      code: (cxt) => dynamicAnchor(cxt, cxt.schema)
    };
    function dynamicAnchor(cxt, anchor) {
      const { gen, it } = cxt;
      it.schemaEnv.root.dynamicAnchors[anchor] = true;
      const v = (0, codegen_1._)`${names_1.default.dynamicAnchors}${(0, codegen_1.getProperty)(anchor)}`;
      const validate = it.errSchemaPath === "#" ? it.validateName : _getValidate(cxt);
      gen.if((0, codegen_1._)`!${v}`, () => gen.assign(v, validate));
    }
    exports.dynamicAnchor = dynamicAnchor;
    function _getValidate(cxt) {
      const { schemaEnv, schema, self } = cxt.it;
      const { root, baseId, localRefs, meta } = schemaEnv.root;
      const { schemaId } = self.opts;
      const sch = new compile_1.SchemaEnv({ schema, schemaId, root, baseId, localRefs, meta });
      compile_1.compileSchema.call(self, sch);
      return (0, ref_1.getValidate)(cxt, sch);
    }
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/dynamicRef.js
var require_dynamicRef = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/dynamicRef.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.dynamicRef = void 0;
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var ref_1 = require_ref();
    var def = {
      keyword: "$dynamicRef",
      schemaType: "string",
      code: (cxt) => dynamicRef(cxt, cxt.schema)
    };
    function dynamicRef(cxt, ref) {
      const { gen, keyword, it } = cxt;
      if (ref[0] !== "#")
        throw new Error(`"${keyword}" only supports hash fragment reference`);
      const anchor = ref.slice(1);
      if (it.allErrors) {
        _dynamicRef();
      } else {
        const valid = gen.let("valid", false);
        _dynamicRef(valid);
        cxt.ok(valid);
      }
      function _dynamicRef(valid) {
        if (it.schemaEnv.root.dynamicAnchors[anchor]) {
          const v = gen.let("_v", (0, codegen_1._)`${names_1.default.dynamicAnchors}${(0, codegen_1.getProperty)(anchor)}`);
          gen.if(v, _callRef(v, valid), _callRef(it.validateName, valid));
        } else {
          _callRef(it.validateName, valid)();
        }
      }
      function _callRef(validate, valid) {
        return valid ? () => gen.block(() => {
          (0, ref_1.callRef)(cxt, validate);
          gen.let(valid, true);
        }) : () => (0, ref_1.callRef)(cxt, validate);
      }
    }
    exports.dynamicRef = dynamicRef;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/recursiveAnchor.js
var require_recursiveAnchor = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/recursiveAnchor.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dynamicAnchor_1 = require_dynamicAnchor();
    var util_1 = require_util();
    var def = {
      keyword: "$recursiveAnchor",
      schemaType: "boolean",
      code(cxt) {
        if (cxt.schema)
          (0, dynamicAnchor_1.dynamicAnchor)(cxt, "");
        else
          (0, util_1.checkStrictMode)(cxt.it, "$recursiveAnchor: false is ignored");
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/recursiveRef.js
var require_recursiveRef = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/recursiveRef.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dynamicRef_1 = require_dynamicRef();
    var def = {
      keyword: "$recursiveRef",
      schemaType: "string",
      code: (cxt) => (0, dynamicRef_1.dynamicRef)(cxt, cxt.schema)
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/index.js
var require_dynamic = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dynamicAnchor_1 = require_dynamicAnchor();
    var dynamicRef_1 = require_dynamicRef();
    var recursiveAnchor_1 = require_recursiveAnchor();
    var recursiveRef_1 = require_recursiveRef();
    var dynamic = [dynamicAnchor_1.default, dynamicRef_1.default, recursiveAnchor_1.default, recursiveRef_1.default];
    exports.default = dynamic;
  }
});

// node_modules/ajv/dist/vocabularies/validation/dependentRequired.js
var require_dependentRequired = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/dependentRequired.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dependencies_1 = require_dependencies();
    var def = {
      keyword: "dependentRequired",
      type: "object",
      schemaType: "object",
      error: dependencies_1.error,
      code: (cxt) => (0, dependencies_1.validatePropertyDeps)(cxt)
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/dependentSchemas.js
var require_dependentSchemas = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/dependentSchemas.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dependencies_1 = require_dependencies();
    var def = {
      keyword: "dependentSchemas",
      type: "object",
      schemaType: "object",
      code: (cxt) => (0, dependencies_1.validateSchemaDeps)(cxt)
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitContains.js
var require_limitContains = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitContains.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: ["maxContains", "minContains"],
      type: "array",
      schemaType: "number",
      code({ keyword, parentSchema, it }) {
        if (parentSchema.contains === void 0) {
          (0, util_1.checkStrictMode)(it, `"${keyword}" without "contains" is ignored`);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/next.js
var require_next = __commonJS({
  "node_modules/ajv/dist/vocabularies/next.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dependentRequired_1 = require_dependentRequired();
    var dependentSchemas_1 = require_dependentSchemas();
    var limitContains_1 = require_limitContains();
    var next = [dependentRequired_1.default, dependentSchemas_1.default, limitContains_1.default];
    exports.default = next;
  }
});

// node_modules/ajv/dist/vocabularies/unevaluated/unevaluatedProperties.js
var require_unevaluatedProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/unevaluated/unevaluatedProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    var error = {
      message: "must NOT have unevaluated properties",
      params: ({ params }) => (0, codegen_1._)`{unevaluatedProperty: ${params.unevaluatedProperty}}`
    };
    var def = {
      keyword: "unevaluatedProperties",
      type: "object",
      schemaType: ["boolean", "object"],
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, data, errsCount, it } = cxt;
        if (!errsCount)
          throw new Error("ajv implementation error");
        const { allErrors, props } = it;
        if (props instanceof codegen_1.Name) {
          gen.if((0, codegen_1._)`${props} !== true`, () => gen.forIn("key", data, (key) => gen.if(unevaluatedDynamic(props, key), () => unevaluatedPropCode(key))));
        } else if (props !== true) {
          gen.forIn("key", data, (key) => props === void 0 ? unevaluatedPropCode(key) : gen.if(unevaluatedStatic(props, key), () => unevaluatedPropCode(key)));
        }
        it.props = true;
        cxt.ok((0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
        function unevaluatedPropCode(key) {
          if (schema === false) {
            cxt.setParams({ unevaluatedProperty: key });
            cxt.error();
            if (!allErrors)
              gen.break();
            return;
          }
          if (!(0, util_1.alwaysValidSchema)(it, schema)) {
            const valid = gen.name("valid");
            cxt.subschema({
              keyword: "unevaluatedProperties",
              dataProp: key,
              dataPropType: util_1.Type.Str
            }, valid);
            if (!allErrors)
              gen.if((0, codegen_1.not)(valid), () => gen.break());
          }
        }
        function unevaluatedDynamic(evaluatedProps, key) {
          return (0, codegen_1._)`!${evaluatedProps} || !${evaluatedProps}[${key}]`;
        }
        function unevaluatedStatic(evaluatedProps, key) {
          const ps = [];
          for (const p in evaluatedProps) {
            if (evaluatedProps[p] === true)
              ps.push((0, codegen_1._)`${key} !== ${p}`);
          }
          return (0, codegen_1.and)(...ps);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/unevaluated/unevaluatedItems.js
var require_unevaluatedItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/unevaluated/unevaluatedItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def = {
      keyword: "unevaluatedItems",
      type: "array",
      schemaType: ["boolean", "object"],
      error,
      code(cxt) {
        const { gen, schema, data, it } = cxt;
        const items = it.items || 0;
        if (items === true)
          return;
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        if (schema === false) {
          cxt.setParams({ len: items });
          cxt.fail((0, codegen_1._)`${len} > ${items}`);
        } else if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
          const valid = gen.var("valid", (0, codegen_1._)`${len} <= ${items}`);
          gen.if((0, codegen_1.not)(valid), () => validateItems(valid, items));
          cxt.ok(valid);
        }
        it.items = true;
        function validateItems(valid, from) {
          gen.forRange("i", from, len, (i) => {
            cxt.subschema({ keyword: "unevaluatedItems", dataProp: i, dataPropType: util_1.Type.Num }, valid);
            if (!it.allErrors)
              gen.if((0, codegen_1.not)(valid), () => gen.break());
          });
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/unevaluated/index.js
var require_unevaluated = __commonJS({
  "node_modules/ajv/dist/vocabularies/unevaluated/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var unevaluatedProperties_1 = require_unevaluatedProperties();
    var unevaluatedItems_1 = require_unevaluatedItems();
    var unevaluated = [unevaluatedProperties_1.default, unevaluatedItems_1.default];
    exports.default = unevaluated;
  }
});

// node_modules/ajv/dist/vocabularies/format/format.js
var require_format = __commonJS({
  "node_modules/ajv/dist/vocabularies/format/format.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must match format "${schemaCode}"`,
      params: ({ schemaCode }) => (0, codegen_1._)`{format: ${schemaCode}}`
    };
    var def = {
      keyword: "format",
      type: ["number", "string"],
      schemaType: "string",
      $data: true,
      error,
      code(cxt, ruleType) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        const { opts, errSchemaPath, schemaEnv, self } = it;
        if (!opts.validateFormats)
          return;
        if ($data)
          validate$DataFormat();
        else
          validateFormat();
        function validate$DataFormat() {
          const fmts = gen.scopeValue("formats", {
            ref: self.formats,
            code: opts.code.formats
          });
          const fDef = gen.const("fDef", (0, codegen_1._)`${fmts}[${schemaCode}]`);
          const fType = gen.let("fType");
          const format = gen.let("format");
          gen.if((0, codegen_1._)`typeof ${fDef} == "object" && !(${fDef} instanceof RegExp)`, () => gen.assign(fType, (0, codegen_1._)`${fDef}.type || "string"`).assign(format, (0, codegen_1._)`${fDef}.validate`), () => gen.assign(fType, (0, codegen_1._)`"string"`).assign(format, fDef));
          cxt.fail$data((0, codegen_1.or)(unknownFmt(), invalidFmt()));
          function unknownFmt() {
            if (opts.strictSchema === false)
              return codegen_1.nil;
            return (0, codegen_1._)`${schemaCode} && !${format}`;
          }
          function invalidFmt() {
            const callFormat = schemaEnv.$async ? (0, codegen_1._)`(${fDef}.async ? await ${format}(${data}) : ${format}(${data}))` : (0, codegen_1._)`${format}(${data})`;
            const validData = (0, codegen_1._)`(typeof ${format} == "function" ? ${callFormat} : ${format}.test(${data}))`;
            return (0, codegen_1._)`${format} && ${format} !== true && ${fType} === ${ruleType} && !${validData}`;
          }
        }
        function validateFormat() {
          const formatDef = self.formats[schema];
          if (!formatDef) {
            unknownFormat();
            return;
          }
          if (formatDef === true)
            return;
          const [fmtType, format, fmtRef] = getFormat(formatDef);
          if (fmtType === ruleType)
            cxt.pass(validCondition());
          function unknownFormat() {
            if (opts.strictSchema === false) {
              self.logger.warn(unknownMsg());
              return;
            }
            throw new Error(unknownMsg());
            function unknownMsg() {
              return `unknown format "${schema}" ignored in schema at path "${errSchemaPath}"`;
            }
          }
          function getFormat(fmtDef) {
            const code = fmtDef instanceof RegExp ? (0, codegen_1.regexpCode)(fmtDef) : opts.code.formats ? (0, codegen_1._)`${opts.code.formats}${(0, codegen_1.getProperty)(schema)}` : void 0;
            const fmt = gen.scopeValue("formats", { key: schema, ref: fmtDef, code });
            if (typeof fmtDef == "object" && !(fmtDef instanceof RegExp)) {
              return [fmtDef.type || "string", fmtDef.validate, (0, codegen_1._)`${fmt}.validate`];
            }
            return ["string", fmtDef, fmt];
          }
          function validCondition() {
            if (typeof formatDef == "object" && !(formatDef instanceof RegExp) && formatDef.async) {
              if (!schemaEnv.$async)
                throw new Error("async format in sync schema");
              return (0, codegen_1._)`await ${fmtRef}(${data})`;
            }
            return typeof format == "function" ? (0, codegen_1._)`${fmtRef}(${data})` : (0, codegen_1._)`${fmtRef}.test(${data})`;
          }
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/format/index.js
var require_format2 = __commonJS({
  "node_modules/ajv/dist/vocabularies/format/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var format_1 = require_format();
    var format = [format_1.default];
    exports.default = format;
  }
});

// node_modules/ajv/dist/vocabularies/metadata.js
var require_metadata = __commonJS({
  "node_modules/ajv/dist/vocabularies/metadata.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.contentVocabulary = exports.metadataVocabulary = void 0;
    exports.metadataVocabulary = [
      "title",
      "description",
      "default",
      "deprecated",
      "readOnly",
      "writeOnly",
      "examples"
    ];
    exports.contentVocabulary = [
      "contentMediaType",
      "contentEncoding",
      "contentSchema"
    ];
  }
});

// node_modules/ajv/dist/vocabularies/draft2020.js
var require_draft2020 = __commonJS({
  "node_modules/ajv/dist/vocabularies/draft2020.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var core_1 = require_core2();
    var validation_1 = require_validation();
    var applicator_1 = require_applicator();
    var dynamic_1 = require_dynamic();
    var next_1 = require_next();
    var unevaluated_1 = require_unevaluated();
    var format_1 = require_format2();
    var metadata_1 = require_metadata();
    var draft2020Vocabularies = [
      dynamic_1.default,
      core_1.default,
      validation_1.default,
      (0, applicator_1.default)(true),
      format_1.default,
      metadata_1.metadataVocabulary,
      metadata_1.contentVocabulary,
      next_1.default,
      unevaluated_1.default
    ];
    exports.default = draft2020Vocabularies;
  }
});

// node_modules/ajv/dist/vocabularies/discriminator/types.js
var require_types = __commonJS({
  "node_modules/ajv/dist/vocabularies/discriminator/types.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DiscrError = void 0;
    var DiscrError;
    (function(DiscrError2) {
      DiscrError2["Tag"] = "tag";
      DiscrError2["Mapping"] = "mapping";
    })(DiscrError || (exports.DiscrError = DiscrError = {}));
  }
});

// node_modules/ajv/dist/vocabularies/discriminator/index.js
var require_discriminator = __commonJS({
  "node_modules/ajv/dist/vocabularies/discriminator/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var types_1 = require_types();
    var compile_1 = require_compile();
    var ref_error_1 = require_ref_error();
    var util_1 = require_util();
    var error = {
      message: ({ params: { discrError, tagName } }) => discrError === types_1.DiscrError.Tag ? `tag "${tagName}" must be string` : `value of tag "${tagName}" must be in oneOf`,
      params: ({ params: { discrError, tag, tagName } }) => (0, codegen_1._)`{error: ${discrError}, tag: ${tagName}, tagValue: ${tag}}`
    };
    var def = {
      keyword: "discriminator",
      type: "object",
      schemaType: "object",
      error,
      code(cxt) {
        const { gen, data, schema, parentSchema, it } = cxt;
        const { oneOf } = parentSchema;
        if (!it.opts.discriminator) {
          throw new Error("discriminator: requires discriminator option");
        }
        const tagName = schema.propertyName;
        if (typeof tagName != "string")
          throw new Error("discriminator: requires propertyName");
        if (schema.mapping)
          throw new Error("discriminator: mapping is not supported");
        if (!oneOf)
          throw new Error("discriminator: requires oneOf keyword");
        const valid = gen.let("valid", false);
        const tag = gen.const("tag", (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(tagName)}`);
        gen.if((0, codegen_1._)`typeof ${tag} == "string"`, () => validateMapping(), () => cxt.error(false, { discrError: types_1.DiscrError.Tag, tag, tagName }));
        cxt.ok(valid);
        function validateMapping() {
          const mapping = getMapping();
          gen.if(false);
          for (const tagValue in mapping) {
            gen.elseIf((0, codegen_1._)`${tag} === ${tagValue}`);
            gen.assign(valid, applyTagSchema(mapping[tagValue]));
          }
          gen.else();
          cxt.error(false, { discrError: types_1.DiscrError.Mapping, tag, tagName });
          gen.endIf();
        }
        function applyTagSchema(schemaProp) {
          const _valid = gen.name("valid");
          const schCxt = cxt.subschema({ keyword: "oneOf", schemaProp }, _valid);
          cxt.mergeEvaluated(schCxt, codegen_1.Name);
          return _valid;
        }
        function getMapping() {
          var _a;
          const oneOfMapping = {};
          const topRequired = hasRequired(parentSchema);
          let tagRequired = true;
          for (let i = 0; i < oneOf.length; i++) {
            let sch = oneOf[i];
            if ((sch === null || sch === void 0 ? void 0 : sch.$ref) && !(0, util_1.schemaHasRulesButRef)(sch, it.self.RULES)) {
              const ref = sch.$ref;
              sch = compile_1.resolveRef.call(it.self, it.schemaEnv.root, it.baseId, ref);
              if (sch instanceof compile_1.SchemaEnv)
                sch = sch.schema;
              if (sch === void 0)
                throw new ref_error_1.default(it.opts.uriResolver, it.baseId, ref);
            }
            const propSch = (_a = sch === null || sch === void 0 ? void 0 : sch.properties) === null || _a === void 0 ? void 0 : _a[tagName];
            if (typeof propSch != "object") {
              throw new Error(`discriminator: oneOf subschemas (or referenced schemas) must have "properties/${tagName}"`);
            }
            tagRequired = tagRequired && (topRequired || hasRequired(sch));
            addMappings(propSch, i);
          }
          if (!tagRequired)
            throw new Error(`discriminator: "${tagName}" must be required`);
          return oneOfMapping;
          function hasRequired({ required }) {
            return Array.isArray(required) && required.includes(tagName);
          }
          function addMappings(sch, i) {
            if (sch.const) {
              addMapping(sch.const, i);
            } else if (sch.enum) {
              for (const tagValue of sch.enum) {
                addMapping(tagValue, i);
              }
            } else {
              throw new Error(`discriminator: "properties/${tagName}" must have "const" or "enum"`);
            }
          }
          function addMapping(tagValue, i) {
            if (typeof tagValue != "string" || tagValue in oneOfMapping) {
              throw new Error(`discriminator: "${tagName}" values must be unique strings`);
            }
            oneOfMapping[tagValue] = i;
          }
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/schema.json
var require_schema = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/schema.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/schema",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/core": true,
        "https://json-schema.org/draft/2020-12/vocab/applicator": true,
        "https://json-schema.org/draft/2020-12/vocab/unevaluated": true,
        "https://json-schema.org/draft/2020-12/vocab/validation": true,
        "https://json-schema.org/draft/2020-12/vocab/meta-data": true,
        "https://json-schema.org/draft/2020-12/vocab/format-annotation": true,
        "https://json-schema.org/draft/2020-12/vocab/content": true
      },
      $dynamicAnchor: "meta",
      title: "Core and Validation specifications meta-schema",
      allOf: [
        { $ref: "meta/core" },
        { $ref: "meta/applicator" },
        { $ref: "meta/unevaluated" },
        { $ref: "meta/validation" },
        { $ref: "meta/meta-data" },
        { $ref: "meta/format-annotation" },
        { $ref: "meta/content" }
      ],
      type: ["object", "boolean"],
      $comment: "This meta-schema also defines keywords that have appeared in previous drafts in order to prevent incompatible extensions as they remain in common use.",
      properties: {
        definitions: {
          $comment: '"definitions" has been replaced by "$defs".',
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" },
          deprecated: true,
          default: {}
        },
        dependencies: {
          $comment: '"dependencies" has been split and replaced by "dependentSchemas" and "dependentRequired" in order to serve their differing semantics.',
          type: "object",
          additionalProperties: {
            anyOf: [{ $dynamicRef: "#meta" }, { $ref: "meta/validation#/$defs/stringArray" }]
          },
          deprecated: true,
          default: {}
        },
        $recursiveAnchor: {
          $comment: '"$recursiveAnchor" has been replaced by "$dynamicAnchor".',
          $ref: "meta/core#/$defs/anchorString",
          deprecated: true
        },
        $recursiveRef: {
          $comment: '"$recursiveRef" has been replaced by "$dynamicRef".',
          $ref: "meta/core#/$defs/uriReferenceString",
          deprecated: true
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/applicator.json
var require_applicator2 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/applicator.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/applicator",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/applicator": true
      },
      $dynamicAnchor: "meta",
      title: "Applicator vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        prefixItems: { $ref: "#/$defs/schemaArray" },
        items: { $dynamicRef: "#meta" },
        contains: { $dynamicRef: "#meta" },
        additionalProperties: { $dynamicRef: "#meta" },
        properties: {
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" },
          default: {}
        },
        patternProperties: {
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" },
          propertyNames: { format: "regex" },
          default: {}
        },
        dependentSchemas: {
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" },
          default: {}
        },
        propertyNames: { $dynamicRef: "#meta" },
        if: { $dynamicRef: "#meta" },
        then: { $dynamicRef: "#meta" },
        else: { $dynamicRef: "#meta" },
        allOf: { $ref: "#/$defs/schemaArray" },
        anyOf: { $ref: "#/$defs/schemaArray" },
        oneOf: { $ref: "#/$defs/schemaArray" },
        not: { $dynamicRef: "#meta" }
      },
      $defs: {
        schemaArray: {
          type: "array",
          minItems: 1,
          items: { $dynamicRef: "#meta" }
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/unevaluated.json
var require_unevaluated2 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/unevaluated.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/unevaluated",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/unevaluated": true
      },
      $dynamicAnchor: "meta",
      title: "Unevaluated applicator vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        unevaluatedItems: { $dynamicRef: "#meta" },
        unevaluatedProperties: { $dynamicRef: "#meta" }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/content.json
var require_content = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/content.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/content",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/content": true
      },
      $dynamicAnchor: "meta",
      title: "Content vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        contentEncoding: { type: "string" },
        contentMediaType: { type: "string" },
        contentSchema: { $dynamicRef: "#meta" }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/core.json
var require_core3 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/core.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/core",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/core": true
      },
      $dynamicAnchor: "meta",
      title: "Core vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        $id: {
          $ref: "#/$defs/uriReferenceString",
          $comment: "Non-empty fragments not allowed.",
          pattern: "^[^#]*#?$"
        },
        $schema: { $ref: "#/$defs/uriString" },
        $ref: { $ref: "#/$defs/uriReferenceString" },
        $anchor: { $ref: "#/$defs/anchorString" },
        $dynamicRef: { $ref: "#/$defs/uriReferenceString" },
        $dynamicAnchor: { $ref: "#/$defs/anchorString" },
        $vocabulary: {
          type: "object",
          propertyNames: { $ref: "#/$defs/uriString" },
          additionalProperties: {
            type: "boolean"
          }
        },
        $comment: {
          type: "string"
        },
        $defs: {
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" }
        }
      },
      $defs: {
        anchorString: {
          type: "string",
          pattern: "^[A-Za-z_][-A-Za-z0-9._]*$"
        },
        uriString: {
          type: "string",
          format: "uri"
        },
        uriReferenceString: {
          type: "string",
          format: "uri-reference"
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/format-annotation.json
var require_format_annotation = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/format-annotation.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/format-annotation",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/format-annotation": true
      },
      $dynamicAnchor: "meta",
      title: "Format vocabulary meta-schema for annotation results",
      type: ["object", "boolean"],
      properties: {
        format: { type: "string" }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/meta-data.json
var require_meta_data = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/meta-data.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/meta-data",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/meta-data": true
      },
      $dynamicAnchor: "meta",
      title: "Meta-data vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        title: {
          type: "string"
        },
        description: {
          type: "string"
        },
        default: true,
        deprecated: {
          type: "boolean",
          default: false
        },
        readOnly: {
          type: "boolean",
          default: false
        },
        writeOnly: {
          type: "boolean",
          default: false
        },
        examples: {
          type: "array",
          items: true
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/validation.json
var require_validation2 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/validation.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/validation",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/validation": true
      },
      $dynamicAnchor: "meta",
      title: "Validation vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        type: {
          anyOf: [
            { $ref: "#/$defs/simpleTypes" },
            {
              type: "array",
              items: { $ref: "#/$defs/simpleTypes" },
              minItems: 1,
              uniqueItems: true
            }
          ]
        },
        const: true,
        enum: {
          type: "array",
          items: true
        },
        multipleOf: {
          type: "number",
          exclusiveMinimum: 0
        },
        maximum: {
          type: "number"
        },
        exclusiveMaximum: {
          type: "number"
        },
        minimum: {
          type: "number"
        },
        exclusiveMinimum: {
          type: "number"
        },
        maxLength: { $ref: "#/$defs/nonNegativeInteger" },
        minLength: { $ref: "#/$defs/nonNegativeIntegerDefault0" },
        pattern: {
          type: "string",
          format: "regex"
        },
        maxItems: { $ref: "#/$defs/nonNegativeInteger" },
        minItems: { $ref: "#/$defs/nonNegativeIntegerDefault0" },
        uniqueItems: {
          type: "boolean",
          default: false
        },
        maxContains: { $ref: "#/$defs/nonNegativeInteger" },
        minContains: {
          $ref: "#/$defs/nonNegativeInteger",
          default: 1
        },
        maxProperties: { $ref: "#/$defs/nonNegativeInteger" },
        minProperties: { $ref: "#/$defs/nonNegativeIntegerDefault0" },
        required: { $ref: "#/$defs/stringArray" },
        dependentRequired: {
          type: "object",
          additionalProperties: {
            $ref: "#/$defs/stringArray"
          }
        }
      },
      $defs: {
        nonNegativeInteger: {
          type: "integer",
          minimum: 0
        },
        nonNegativeIntegerDefault0: {
          $ref: "#/$defs/nonNegativeInteger",
          default: 0
        },
        simpleTypes: {
          enum: ["array", "boolean", "integer", "null", "number", "object", "string"]
        },
        stringArray: {
          type: "array",
          items: { type: "string" },
          uniqueItems: true,
          default: []
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/index.js
var require_json_schema_2020_12 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var metaSchema = require_schema();
    var applicator = require_applicator2();
    var unevaluated = require_unevaluated2();
    var content = require_content();
    var core = require_core3();
    var format = require_format_annotation();
    var metadata = require_meta_data();
    var validation = require_validation2();
    var META_SUPPORT_DATA = ["/properties"];
    function addMetaSchema2020($data) {
      ;
      [
        metaSchema,
        applicator,
        unevaluated,
        content,
        core,
        with$data(this, format),
        metadata,
        with$data(this, validation)
      ].forEach((sch) => this.addMetaSchema(sch, void 0, false));
      return this;
      function with$data(ajv2, sch) {
        return $data ? ajv2.$dataMetaSchema(sch, META_SUPPORT_DATA) : sch;
      }
    }
    exports.default = addMetaSchema2020;
  }
});

// node_modules/ajv/dist/2020.js
var require__ = __commonJS({
  "node_modules/ajv/dist/2020.js"(exports, module) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.MissingRefError = exports.ValidationError = exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = exports.Ajv2020 = void 0;
    var core_1 = require_core();
    var draft2020_1 = require_draft2020();
    var discriminator_1 = require_discriminator();
    var json_schema_2020_12_1 = require_json_schema_2020_12();
    var META_SCHEMA_ID = "https://json-schema.org/draft/2020-12/schema";
    var Ajv20202 = class extends core_1.default {
      constructor(opts = {}) {
        super({
          ...opts,
          dynamicRef: true,
          next: true,
          unevaluated: true
        });
      }
      _addVocabularies() {
        super._addVocabularies();
        draft2020_1.default.forEach((v) => this.addVocabulary(v));
        if (this.opts.discriminator)
          this.addKeyword(discriminator_1.default);
      }
      _addDefaultMetaSchema() {
        super._addDefaultMetaSchema();
        const { $data, meta } = this.opts;
        if (!meta)
          return;
        json_schema_2020_12_1.default.call(this, $data);
        this.refs["http://json-schema.org/schema"] = META_SCHEMA_ID;
      }
      defaultMeta() {
        return this.opts.defaultMeta = super.defaultMeta() || (this.getSchema(META_SCHEMA_ID) ? META_SCHEMA_ID : void 0);
      }
    };
    exports.Ajv2020 = Ajv20202;
    module.exports = exports = Ajv20202;
    module.exports.Ajv2020 = Ajv20202;
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.default = Ajv20202;
    var validate_1 = require_validate();
    Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function() {
      return validate_1.KeywordCxt;
    } });
    var codegen_1 = require_codegen();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return codegen_1._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return codegen_1.str;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return codegen_1.stringify;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return codegen_1.nil;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return codegen_1.Name;
    } });
    Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function() {
      return codegen_1.CodeGen;
    } });
    var validation_error_1 = require_validation_error();
    Object.defineProperty(exports, "ValidationError", { enumerable: true, get: function() {
      return validation_error_1.default;
    } });
    var ref_error_1 = require_ref_error();
    Object.defineProperty(exports, "MissingRefError", { enumerable: true, get: function() {
      return ref_error_1.default;
    } });
  }
});

// node_modules/ajv-formats/dist/formats.js
var require_formats = __commonJS({
  "node_modules/ajv-formats/dist/formats.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.formatNames = exports.fastFormats = exports.fullFormats = void 0;
    function fmtDef(validate, compare) {
      return { validate, compare };
    }
    exports.fullFormats = {
      // date: http://tools.ietf.org/html/rfc3339#section-5.6
      date: fmtDef(date, compareDate),
      // date-time: http://tools.ietf.org/html/rfc3339#section-5.6
      time: fmtDef(getTime(true), compareTime),
      "date-time": fmtDef(getDateTime(true), compareDateTime),
      "iso-time": fmtDef(getTime(), compareIsoTime),
      "iso-date-time": fmtDef(getDateTime(), compareIsoDateTime),
      // duration: https://tools.ietf.org/html/rfc3339#appendix-A
      duration: /^P(?!$)((\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?|(\d+W)?)$/,
      uri,
      "uri-reference": /^(?:[a-z][a-z0-9+\-.]*:)?(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'"()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?(?:\?(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i,
      // uri-template: https://tools.ietf.org/html/rfc6570
      "uri-template": /^(?:(?:[^\x00-\x20"'<>%\\^`{|}]|%[0-9a-f]{2})|\{[+#./;?&=,!@|]?(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?(?:,(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?)*\})*$/i,
      // For the source: https://gist.github.com/dperini/729294
      // For test cases: https://mathiasbynens.be/demo/url-regex
      url: /^(?:https?|ftp):\/\/(?:\S+(?::\S*)?@)?(?:(?!(?:10|127)(?:\.\d{1,3}){3})(?!(?:169\.254|192\.168)(?:\.\d{1,3}){2})(?!172\.(?:1[6-9]|2\d|3[0-1])(?:\.\d{1,3}){2})(?:[1-9]\d?|1\d\d|2[01]\d|22[0-3])(?:\.(?:1?\d{1,2}|2[0-4]\d|25[0-5])){2}(?:\.(?:[1-9]\d?|1\d\d|2[0-4]\d|25[0-4]))|(?:(?:[a-z0-9\u{00a1}-\u{ffff}]+-)*[a-z0-9\u{00a1}-\u{ffff}]+)(?:\.(?:[a-z0-9\u{00a1}-\u{ffff}]+-)*[a-z0-9\u{00a1}-\u{ffff}]+)*(?:\.(?:[a-z\u{00a1}-\u{ffff}]{2,})))(?::\d{2,5})?(?:\/[^\s]*)?$/iu,
      email: /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i,
      hostname: /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$/i,
      // optimized https://www.safaribooksonline.com/library/view/regular-expressions-cookbook/9780596802837/ch07s16.html
      ipv4: /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/,
      ipv6: /^((([0-9a-f]{1,4}:){7}([0-9a-f]{1,4}|:))|(([0-9a-f]{1,4}:){6}(:[0-9a-f]{1,4}|((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){5}(((:[0-9a-f]{1,4}){1,2})|:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){4}(((:[0-9a-f]{1,4}){1,3})|((:[0-9a-f]{1,4})?:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){3}(((:[0-9a-f]{1,4}){1,4})|((:[0-9a-f]{1,4}){0,2}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){2}(((:[0-9a-f]{1,4}){1,5})|((:[0-9a-f]{1,4}){0,3}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){1}(((:[0-9a-f]{1,4}){1,6})|((:[0-9a-f]{1,4}){0,4}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(:(((:[0-9a-f]{1,4}){1,7})|((:[0-9a-f]{1,4}){0,5}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:)))$/i,
      regex,
      // uuid: http://tools.ietf.org/html/rfc4122
      uuid: /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i,
      // JSON-pointer: https://tools.ietf.org/html/rfc6901
      // uri fragment: https://tools.ietf.org/html/rfc3986#appendix-A
      "json-pointer": /^(?:\/(?:[^~/]|~0|~1)*)*$/,
      "json-pointer-uri-fragment": /^#(?:\/(?:[a-z0-9_\-.!$&'()*+,;:=@]|%[0-9a-f]{2}|~0|~1)*)*$/i,
      // relative JSON-pointer: http://tools.ietf.org/html/draft-luff-relative-json-pointer-00
      "relative-json-pointer": /^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~0|~1)*)*)$/,
      // the following formats are used by the openapi specification: https://spec.openapis.org/oas/v3.0.0#data-types
      // byte: https://github.com/miguelmota/is-base64
      byte,
      // signed 32 bit integer
      int32: { type: "number", validate: validateInt32 },
      // signed 64 bit integer
      int64: { type: "number", validate: validateInt64 },
      // C-type float
      float: { type: "number", validate: validateNumber },
      // C-type double
      double: { type: "number", validate: validateNumber },
      // hint to the UI to hide input strings
      password: true,
      // unchecked string payload
      binary: true
    };
    exports.fastFormats = {
      ...exports.fullFormats,
      date: fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\d$/, compareDate),
      time: fmtDef(/^(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i, compareTime),
      "date-time": fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\dt(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i, compareDateTime),
      "iso-time": fmtDef(/^(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$/i, compareIsoTime),
      "iso-date-time": fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\d[t\s](?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$/i, compareIsoDateTime),
      // uri: https://github.com/mafintosh/is-my-json-valid/blob/master/formats.js
      uri: /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/)?[^\s]*$/i,
      "uri-reference": /^(?:(?:[a-z][a-z0-9+\-.]*:)?\/?\/)?(?:[^\\\s#][^\s#]*)?(?:#[^\\\s]*)?$/i,
      // email (sources from jsen validator):
      // http://stackoverflow.com/questions/201323/using-a-regular-expression-to-validate-an-email-address#answer-8829363
      // http://www.w3.org/TR/html5/forms.html#valid-e-mail-address (search for 'wilful violation')
      email: /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i
    };
    exports.formatNames = Object.keys(exports.fullFormats);
    function isLeapYear(year) {
      return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    }
    var DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
    var DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    function date(str) {
      const matches2 = DATE.exec(str);
      if (!matches2)
        return false;
      const year = +matches2[1];
      const month = +matches2[2];
      const day = +matches2[3];
      return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && isLeapYear(year) ? 29 : DAYS[month]);
    }
    function compareDate(d1, d2) {
      if (!(d1 && d2))
        return void 0;
      if (d1 > d2)
        return 1;
      if (d1 < d2)
        return -1;
      return 0;
    }
    var TIME2 = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;
    function getTime(strictTimeZone) {
      return function time(str) {
        const matches2 = TIME2.exec(str);
        if (!matches2)
          return false;
        const hr = +matches2[1];
        const min = +matches2[2];
        const sec = +matches2[3];
        const tz = matches2[4];
        const tzSign = matches2[5] === "-" ? -1 : 1;
        const tzH = +(matches2[6] || 0);
        const tzM = +(matches2[7] || 0);
        if (tzH > 23 || tzM > 59 || strictTimeZone && !tz)
          return false;
        if (hr <= 23 && min <= 59 && sec < 60)
          return true;
        const utcMin = min - tzM * tzSign;
        const utcHr = hr - tzH * tzSign - (utcMin < 0 ? 1 : 0);
        return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
      };
    }
    function compareTime(s1, s2) {
      if (!(s1 && s2))
        return void 0;
      const t1 = (/* @__PURE__ */ new Date("2020-01-01T" + s1)).valueOf();
      const t2 = (/* @__PURE__ */ new Date("2020-01-01T" + s2)).valueOf();
      if (!(t1 && t2))
        return void 0;
      return t1 - t2;
    }
    function compareIsoTime(t1, t2) {
      if (!(t1 && t2))
        return void 0;
      const a1 = TIME2.exec(t1);
      const a2 = TIME2.exec(t2);
      if (!(a1 && a2))
        return void 0;
      t1 = a1[1] + a1[2] + a1[3];
      t2 = a2[1] + a2[2] + a2[3];
      if (t1 > t2)
        return 1;
      if (t1 < t2)
        return -1;
      return 0;
    }
    var DATE_TIME_SEPARATOR = /t|\s/i;
    function getDateTime(strictTimeZone) {
      const time = getTime(strictTimeZone);
      return function date_time(str) {
        const dateTime = str.split(DATE_TIME_SEPARATOR);
        return dateTime.length === 2 && date(dateTime[0]) && time(dateTime[1]);
      };
    }
    function compareDateTime(dt1, dt2) {
      if (!(dt1 && dt2))
        return void 0;
      const d1 = new Date(dt1).valueOf();
      const d2 = new Date(dt2).valueOf();
      if (!(d1 && d2))
        return void 0;
      return d1 - d2;
    }
    function compareIsoDateTime(dt1, dt2) {
      if (!(dt1 && dt2))
        return void 0;
      const [d1, t1] = dt1.split(DATE_TIME_SEPARATOR);
      const [d2, t2] = dt2.split(DATE_TIME_SEPARATOR);
      const res = compareDate(d1, d2);
      if (res === void 0)
        return void 0;
      return res || compareTime(t1, t2);
    }
    var NOT_URI_FRAGMENT = /\/|:/;
    var URI = /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
    function uri(str) {
      return NOT_URI_FRAGMENT.test(str) && URI.test(str);
    }
    var BYTE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/gm;
    function byte(str) {
      BYTE.lastIndex = 0;
      return BYTE.test(str);
    }
    var MIN_INT32 = -(2 ** 31);
    var MAX_INT32 = 2 ** 31 - 1;
    function validateInt32(value) {
      return Number.isInteger(value) && value <= MAX_INT32 && value >= MIN_INT32;
    }
    function validateInt64(value) {
      return Number.isInteger(value);
    }
    function validateNumber() {
      return true;
    }
    var Z_ANCHOR = /[^\\]\\Z/;
    function regex(str) {
      if (Z_ANCHOR.test(str))
        return false;
      try {
        new RegExp(str);
        return true;
      } catch (e) {
        return false;
      }
    }
  }
});

// node_modules/ajv/dist/vocabularies/draft7.js
var require_draft7 = __commonJS({
  "node_modules/ajv/dist/vocabularies/draft7.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var core_1 = require_core2();
    var validation_1 = require_validation();
    var applicator_1 = require_applicator();
    var format_1 = require_format2();
    var metadata_1 = require_metadata();
    var draft7Vocabularies = [
      core_1.default,
      validation_1.default,
      (0, applicator_1.default)(),
      format_1.default,
      metadata_1.metadataVocabulary,
      metadata_1.contentVocabulary
    ];
    exports.default = draft7Vocabularies;
  }
});

// node_modules/ajv/dist/refs/json-schema-draft-07.json
var require_json_schema_draft_07 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-draft-07.json"(exports, module) {
    module.exports = {
      $schema: "http://json-schema.org/draft-07/schema#",
      $id: "http://json-schema.org/draft-07/schema#",
      title: "Core schema meta-schema",
      definitions: {
        schemaArray: {
          type: "array",
          minItems: 1,
          items: { $ref: "#" }
        },
        nonNegativeInteger: {
          type: "integer",
          minimum: 0
        },
        nonNegativeIntegerDefault0: {
          allOf: [{ $ref: "#/definitions/nonNegativeInteger" }, { default: 0 }]
        },
        simpleTypes: {
          enum: ["array", "boolean", "integer", "null", "number", "object", "string"]
        },
        stringArray: {
          type: "array",
          items: { type: "string" },
          uniqueItems: true,
          default: []
        }
      },
      type: ["object", "boolean"],
      properties: {
        $id: {
          type: "string",
          format: "uri-reference"
        },
        $schema: {
          type: "string",
          format: "uri"
        },
        $ref: {
          type: "string",
          format: "uri-reference"
        },
        $comment: {
          type: "string"
        },
        title: {
          type: "string"
        },
        description: {
          type: "string"
        },
        default: true,
        readOnly: {
          type: "boolean",
          default: false
        },
        examples: {
          type: "array",
          items: true
        },
        multipleOf: {
          type: "number",
          exclusiveMinimum: 0
        },
        maximum: {
          type: "number"
        },
        exclusiveMaximum: {
          type: "number"
        },
        minimum: {
          type: "number"
        },
        exclusiveMinimum: {
          type: "number"
        },
        maxLength: { $ref: "#/definitions/nonNegativeInteger" },
        minLength: { $ref: "#/definitions/nonNegativeIntegerDefault0" },
        pattern: {
          type: "string",
          format: "regex"
        },
        additionalItems: { $ref: "#" },
        items: {
          anyOf: [{ $ref: "#" }, { $ref: "#/definitions/schemaArray" }],
          default: true
        },
        maxItems: { $ref: "#/definitions/nonNegativeInteger" },
        minItems: { $ref: "#/definitions/nonNegativeIntegerDefault0" },
        uniqueItems: {
          type: "boolean",
          default: false
        },
        contains: { $ref: "#" },
        maxProperties: { $ref: "#/definitions/nonNegativeInteger" },
        minProperties: { $ref: "#/definitions/nonNegativeIntegerDefault0" },
        required: { $ref: "#/definitions/stringArray" },
        additionalProperties: { $ref: "#" },
        definitions: {
          type: "object",
          additionalProperties: { $ref: "#" },
          default: {}
        },
        properties: {
          type: "object",
          additionalProperties: { $ref: "#" },
          default: {}
        },
        patternProperties: {
          type: "object",
          additionalProperties: { $ref: "#" },
          propertyNames: { format: "regex" },
          default: {}
        },
        dependencies: {
          type: "object",
          additionalProperties: {
            anyOf: [{ $ref: "#" }, { $ref: "#/definitions/stringArray" }]
          }
        },
        propertyNames: { $ref: "#" },
        const: true,
        enum: {
          type: "array",
          items: true,
          minItems: 1,
          uniqueItems: true
        },
        type: {
          anyOf: [
            { $ref: "#/definitions/simpleTypes" },
            {
              type: "array",
              items: { $ref: "#/definitions/simpleTypes" },
              minItems: 1,
              uniqueItems: true
            }
          ]
        },
        format: { type: "string" },
        contentMediaType: { type: "string" },
        contentEncoding: { type: "string" },
        if: { $ref: "#" },
        then: { $ref: "#" },
        else: { $ref: "#" },
        allOf: { $ref: "#/definitions/schemaArray" },
        anyOf: { $ref: "#/definitions/schemaArray" },
        oneOf: { $ref: "#/definitions/schemaArray" },
        not: { $ref: "#" }
      },
      default: true
    };
  }
});

// node_modules/ajv/dist/ajv.js
var require_ajv = __commonJS({
  "node_modules/ajv/dist/ajv.js"(exports, module) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.MissingRefError = exports.ValidationError = exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = exports.Ajv = void 0;
    var core_1 = require_core();
    var draft7_1 = require_draft7();
    var discriminator_1 = require_discriminator();
    var draft7MetaSchema = require_json_schema_draft_07();
    var META_SUPPORT_DATA = ["/properties"];
    var META_SCHEMA_ID = "http://json-schema.org/draft-07/schema";
    var Ajv = class extends core_1.default {
      _addVocabularies() {
        super._addVocabularies();
        draft7_1.default.forEach((v) => this.addVocabulary(v));
        if (this.opts.discriminator)
          this.addKeyword(discriminator_1.default);
      }
      _addDefaultMetaSchema() {
        super._addDefaultMetaSchema();
        if (!this.opts.meta)
          return;
        const metaSchema = this.opts.$data ? this.$dataMetaSchema(draft7MetaSchema, META_SUPPORT_DATA) : draft7MetaSchema;
        this.addMetaSchema(metaSchema, META_SCHEMA_ID, false);
        this.refs["http://json-schema.org/schema"] = META_SCHEMA_ID;
      }
      defaultMeta() {
        return this.opts.defaultMeta = super.defaultMeta() || (this.getSchema(META_SCHEMA_ID) ? META_SCHEMA_ID : void 0);
      }
    };
    exports.Ajv = Ajv;
    module.exports = exports = Ajv;
    module.exports.Ajv = Ajv;
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.default = Ajv;
    var validate_1 = require_validate();
    Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function() {
      return validate_1.KeywordCxt;
    } });
    var codegen_1 = require_codegen();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return codegen_1._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return codegen_1.str;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return codegen_1.stringify;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return codegen_1.nil;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return codegen_1.Name;
    } });
    Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function() {
      return codegen_1.CodeGen;
    } });
    var validation_error_1 = require_validation_error();
    Object.defineProperty(exports, "ValidationError", { enumerable: true, get: function() {
      return validation_error_1.default;
    } });
    var ref_error_1 = require_ref_error();
    Object.defineProperty(exports, "MissingRefError", { enumerable: true, get: function() {
      return ref_error_1.default;
    } });
  }
});

// node_modules/ajv-formats/dist/limit.js
var require_limit = __commonJS({
  "node_modules/ajv-formats/dist/limit.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.formatLimitDefinition = void 0;
    var ajv_1 = require_ajv();
    var codegen_1 = require_codegen();
    var ops = codegen_1.operators;
    var KWDs = {
      formatMaximum: { okStr: "<=", ok: ops.LTE, fail: ops.GT },
      formatMinimum: { okStr: ">=", ok: ops.GTE, fail: ops.LT },
      formatExclusiveMaximum: { okStr: "<", ok: ops.LT, fail: ops.GTE },
      formatExclusiveMinimum: { okStr: ">", ok: ops.GT, fail: ops.LTE }
    };
    var error = {
      message: ({ keyword, schemaCode }) => (0, codegen_1.str)`should be ${KWDs[keyword].okStr} ${schemaCode}`,
      params: ({ keyword, schemaCode }) => (0, codegen_1._)`{comparison: ${KWDs[keyword].okStr}, limit: ${schemaCode}}`
    };
    exports.formatLimitDefinition = {
      keyword: Object.keys(KWDs),
      type: "string",
      schemaType: "string",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, schemaCode, keyword, it } = cxt;
        const { opts, self } = it;
        if (!opts.validateFormats)
          return;
        const fCxt = new ajv_1.KeywordCxt(it, self.RULES.all.format.definition, "format");
        if (fCxt.$data)
          validate$DataFormat();
        else
          validateFormat();
        function validate$DataFormat() {
          const fmts = gen.scopeValue("formats", {
            ref: self.formats,
            code: opts.code.formats
          });
          const fmt = gen.const("fmt", (0, codegen_1._)`${fmts}[${fCxt.schemaCode}]`);
          cxt.fail$data((0, codegen_1.or)((0, codegen_1._)`typeof ${fmt} != "object"`, (0, codegen_1._)`${fmt} instanceof RegExp`, (0, codegen_1._)`typeof ${fmt}.compare != "function"`, compareCode(fmt)));
        }
        function validateFormat() {
          const format = fCxt.schema;
          const fmtDef = self.formats[format];
          if (!fmtDef || fmtDef === true)
            return;
          if (typeof fmtDef != "object" || fmtDef instanceof RegExp || typeof fmtDef.compare != "function") {
            throw new Error(`"${keyword}": format "${format}" does not define "compare" function`);
          }
          const fmt = gen.scopeValue("formats", {
            key: format,
            ref: fmtDef,
            code: opts.code.formats ? (0, codegen_1._)`${opts.code.formats}${(0, codegen_1.getProperty)(format)}` : void 0
          });
          cxt.fail$data(compareCode(fmt));
        }
        function compareCode(fmt) {
          return (0, codegen_1._)`${fmt}.compare(${data}, ${schemaCode}) ${KWDs[keyword].fail} 0`;
        }
      },
      dependencies: ["format"]
    };
    var formatLimitPlugin = (ajv2) => {
      ajv2.addKeyword(exports.formatLimitDefinition);
      return ajv2;
    };
    exports.default = formatLimitPlugin;
  }
});

// node_modules/ajv-formats/dist/index.js
var require_dist2 = __commonJS({
  "node_modules/ajv-formats/dist/index.js"(exports, module) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var formats_1 = require_formats();
    var limit_1 = require_limit();
    var codegen_1 = require_codegen();
    var fullName = new codegen_1.Name("fullFormats");
    var fastName = new codegen_1.Name("fastFormats");
    var formatsPlugin = (ajv2, opts = { keywords: true }) => {
      if (Array.isArray(opts)) {
        addFormats2(ajv2, opts, formats_1.fullFormats, fullName);
        return ajv2;
      }
      const [formats, exportName] = opts.mode === "fast" ? [formats_1.fastFormats, fastName] : [formats_1.fullFormats, fullName];
      const list = opts.formats || formats_1.formatNames;
      addFormats2(ajv2, list, formats, exportName);
      if (opts.keywords)
        (0, limit_1.default)(ajv2);
      return ajv2;
    };
    formatsPlugin.get = (name2, mode = "full") => {
      const formats = mode === "fast" ? formats_1.fastFormats : formats_1.fullFormats;
      const f = formats[name2];
      if (!f)
        throw new Error(`Unknown format "${name2}"`);
      return f;
    };
    function addFormats2(ajv2, list, fs, exportName) {
      var _a;
      var _b;
      (_a = (_b = ajv2.opts.code).formats) !== null && _a !== void 0 ? _a : _b.formats = (0, codegen_1._)`require("ajv-formats/dist/formats").${exportName}`;
      for (const f of list)
        ajv2.addFormat(f, fs[f]);
    }
    module.exports = exports = formatsPlugin;
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.default = formatsPlugin;
  }
});

// node_modules/picomatch/lib/constants.js
var require_constants2 = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils2 = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants2();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path, { windows } = {}) => {
      const segs = path.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils2();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants2();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob2 = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob2 = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob2 = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob2) glob2 = utils.removeBackslashes(glob2);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob: glob2,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse2 = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants = require_constants2();
    var utils = require_utils2();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed3 = true;
      while (changed3 === true) {
        changed3 = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed3 = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body2, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body2).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants.globChars(opts.windows);
      const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count3 = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count3++;
        }
        if (count3 % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body2 = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body2, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open4 = tokens[token.tokensIndex];
          open4.type = "text";
          open4.value = literal;
          open4.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open4.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc2, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc2) {
              return esc2 + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc2) {
              return esc2 + first + (rest ? star : "");
            }
            return star;
          }
          return esc2 ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix3 = POSIX_REGEX_SOURCE[rest2];
                if (posix3) {
                  prev.value = pre + posix3;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open4 = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open4);
          push(open4);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse = require_parse2();
    var utils = require_utils2();
    var constants = require_constants2();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch2 = (glob2, options, returnState = false) => {
      if (Array.isArray(glob2)) {
        const fns = glob2.map((input) => picomatch2(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob2) && glob2.tokens && glob2.input;
      if (glob2 === "" || typeof glob2 !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix3 = opts.windows;
      const regex = isState ? picomatch2.compileRe(glob2, options) : picomatch2.makeRe(glob2, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch2(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch2.test(input, regex, options, { glob: glob2, posix: posix3 });
        const result2 = { glob: glob2, state, regex, posix: posix3, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result2);
        }
        if (isMatch === false) {
          result2.isMatch = false;
          return returnObject ? result2 : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result2);
          }
          result2.isMatch = false;
          return returnObject ? result2 : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result2);
        }
        return returnObject ? result2 : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch2.test = (input, regex, options, { glob: glob2, posix: posix3 } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix3 ? utils.toPosixSlashes : null);
      let match = input === glob2;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob2;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch2.matchBase(input, regex, options, posix3);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch2.matchBase = (input, glob2, options, posix3 = options && options.windows) => {
      const regex = glob2 instanceof RegExp ? glob2 : picomatch2.makeRe(glob2, options);
      return regex.test(utils.basename(input, { windows: posix3 }));
    };
    picomatch2.isMatch = (str, patterns, options) => picomatch2(patterns, options)(str);
    picomatch2.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch2.parse(p, options));
      return parse(pattern, { ...options, fastpaths: false });
    };
    picomatch2.scan = (input, options) => scan(input, options);
    picomatch2.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch2.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch2.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse(input, options);
      }
      return picomatch2.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch2.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch2.constants = constants;
    module.exports = picomatch2;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils2();
    function picomatch2(glob2, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob2, options, returnState);
    }
    Object.assign(picomatch2, pico);
    module.exports = picomatch2;
  }
});

// src/sources/confined.ts
import { realpath } from "node:fs/promises";
var OutsideWorkspaceError = class extends ConfigError {
};
function confinedOpener(workspace, inner) {
  return async (request2) => {
    const display = request2.display ?? request2.path;
    const problem = pathProblem(request2.path);
    if (problem !== void 0)
      throw new OutsideWorkspaceError(`${quotePath(display)} ${problem}`, { file: display });
    const root = workspaceRoot(workspace);
    const before = await realpath(request2.path).catch(() => void 0);
    if (before !== void 0 && !isInside(root, before)) throw outside(display, root, before);
    const source = await inner(request2);
    const after = localFileOf(source)?.realPath;
    if (after !== void 0 && !isInside(root, after)) {
      await source.close();
      throw outside(display, root, after);
    }
    return source;
  };
}
function outside(display, root, real) {
  return new OutsideWorkspaceError(
    `${display}: resolves outside the workspace ${root} (to ${real}); expected a file inside it (the gate reads nothing outside the workspace)`,
    { file: display }
  );
}

// src/sources/dataset.ts
import { readdir, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";

// src/sources/remote.ts
var REMOTE = /^(s3|https?):\/\//i;
function isRemoteRef(ref) {
  return REMOTE.test(ref);
}
var RemoteNotAllowedError = class extends ConfigError {
};
function remoteNotAllowed(url) {
  return `${redactUrl(url)} is remote; remote reads are off by default so that a pull request cannot make CI fetch arbitrary URLs: pass --allow-remote (Action input allow-remote: true) to read it`;
}
var RemoteSourceError = class extends ConfigError {
  constructor(display, detail, code) {
    super(`${display}: ${detail}`);
    this.display = display;
    this.detail = detail;
    this.code = code;
  }
  display;
  detail;
  code;
};
function remoteDefaults(options = {}) {
  return {
    attempts: options.attempts ?? 4,
    backoffMs: options.backoffMs ?? 200,
    timeoutMs: options.timeoutMs ?? 3e4,
    concurrency: options.concurrency ?? 4,
    sleep: options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
    random: options.random ?? Math.random
  };
}
var RetryableError = class extends Error {
  constructor(message, final) {
    super(message);
    this.final = final;
  }
  final;
};
async function withRetries(attempt, options) {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (e) {
      if (!(e instanceof RetryableError)) throw e;
      if (n >= options.attempts) {
        const f = e.final;
        throw new RemoteSourceError(
          f.display,
          `${f.detail} (after ${n} attempt${n === 1 ? "" : "s"})`,
          f.code
        );
      }
      await options.sleep(options.backoffMs * 2 ** (n - 1) * (1 + options.random()));
    }
  }
}
var Limiter = class {
  constructor(limit) {
    this.limit = limit;
  }
  limit;
  active = 0;
  waiting = [];
  /** Runs `task` once a slot is free. */
  async run(task) {
    if (this.active >= this.limit) await new Promise((r) => this.waiting.push(r));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
};
async function drainInto(body2, target, targetOffset, length, onTooLong) {
  let got = 0;
  for await (const chunk of body2) {
    if (got + chunk.length > length) throw onTooLong();
    target.set(chunk, targetOffset + got);
    got += chunk.length;
  }
  return got;
}
function retryableStatus(status) {
  return status >= 500 || status === 429 || status === 408;
}
function schemeOf(ref) {
  const m = REMOTE.exec(ref);
  return m ? m[1].toLowerCase() : void 0;
}

// src/sources/http.ts
var remoteInfo = /* @__PURE__ */ new WeakMap();
function remoteInfoOf(source) {
  return remoteInfo.get(source);
}
function setRemoteInfo(source, info) {
  remoteInfo.set(source, info);
  return source;
}
async function openHttpSource(url, options = {}) {
  const opts = remoteDefaults(options);
  const doFetch = options.fetch ?? fetch;
  const display = redactUrl(url);
  const { target, headers } = splitCredentials(url, display);
  const first = await request(doFetch, target, display, 0, 1, headers, void 0, opts);
  const total = /\/(\d+)\s*$/.exec(first.headers.get("content-range") ?? "");
  await first.body?.cancel().catch(() => void 0);
  if (!total) {
    throw new RemoteSourceError(
      display,
      `answered a Range request without Content-Range (status ${first.status}); expected a server that serves byte ranges (HTTP 206)`,
      "ERANGE"
    );
  }
  const etag = first.headers.get("etag") ?? void 0;
  const lastModified = first.headers.get("last-modified") ?? void 0;
  const source = new HttpSource(doFetch, target, display, Number(total[1]), headers, opts, {
    etag,
    lastModified
  });
  return setRemoteInfo(source, {
    url: display,
    ...etag && { etag },
    ...lastModified && { lastModified }
  });
}
var HttpSource = class {
  constructor(doFetch, url, display, size, headers, opts, pinned) {
    this.doFetch = doFetch;
    this.url = url;
    this.display = display;
    this.size = size;
    this.headers = headers;
    this.opts = opts;
    this.pinned = pinned;
    this.id = `${display}#${pinned.etag ?? pinned.lastModified ?? "unversioned"}`;
    this.limiter = new Limiter(opts.concurrency);
  }
  doFetch;
  url;
  display;
  size;
  headers;
  opts;
  pinned;
  id;
  limiter;
  async read(target, targetOffset, length, position) {
    const wanted = Math.min(length, this.size - position);
    if (wanted <= 0) return 0;
    return this.limiter.run(
      () => withRetries(async () => {
        const response = await request(
          this.doFetch,
          this.url,
          this.display,
          position,
          wanted,
          this.headers,
          this.pinned,
          this.opts
        );
        this.checkSameObject(response);
        return readBody(response, this.display, position, wanted, target, targetOffset, this.opts);
      }, this.opts)
    );
  }
  checkSameObject(response) {
    const etag = response.headers.get("etag") ?? void 0;
    const modified = response.headers.get("last-modified") ?? void 0;
    const changed3 = this.pinned.etag !== void 0 && etag !== this.pinned.etag || this.pinned.etag === void 0 && this.pinned.lastModified !== void 0 && modified !== this.pinned.lastModified;
    if (!changed3) return;
    void response.body?.cancel().catch(() => void 0);
    throw changedError(
      this.display,
      this.pinned.etag ?? this.pinned.lastModified,
      etag ?? modified ?? "none"
    );
  }
  async close() {
  }
};
function changedError(display, was, now) {
  return new RemoteSourceError(
    display,
    `changed during the read (version ${was} when opened, ${now} now); expected one version from first byte to last \u2014 run again once the upload is complete`,
    "ECHANGED"
  );
}
async function request(doFetch, url, display, position, length, headers, pinned, opts) {
  const attempt = async () => {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), opts.timeoutMs);
    let response;
    try {
      response = await doFetch(url, {
        headers: {
          ...headers,
          range: `bytes=${position}-${position + length - 1}`,
          ...pinned?.etag && { "if-match": pinned.etag },
          // Undici would otherwise ask for gzip and hand back a body whose length is not the range's.
          "accept-encoding": "identity"
        },
        signal: abort.signal,
        redirect: "follow"
      });
    } catch (e) {
      throw failure(display, abort.signal.aborted, e);
    } finally {
      clearTimeout(timer);
    }
    const status = response.status;
    if (status === 206 || status === 200 && pinned === void 0) return response;
    void response.body?.cancel().catch(() => void 0);
    throw statusError(display, status, pinned);
  };
  return pinned === void 0 ? withRetries(attempt, opts) : attempt();
}
async function readBody(response, display, position, wanted, target, targetOffset, opts) {
  const range = /^bytes (\d+)-(\d+)\//.exec(response.headers.get("content-range") ?? "");
  if (!range || Number(range[1]) !== position) {
    void response.body?.cancel().catch(() => void 0);
    throw new RemoteSourceError(
      display,
      `answered bytes ${range ? `${range[1]}-${range[2]}` : "(no Content-Range)"} when asked for ${position}-${position + wanted - 1}`,
      "EREMOTE"
    );
  }
  const body2 = response.body;
  if (!body2) return 0;
  let stalled = false;
  let timer;
  const reader = body2.getReader();
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      void reader.cancel().catch(() => void 0);
    }, opts.timeoutMs);
  };
  async function* chunks() {
    for (; ; ) {
      arm();
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  }
  let got;
  try {
    got = await drainInto(
      chunks(),
      target,
      targetOffset,
      wanted,
      () => new RemoteSourceError(
        display,
        `sent more than the ${wanted} bytes asked for at byte ${position}`,
        "EREMOTE"
      )
    );
  } catch (e) {
    if (e instanceof RemoteSourceError) throw e;
    throw failure(display, stalled, e);
  } finally {
    clearTimeout(timer);
  }
  if (stalled) throw failure(display, true, void 0);
  if (got < wanted) {
    const final = new RemoteSourceError(
      display,
      `connection ended after ${got} of ${wanted} bytes at byte ${position}`,
      "EREMOTE"
    );
    throw new RetryableError(final.message, final);
  }
  return got;
}
function failure(display, timedOut2, e) {
  const final = timedOut2 ? new RemoteSourceError(display, "timed out", "ETIMEDOUT") : new RemoteSourceError(display, `connection failed (${networkCause(e)})`, "EREMOTE");
  return new RetryableError(final.message, final);
}
function networkCause(e) {
  const cause = e?.cause;
  return cause?.code ?? (e instanceof Error ? e.name : "unknown error");
}
function statusError(display, status, pinned) {
  if (status === 412 && pinned?.etag)
    return changedError(display, pinned.etag, "another (the server answered 412 to If-Match)");
  if (status === 404 || status === 410)
    return new RemoteSourceError(display, `not found (HTTP ${status})`, "ENOENT");
  if (status === 401 || status === 403)
    return new RemoteSourceError(
      display,
      `access denied (HTTP ${status}); check the credentials the runner has for it`,
      "EACCES"
    );
  if (status === 416)
    return new RemoteSourceError(display, "refused the byte range (HTTP 416)", "ERANGE");
  const final = new RemoteSourceError(display, `answered HTTP ${status}`, "EREMOTE");
  return retryableStatus(status) ? new RetryableError(final.message, final) : final;
}
function splitCredentials(url, display) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new RemoteSourceError(display, "is not a valid URL", "EREMOTE");
  }
  if (!parsed.username && !parsed.password) return { target: url, headers: {} };
  const user = decodeURIComponent(parsed.username);
  const password = decodeURIComponent(parsed.password);
  parsed.username = "";
  parsed.password = "";
  const basic = Buffer.from(`${user}:${password}`).toString("base64");
  return { target: parsed.toString(), headers: { authorization: `Basic ${basic}` } };
}

// src/sources/s3.ts
function parseS3Url(url) {
  const m = /^s3:\/\/([^/?#]+)\/?(.*)$/i.exec(url);
  if (!m || m[1].includes("@"))
    throw new RemoteSourceError(redactUrl(url), "is not s3://bucket/key", "EREMOTE");
  return { bucket: m[1], key: m[2] };
}
async function loadS3Sdk() {
  const mod = await import("./dist-cjs-X37XXN3C.js");
  return mod.S3Client ? mod : mod.default;
}
function defaultS3Client(env = process.env, options = {}) {
  let client;
  return () => client ??= (async () => {
    process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] ??= "true";
    const { S3Client } = await loadS3Sdk();
    const endpoint = env["AWS_ENDPOINT_URL_S3"] || env["AWS_ENDPOINT_URL"] || void 0;
    const timeout = remoteDefaults(options).timeoutMs;
    return new S3Client({
      ...endpoint && { endpoint, forcePathStyle: true },
      // A custom endpoint (MinIO, a test server) often has no region of its own.
      ...endpoint && !env["AWS_REGION"] && { region: "us-east-1" },
      maxAttempts: 1,
      requestHandler: { requestTimeout: timeout, connectionTimeout: timeout }
    });
  })();
}
async function openS3Source(url, client, options = {}) {
  const opts = remoteDefaults(options);
  const display = redactUrl(url);
  const { bucket, key } = parseS3Url(url);
  const s3 = await client();
  const { HeadObjectCommand } = await loadS3Sdk();
  const head = await withRetries(
    () => s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key })).catch((e) => rethrow(display, e)),
    opts
  );
  const size = head.ContentLength ?? 0;
  const etag = head.ETag;
  const versionId = head.VersionId;
  const source = new S3Source(s3, bucket, key, display, size, opts, etag, versionId);
  return setRemoteInfo(source, {
    url: display,
    ...etag && { etag },
    ...versionId && { versionId }
  });
}
var S3Source = class {
  constructor(s3, bucket, key, display, size, opts, etag, versionId) {
    this.s3 = s3;
    this.bucket = bucket;
    this.key = key;
    this.display = display;
    this.size = size;
    this.opts = opts;
    this.etag = etag;
    this.versionId = versionId;
    this.id = `${display}#${versionId ?? etag ?? "unversioned"}`;
    this.limiter = new Limiter(opts.concurrency);
  }
  s3;
  bucket;
  key;
  display;
  size;
  opts;
  etag;
  versionId;
  id;
  limiter;
  async read(target, targetOffset, length, position) {
    const wanted = Math.min(length, this.size - position);
    if (wanted <= 0) return 0;
    const { GetObjectCommand } = await loadS3Sdk();
    return this.limiter.run(
      () => withRetries(async () => {
        const abort = new AbortController();
        const timer = setTimeout(() => abort.abort(), this.opts.timeoutMs);
        try {
          const got = await this.s3.send(
            new GetObjectCommand({
              Bucket: this.bucket,
              Key: this.key,
              Range: `bytes=${position}-${position + wanted - 1}`,
              ...this.etag && { IfMatch: this.etag },
              ...this.versionId && { VersionId: this.versionId }
            }),
            { abortSignal: abort.signal }
          ).catch((e) => rethrow(this.display, e, this.etag, abort.signal.aborted));
          if (this.etag !== void 0 && got.ETag !== this.etag) {
            got.Body?.destroy?.();
            throw changed(this.display, this.etag, got.ETag ?? "none");
          }
          const body2 = got.Body;
          if (!body2) return 0;
          const n = await drainInto(
            body2,
            target,
            targetOffset,
            wanted,
            () => new RemoteSourceError(
              this.display,
              `sent more than the ${wanted} bytes asked for at byte ${position}`,
              "EREMOTE"
            )
          ).catch((e) => rethrow(this.display, e, this.etag, abort.signal.aborted));
          if (n < wanted) {
            const final = new RemoteSourceError(
              this.display,
              `connection ended after ${n} of ${wanted} bytes at byte ${position}`,
              "EREMOTE"
            );
            throw new RetryableError(final.message, final);
          }
          return n;
        } finally {
          clearTimeout(timer);
        }
      }, this.opts)
    );
  }
  async close() {
  }
};
function changed(display, was, now) {
  return new RemoteSourceError(
    display,
    `changed during the read (ETag ${was} when opened, ${now} now); expected one version from first byte to last \u2014 run again once the upload is complete`,
    "ECHANGED"
  );
}
function rethrow(display, e, etag, timedOut2 = false) {
  if (e instanceof RemoteSourceError || e instanceof RetryableError) throw e;
  const err = e;
  const status = err.$metadata?.httpStatusCode;
  const name2 = err.name ?? "Error";
  const label2 = name2 === "Unknown" || name2 === "Error" ? "" : `${name2}, `;
  if (timedOut2 || name2 === "TimeoutError" || name2 === "AbortError" || err.code === "ETIMEDOUT") {
    const final2 = new RemoteSourceError(display, "timed out", "ETIMEDOUT");
    throw new RetryableError(final2.message, final2);
  }
  if (status === 412 && etag) throw changed(display, etag, "another (412 to If-Match)");
  if (status === 404 || name2 === "NoSuchKey" || name2 === "NotFound" || name2 === "NoSuchBucket")
    throw new RemoteSourceError(display, `not found (${label2}HTTP ${status ?? 404})`, "ENOENT");
  if (status === 401 || status === 403)
    throw new RemoteSourceError(
      display,
      `access denied (${label2}HTTP ${status}); check the credentials the runner has for it`,
      "EACCES"
    );
  if (/region is missing/i.test(e.message ?? ""))
    throw new RemoteSourceError(
      display,
      "no AWS region configured; set AWS_REGION (or a region in the shared profile)",
      "EREMOTE"
    );
  if (name2 === "CredentialsProviderError")
    throw new RemoteSourceError(
      display,
      "no AWS credentials found (environment, shared profile or web identity)",
      "EACCES"
    );
  const final = new RemoteSourceError(
    display,
    status !== void 0 ? `answered HTTP ${status}${label2 && ` (${name2})`}` : `request failed (${name2})`,
    "EREMOTE"
  );
  if (status === void 0 || retryableStatus(status))
    throw new RetryableError(final.message, final);
  throw final;
}

// src/sources/dataset.ts
var GLOB = /[*?[\]{}]/;
function isDatasetPattern(ref) {
  const name2 = /^https?:\/\//i.test(ref) ? ref.replace(/[?#].*$/s, "") : ref;
  return GLOB.test(name2) || name2.endsWith("/");
}
function isPartName(name2) {
  const base = name2.slice(name2.lastIndexOf("/") + 1);
  return !(base.startsWith("_") || base.startsWith(".") || base.endsWith(".crc"));
}
function byName(a, b) {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
function globToRegExp(glob2) {
  let out = "";
  for (let i = 0; i < glob2.length; i++) {
    const c = glob2[i];
    if (c === "*" && glob2[i + 1] === "*") {
      out += glob2[i + 2] === "/" ? "(?:.*/)?" : ".*";
      i += glob2[i + 2] === "/" ? 2 : 1;
    } else if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else if (c === "[") {
      const end = glob2.indexOf("]", i + 1);
      if (end < 0) out += "\\[";
      else {
        out += `[${glob2.slice(i + 1, end).replace(/^!/, "^").replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else if (c === "{") {
      const end = glob2.indexOf("}", i + 1);
      if (end < 0) out += "\\{";
      else {
        out += `(?:${glob2.slice(i + 1, end).split(",").map((s) => s.replace(/[.+^$()|\\]/g, "\\$&")).join("|")})`;
        i = end;
      }
    } else out += c.replace(/[.+^$()|\\]/g, "\\$&");
  }
  return new RegExp(`^${out}$`);
}
function literalPrefix(pattern) {
  const m = GLOB.exec(pattern);
  const head = m ? pattern.slice(0, m.index) : pattern;
  return head.slice(0, head.lastIndexOf("/") + 1);
}
async function listLocalDataset(path, display = path) {
  const root = GLOB.test(path) ? literalPrefix(path) : path.endsWith(sep) ? path : path + sep;
  const match = GLOB.test(path) ? globToRegExp(path.slice(root.length)) : void 0;
  const parts = [];
  const walk = async (dir) => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = join(dir, entry.name);
      const name2 = relative(root, full).split(sep).join("/");
      if (entry.isDirectory()) {
        if (!entry.name.startsWith(".") && !entry.name.startsWith("_")) await walk(full);
      } else if (entry.isFile() && isPartName(name2) && (!match || match.test(name2))) {
        parts.push({ ref: full, name: name2, size: (await stat(full)).size });
      }
    }
  };
  await walk(root);
  return { ref: display, parts: parts.sort(byName) };
}
async function listS3Dataset(url, client, options = {}) {
  const opts = remoteDefaults(options);
  const display = redactUrl(url);
  const { bucket, key } = parseS3Url(url);
  const prefix = literalPrefix(key);
  const match = GLOB.test(key) ? globToRegExp(key.slice(prefix.length)) : void 0;
  const s3 = await client();
  const { ListObjectsV2Command } = await loadS3Sdk();
  const parts = [];
  let token;
  do {
    const page = await withRetries(
      () => s3.send(
        new ListObjectsV2Command({
          Bucket: bucket,
          Prefix: prefix,
          ...token && { ContinuationToken: token }
        })
      ).catch((e) => rethrow(display, e)),
      opts
    );
    for (const object of page.Contents ?? []) {
      const name2 = object.Key.slice(prefix.length);
      if (name2 === "" || name2.endsWith("/") || !isPartName(name2)) continue;
      if (match && !match.test(name2)) continue;
      parts.push({ ref: `s3://${bucket}/${object.Key}`, name: name2, size: object.Size ?? 0 });
    }
    token = page.IsTruncated ? page.NextContinuationToken : void 0;
  } while (token);
  if (parts.length === 0)
    throw new RemoteSourceError(display, "names no objects (no key under it matches)", "ENOENT");
  return { ref: display, parts: parts.sort(byName) };
}
function listedParts(refs, names = []) {
  return refs.map((ref, i) => ({
    ref,
    name: names[i] ?? (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref) ? redactUrl(ref) : ref),
    size: -1
  }));
}

// src/sources/router.ts
var listers = /* @__PURE__ */ new WeakMap();
function datasetListerOf(opener) {
  return listers.get(opener) ?? (async (ref) => {
    if (isRemoteRef(ref)) throw new RemoteNotAllowedError(remoteNotAllowed(ref));
    return listLocalDataset(ref);
  });
}
function sharesLister(wrapper, inner) {
  const lister = listers.get(inner);
  if (lister) listers.set(wrapper, lister);
  return wrapper;
}
function routedOpener(local, options = {}) {
  const s3 = options.s3 ?? defaultS3Client(options.env ?? process.env, options.remote);
  const refuse = (ref) => {
    if (!options.allowRemote) throw new RemoteNotAllowedError(remoteNotAllowed(ref));
  };
  const open4 = async (request2) => {
    const scheme = schemeOf(request2.path);
    if (scheme === void 0) return local(request2);
    refuse(request2.path);
    if (scheme === "s3") return openS3Source(request2.path, s3, options.remote);
    return openHttpSource(request2.path, {
      ...options.remote,
      ...options.fetch && { fetch: options.fetch }
    });
  };
  listers.set(open4, async (ref) => {
    const scheme = schemeOf(ref);
    if (scheme === void 0) return listLocalDataset(ref);
    refuse(ref);
    if (scheme === "s3") return listS3Dataset(ref, s3, options.remote);
    throw new RemoteSourceError(
      redactUrl(ref),
      "is an HTTP directory or glob; HTTP cannot list objects \u2014 name each part in a list, or use s3://",
      "EREMOTE"
    );
  });
  return open4;
}

// src/version.ts
var VERSION = "0.1.0";

// src/vectors/open.ts
import { stat as stat2 } from "node:fs/promises";
import { extname } from "node:path";

// src/vectors/dataset.ts
function partDisplay(ref, name2) {
  return `${ref} part ${name2}`;
}
async function openDataset(display, parts, openPart) {
  if (parts.length === 0)
    throw new VectorFileError(display, "names no parts (no vectors file matched)");
  const infos = [];
  for (const part of parts) {
    const source = await openPart(part.ref, partDisplay(display, part.name));
    infos.push(source.info);
    await source.close();
    const first2 = infos[0];
    const info2 = source.info;
    const differs = ["format", "dtype", "dims", "vectorColumn", "idColumn", "hasIds"].filter((k) => info2[k] !== first2[k]).map((k) => `${k} ${String(info2[k])} where part ${parts[0].name} has ${String(first2[k])}`);
    if (differs.length)
      throw new VectorFileError(info2.path, `differs from the first part: ${differs.join(", ")}`);
  }
  const rows = infos.every((i) => i.rows !== void 0) ? infos.reduce((sum2, i) => sum2 + i.rows, 0) : void 0;
  const { rows: _firstRows, ...first } = infos[0];
  const info = { ...first, path: display, ...rows !== void 0 && { rows } };
  let current;
  async function* stream(fromRow) {
    let offset = 0;
    for (const [i, part] of parts.entries()) {
      const stated = infos[i].rows;
      if (stated !== void 0 && offset + stated <= fromRow) {
        offset += stated;
        continue;
      }
      current = await openPart(part.ref, partDisplay(display, part.name));
      try {
        let partRows = 0;
        const inside = fromRow - offset;
        const batches = inside > 0 && current.batchesFrom ? current.batchesFrom(inside) : current.batches();
        for await (const batch of batches) {
          partRows = batch.rowOffset + batch.rows;
          yield withOffset(batch, offset + batch.rowOffset);
        }
        offset += stated ?? partRows;
      } finally {
        await current.close();
        current = void 0;
      }
    }
  }
  return {
    info,
    batches: () => stream(0),
    ...rows !== void 0 && { batchesFrom: (row) => stream(row) },
    async close() {
      await current?.close();
    }
  };
}
function withOffset(batch, rowOffset) {
  if (batch.rowOffset === rowOffset) return batch;
  return new Proxy(batch, {
    get: (target, key) => key === "rowOffset" ? rowOffset : Reflect.get(target, key, target)
  });
}

// src/vectors/open.ts
var BY_EXTENSION = {
  ".arrow": "arrow",
  ".feather": "arrow",
  ".ipc": "arrow",
  ".arrows": "arrow-stream",
  ".parquet": "parquet",
  ".npy": "npy",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".bin": "binary"
};
var startsWith = (...bytes) => (head) => bytes.every((b, i) => head[i] === b);
var MAGIC = {
  arrow: {
    what: "an Arrow IPC file",
    shown: "ARROW1",
    matches: startsWith(65, 82, 82, 79, 87, 49),
    length: 6
  },
  "arrow-stream": {
    what: "an Arrow IPC stream",
    shown: "\\xff\\xff\\xff\\xff (continuation marker)",
    matches: startsWith(255, 255, 255, 255),
    length: 4
  },
  parquet: {
    what: "a Parquet file",
    shown: "PAR1",
    matches: startsWith(80, 65, 82, 49),
    length: 4
  },
  npy: {
    what: "a NumPy file",
    shown: "\\x93NUMPY",
    matches: startsWith(147, 78, 85, 77, 80, 89),
    length: 6
  },
  // A head of only blank lines is left to the reader, which says "no records".
  jsonl: {
    what: "a JSON Lines file",
    shown: "{",
    matches: (head) => (firstNonSpace(head) ?? 123) === 123,
    length: 1
  }
};
var FEATHER_V1 = startsWith(70, 69, 65, 49);
function firstNonSpace(head) {
  let i = 0;
  if (head[0] === 239 && head[1] === 187 && head[2] === 191) i = 3;
  while (i < head.length && (head[i] === 32 || head[i] === 9 || head[i] === 10 || head[i] === 13))
    i++;
  return head[i];
}
function sniffFormat(head) {
  for (const format of ["arrow", "arrow-stream", "parquet", "npy"])
    if (MAGIC[format].matches(head)) return format;
  return void 0;
}
function formatFor(path, opts = {}) {
  const name2 = isRemoteRef(path) ? path.replace(/[?#].*$/s, "") : path;
  return opts.format ?? BY_EXTENSION[extname(name2).toLowerCase()];
}
var TABLE_REF = /^postgres(ql)?:\/\//i;
async function openVectors(path, opts = {}, openSource = openLocalSource) {
  if (TABLE_REF.test(path)) {
    const { openPgVectors } = await import("./reader-IT6V4S4A.js");
    return openPgVectors(path, {
      ...opts.batchRows !== void 0 && { batchRows: opts.batchRows }
    });
  }
  if (opts.parts) return openParts(path, listedParts(opts.parts, opts.partNames), opts, openSource);
  if (isDatasetPattern(path) && !await isLocalFile(path, isRemoteRef(path)))
    return openListed(path, opts, openSource);
  if (formatFor(path, opts) === void 0 && !isRemoteRef(path) && await isDirectory(path))
    return openListed(path, opts, openSource);
  try {
    return await openFile(path, opts, openSource);
  } catch (e) {
    if (e instanceof VectorFileError && e.detail.startsWith("is a directory") && e.file === path)
      return openListed(path, opts, openSource);
    throw e;
  }
}
async function isLocalFile(path, remote) {
  if (remote) return false;
  return stat2(path).then(
    (s) => s.isFile(),
    () => false
  );
}
async function isDirectory(path) {
  return stat2(path).then(
    (s) => s.isDirectory(),
    () => false
  );
}
async function openListed(path, opts, openSource) {
  const dataset = await datasetListerOf(openSource)(path);
  const parts = dataset.parts.filter((p) => formatFor(p.name, opts) !== void 0);
  return openParts(path, parts, opts, openSource);
}
async function openParts(path, parts, opts, openSource) {
  const { parts: _list, partNames: _names, ...single2 } = opts;
  return openDataset(path, parts, (ref, display) => openFile(ref, single2, openSource, display));
}
async function openFile(path, opts, openSource, display = isRemoteRef(path) ? redactUrl(path) : path) {
  let format = formatFor(path, opts);
  if (!format) {
    throw new VectorFileError(
      display,
      `cannot tell the format from the extension "${extname(path)}"; name it with format (one of ${VECTOR_FORMATS.join(", ")})`
    );
  }
  const source = await open(openSource, path, display);
  try {
    const head = await readHead(source);
    if (head.length === 0) throw new VectorFileError(display, "empty file (0 bytes)");
    const magic = MAGIC[format];
    if (magic && !magic.matches(head)) {
      const actual = sniffFormat(head);
      const arrowFamily = (f) => f === "arrow" || f === "arrow-stream";
      if (opts.format === void 0 && arrowFamily(format) && arrowFamily(actual)) {
        format = actual;
      } else {
        throw mismatch(display, format, magic, head, actual);
      }
    }
    return checked(await openReader(format, source, opts, openSource));
  } catch (e) {
    await source.close();
    if (e instanceof SourceError) throw new VectorFileError(display, e.detail);
    throw e;
  }
}
async function openReader(format, source, opts, openSource) {
  switch (format) {
    case "arrow":
    case "arrow-stream":
      return (await import("./ipc-NIWK4VGS.js")).openArrow(source, format, opts);
    case "parquet":
      return (await import("./reader-67X4TLLO.js")).openParquet(source, opts);
    case "npy":
      return (await import("./reader-PK42JSMC.js")).openNpy(source, opts, openSource);
    case "jsonl":
      return (await import("./reader-ZYU37OXH.js")).openJsonl(source, opts);
    case "binary":
      return (await import("./reader-6T4JAA55.js")).openBinary(source, opts, openSource);
  }
}
async function checked(vectors) {
  const { dims, path } = vectors.info;
  if (Number.isInteger(dims) && dims >= 1 && dims <= MAX_DIMS) return vectors;
  await vectors.close();
  throw new VectorFileError(path, `declares ${dims} values per vector; expected 1 to ${MAX_DIMS}`);
}
function mismatch(path, format, magic, head, actual) {
  if (FEATHER_V1(head)) {
    return new VectorFileError(
      path,
      "Feather v1 file (magic FEA1): only Feather v2 (Arrow IPC) is supported; rewrite it with pyarrow.feather.write_feather"
    );
  }
  const shown = head.subarray(0, actual ? MAGIC[actual].length : Math.max(magic.length, 6));
  const note = actual && `the magic of ${MAGIC[actual].what}`;
  if (format === "jsonl") {
    return new VectorFileError(
      path,
      `not a JSON Lines file (expected "{" to open the first record, found ${describeBytes(shown)}${note ? `, ${note}` : ""})`
    );
  }
  return wrongMagic(path, magic.what, magic.shown, shown, note);
}
async function open(openSource, path, display) {
  try {
    return await openSource({ path, display });
  } catch (e) {
    if (!(e instanceof SourceError)) throw e;
    if (e.code === "ENOENT") throw new VectorFileError(display, "no such file");
    if (e.code === NOT_REGULAR) throw new VectorFileError(display, e.detail);
    throw new VectorFileError(display, `cannot open: ${e.detail}`);
  }
}
async function readHead(source) {
  try {
    const head = new Uint8Array(64);
    let got = 0;
    for (let n = 1; n > 0 && got < head.length; got += n)
      n = await source.read(head, got, head.length - got, got);
    return head.subarray(0, got);
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw new VectorFileError(source.display, `cannot read: ${e.message}`);
  }
}

// src/sources/hash.ts
import { createHash } from "node:crypto";

// src/sources/hash-worker.ts
import { Worker } from "node:worker_threads";
var WORKER_HASH_MIN_BYTES = 64 << 20;
var CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const { openSync, readSync, closeSync } = require('node:fs');
const { createHash } = require('node:crypto');
const fd = openSync(workerData.path, 'r');
try {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(4 << 20);
  let position = 0;
  for (;;) {
    const n = readSync(fd, buffer, 0, buffer.length, position);
    if (n === 0) break;
    hash.update(buffer.subarray(0, n));
    position += n;
  }
  parentPort.postMessage({ sha256: hash.digest('hex'), bytes: position });
} finally {
  closeSync(fd);
}
`;
function sha256OnWorker(path) {
  return new Promise((resolve8) => {
    let worker;
    try {
      worker = new Worker(CODE, { eval: true, workerData: { path } });
    } catch {
      resolve8(void 0);
      return;
    }
    let answered = false;
    worker.once("message", (m) => {
      answered = true;
      resolve8(m);
    });
    worker.once("error", () => resolve8(void 0));
    worker.once("exit", () => {
      if (!answered) resolve8(void 0);
    });
  });
}

// src/sources/hash.ts
var CHUNK = 4 << 20;
async function sha256Source(source) {
  const local = source.size >= WORKER_HASH_MIN_BYTES ? localFileOf(source) : void 0;
  if (local) {
    const done = await sha256OnWorker(local.openedPath);
    if (done && done.bytes === source.size) return done.sha256;
  }
  const hash = createHash("sha256");
  let current = new Uint8Array(CHUNK);
  let spare = new Uint8Array(CHUNK);
  let position = 0;
  let next = source.read(current, 0, CHUNK, 0);
  for (; ; ) {
    const n = await next;
    if (n === 0) break;
    position += n;
    next = source.read(spare, 0, CHUNK, position);
    next.catch(() => void 0);
    hash.update(current.subarray(0, n));
    [current, spare] = [spare, current];
  }
  return hash.digest("hex");
}
async function sha256File(path, openSource = openLocalSource, display) {
  const source = await openSource(display === void 0 ? { path } : { path, display });
  try {
    return await sha256Source(source);
  } finally {
    await source.close();
  }
}
function datasetDigest(parts) {
  const hash = createHash("sha256");
  for (const p of parts) hash.update(`${p.sha256}  ${p.name}
`);
  return hash.digest("hex");
}
function wholeFileHasher(openSource = openLocalSource) {
  return async (request2) => {
    const source = await openSource(request2);
    try {
      return { sha256: await sha256Source(source), size: source.size };
    } finally {
      await source.close();
    }
  };
}
async function sha256Parts(parts, openSource, hashFile = wholeFileHasher(openSource)) {
  const out = [];
  for (const part of parts) {
    const { sha256, size } = await hashFile({ path: part.ref, display: part.name });
    out.push({ name: part.name, size, sha256 });
  }
  return out;
}
async function sha256Vectors(path, openSource = openLocalSource, isPart = () => true, hashFile = wholeFileHasher(openSource), listed) {
  if (listed) {
    const parts2 = await sha256Parts(listed, openSource, hashFile);
    return { sha256: datasetDigest(parts2), parts: parts2 };
  }
  if (!isDatasetPattern(path)) {
    try {
      return { sha256: (await hashFile({ path })).sha256 };
    } catch (e) {
      if (!(e instanceof SourceError && e.code === NOT_REGULAR && /directory/.test(e.detail)))
        throw e;
    }
  }
  const dataset = await datasetListerOf(openSource)(path);
  const parts = await sha256Parts(
    dataset.parts.filter((p) => isPart(p.name)),
    openSource,
    hashFile
  );
  return { sha256: datasetDigest(parts), parts };
}

// src/sources/hashing.ts
import { createHash as createHash2 } from "node:crypto";
var TINY_GAP = 1 << 10;
var SMALL_GAP = 1 << 20;
var PENDING_BUDGET = 64 << 20;
var CHUNK2 = 4 << 20;
var FileHasher = class {
  constructor(request2, inner, shared) {
    this.request = request2;
    this.inner = inner;
    this.shared = shared;
  }
  request;
  inner;
  shared;
  hash = createHash2("sha256");
  frontier = 0;
  /** The furthest byte any read has reached. */
  reached = 0;
  pending = [];
  /** Reads in flight, the readers' and the hasher's: [start, end). */
  inflight = /* @__PURE__ */ new Set();
  /** Inner sources open now; the hasher's own reads use any of them. */
  held = /* @__PURE__ */ new Set();
  fills = 0;
  idle = [];
  failure;
  scheduled = false;
  /** The read of what is left, started when the readers closed the file (see closing). */
  completing;
  /** The gap at the frontier when first seen, and the bytes read beyond it since. */
  gapSeen;
  version;
  size = -1;
  /** Adopts a source just opened for the readers; checks it is the object hashed so far. */
  adopt(source) {
    const version = remoteInfoOf(source);
    if (this.size >= 0) {
      const before = this.version;
      const tag = (v) => v?.versionId ?? v?.etag ?? v?.lastModified;
      if (tag(before) !== tag(version) || source.size !== this.size) {
        const what = tag(before) !== tag(version) ? `version ${tag(before) ?? "none"} when first opened, ${tag(version) ?? "none"} now` : `${this.size} bytes when first opened, ${source.size} now`;
        void source.close();
        throw changed2(source.display, what, version !== void 0);
      }
    } else {
      this.size = source.size;
      this.version = version;
    }
    const held = { source, refs: 1 };
    this.held.add(held);
    return held;
  }
  release(held) {
    if (--held.refs > 0) return;
    this.held.delete(held);
    void held.source.close().catch(() => void 0);
  }
  /** An open inner source, with a reference taken; undefined when none is open. */
  acquire() {
    for (const held of this.held) {
      held.refs++;
      return held;
    }
    return void 0;
  }
  /** A reader is about to read [at, at + length). */
  begin(at, length) {
    const range = [at, at + length];
    this.inflight.add(range);
    this.reached = Math.max(this.reached, Math.min(at, this.size));
    this.later();
    return range;
  }
  /** A reader's read ended: `bytes` are the bytes at `at` (valid only during this call). */
  end(range, at, bytes) {
    this.inflight.delete(range);
    if (bytes) {
      if (this.gapSeen && at >= this.gapSeen.end) this.gapSeen.beyond += bytes.length;
      this.take(at, bytes, true);
    }
    this.later();
  }
  /**
   * Looks for a gap to fill once the readers have issued what they issue together (a
   * Parquet row group's id and vector chunks, the slices of an Arrow buffer), so that a
   * gap one of them is about to read is not fetched twice.
   */
  later() {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.schedule();
    });
  }
  /** Hashes what reaches the frontier; keeps a copy of what lies beyond it, within budget. */
  take(at, bytes, keep) {
    const end = at + bytes.length;
    this.reached = Math.max(this.reached, end);
    if (end <= this.frontier) return;
    if (at <= this.frontier) {
      this.hash.update(bytes.subarray(this.frontier - at));
      this.frontier = end;
      this.drain();
      return;
    }
    if (!keep || this.shared.pendingBytes + bytes.length > PENDING_BUDGET) return;
    if (this.pending.some((p) => p.at <= at && p.at + p.bytes.length >= end)) return;
    const copy = bytes.slice();
    this.shared.pendingBytes += copy.length;
    const i = this.pending.findIndex((p) => p.at > at);
    this.pending.splice(i < 0 ? this.pending.length : i, 0, { at, bytes: copy });
  }
  drain() {
    while (this.pending.length > 0 && this.pending[0].at <= this.frontier) {
      const p = this.pending.shift();
      this.shared.pendingBytes -= p.bytes.length;
      const end = p.at + p.bytes.length;
      if (end > this.frontier) {
        this.hash.update(p.bytes.subarray(this.frontier - p.at));
        this.frontier = end;
      }
    }
  }
  covered(at) {
    for (const [s, e] of this.inflight) if (s <= at && at < e) return true;
    return false;
  }
  /** Where the next byte after the frontier that something holds or will hold lies. */
  nextHeld() {
    let next = this.pending[0]?.at ?? this.reached;
    for (const [s] of this.inflight) if (s > this.frontier) next = Math.min(next, s);
    return Math.min(next, this.reached);
  }
  /** Starts the hasher's own read of the gap at the frontier, when one is due. */
  schedule() {
    if (this.completing || this.failure !== void 0 || this.reached <= this.frontier) return;
    if (this.covered(this.frontier)) return;
    const next = this.nextHeld();
    const gap = next - this.frontier;
    if (gap <= 0) return;
    if (gap > TINY_GAP && this.shared.pendingBytes < PENDING_BUDGET / 2) {
      if (gap > SMALL_GAP) return;
      const seen = this.gapSeen;
      if (seen?.at !== this.frontier || seen.end !== next) {
        this.gapSeen = { at: this.frontier, end: next, beyond: 0 };
        return;
      }
      if (seen.beyond < Math.max(gap, 64 << 10)) return;
    }
    this.fill(this.frontier, this.frontier + Math.min(gap, CHUNK2));
  }
  /** Reads [start, end) with the held source (the hasher's own read). */
  fill(start, end) {
    const held = this.acquire();
    if (!held) return;
    const range = [start, end];
    this.inflight.add(range);
    this.fills++;
    const buffer = new Uint8Array(end - start);
    void readFully(held.source, buffer, start).then(
      (n) => {
        this.shared.ownBytes += n;
        this.inflight.delete(range);
        this.take(start, buffer.subarray(0, n), false);
      },
      (e) => {
        this.inflight.delete(range);
        this.failure ??= e;
      }
    ).finally(() => {
      this.release(held);
      if (--this.fills === 0) for (const wake of this.idle.splice(0)) wake();
      this.schedule();
    });
  }
  /** Reads what no reader read, and returns the digest. */
  async finish() {
    await this.completing;
    while (this.fills > 0) await new Promise((r) => this.idle.push(r));
    if (this.failure !== void 0) throw this.failure;
    let held = this.acquire();
    if (!held && (this.size < 0 || this.frontier < this.size))
      held = this.adopt(await this.inner(this.request));
    try {
      if (held) await this.readRest(held.source);
      return { sha256: this.hash.digest("hex"), size: this.size };
    } finally {
      if (held) this.release(held);
      for (const p of this.pending.splice(0)) this.shared.pendingBytes -= p.bytes.length;
    }
  }
  /**
   * A reader closes its source. When what is left to hash is small (the readers are done
   * with the file: the gap before a footer, the footer itself), it is read now, before the
   * source closes, rather than by opening the object again at the end.
   */
  closing(held) {
    let missing = this.size - this.frontier;
    for (const p of this.pending)
      missing -= Math.max(0, p.at + p.bytes.length - Math.max(p.at, this.frontier));
    const done = missing <= 0 || this.failure !== void 0 || this.completing !== void 0;
    if (held.refs > 1 || done || missing > Math.min(SMALL_GAP, this.size / 4)) {
      this.release(held);
      return;
    }
    this.completing = (async () => {
      try {
        while (this.fills > 0) await new Promise((r) => this.idle.push(r));
        await this.readRest(held.source);
      } catch (e) {
        this.failure ??= e;
      } finally {
        this.release(held);
      }
    })();
  }
  /** Reads and hashes everything from the frontier to the end not already held. */
  async readRest(source) {
    let buffer;
    while (this.frontier < this.size) {
      this.drain();
      if (this.frontier >= this.size) break;
      const end = Math.min(this.pending[0]?.at ?? this.size, this.frontier + CHUNK2, this.size);
      buffer ??= new Uint8Array(Math.min(CHUNK2, this.size - this.frontier));
      const want = end - this.frontier;
      const n = await readFully(source, buffer.subarray(0, want), this.frontier);
      if (n < want) {
        throw new SourceError(
          source.display,
          `ended at byte ${this.frontier + n} while hashing; expected ${this.size} bytes`,
          "EIO"
        );
      }
      this.shared.ownBytes += n;
      this.take(this.frontier, buffer.subarray(0, n), false);
    }
  }
};
function changed2(display, what, remote) {
  const detail = `changed during the read (${what})`;
  return remote ? new RemoteSourceError(display, detail, "ECHANGED") : new SourceError(display, detail, "ECHANGED");
}
async function readFully(source, target, position) {
  let got = 0;
  while (got < target.length) {
    const n = await source.read(target, got, target.length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got;
}
function hashingOpener(inner, wants = () => true) {
  const files = /* @__PURE__ */ new Map();
  const shared = { pendingBytes: 0, ownBytes: 0 };
  const hasherFor = (request2) => {
    let file = files.get(request2.path);
    if (!file) files.set(request2.path, file = new FileHasher(request2, inner, shared));
    return file;
  };
  const open4 = async (request2) => {
    if (!wants(request2.path)) return inner(request2);
    const file = hasherFor(request2);
    const source = await inner(request2);
    const held = file.adopt(source);
    let closed = false;
    const wrapper = {
      id: source.id,
      display: source.display,
      size: source.size,
      async read(target, targetOffset, length, position) {
        const range = file.begin(position, length);
        let n;
        try {
          n = await source.read(target, targetOffset, length, position);
          return n;
        } finally {
          file.end(
            range,
            position,
            n === void 0 ? void 0 : target.subarray(targetOffset, targetOffset + n)
          );
        }
      },
      ...source.readSync && {
        readSync(target, targetOffset, length, position) {
          const range = file.begin(position, length);
          let n;
          try {
            n = source.readSync(target, targetOffset, length, position);
            return n;
          } finally {
            file.end(
              range,
              position,
              n === void 0 ? void 0 : target.subarray(targetOffset, targetOffset + n)
            );
          }
        }
      },
      async close() {
        if (closed) return;
        closed = true;
        file.closing(held);
      }
    };
    const version = remoteInfoOf(source);
    if (version) setRemoteInfo(wrapper, version);
    return sharesLocalFile(wrapper, source);
  };
  sharesLister(open4, inner);
  return {
    open: open4,
    digest: async (request2) => {
      const file = hasherFor(request2);
      files.delete(request2.path);
      return file.finish();
    },
    get ownBytes() {
      return shared.ownBytes;
    }
  };
}

// src/vectors/scan.ts
import { availableParallelism } from "node:os";

// src/vectors/idset.ts
var IdSet = class {
  arena;
  used = 0;
  /** Distinct id k is arena[starts[k], ends[k]). */
  starts;
  ends;
  count = 0;
  /**
   * Slot i is table[2i] (hash) and table[2i + 1] (1 + the id number, 0 when empty):
   * interleaved, so a probe touches one cache line, not two.
   */
  table;
  mask;
  encoder = new TextEncoder();
  scratch = new Uint8Array(256);
  /** Per-batch scratch: the hash of each id of the batch being added. */
  hashes = new Int32Array(0);
  scratchOffsets = new Int32Array(2);
  constructor(expectedIds = 1024) {
    let cap = 16;
    while (cap < expectedIds * 2) cap *= 2;
    this.table = new Int32Array(cap * 2);
    this.mask = cap - 1;
    this.starts = new Int32Array(Math.max(16, expectedIds));
    this.ends = new Int32Array(Math.max(16, expectedIds));
    this.arena = new Uint8Array(Math.max(1024, expectedIds * 16));
  }
  get size() {
    return this.count;
  }
  /**
   * Adds ids r = 0 … rows − 1, held in `data[offsets[r] − offsets[0], offsets[r + 1] − offsets[0])`,
   * and calls `repeated(r)` for each one already present (earlier or in this batch).
   */
  addBatch(offsets, data, rows, repeated) {
    const base = offsets[0];
    const at = this.append(data, offsets[rows] - base);
    this.reserve(this.count + rows);
    if (this.hashes.length < rows)
      this.hashes = new Int32Array(Math.max(rows, 2 * this.hashes.length));
    const { table: table2, mask, starts, ends, arena, hashes } = this;
    for (let r = 0; r < rows; r++) {
      let h = 2166136261;
      for (let i = offsets[r] - base, e = offsets[r + 1] - base; i < e; i++)
        h = Math.imul(h ^ data[i], 16777619);
      h ^= h >>> 16;
      h = Math.imul(h, 2246822507);
      h ^= h >>> 13;
      hashes[r] = h;
    }
    let count3 = this.count;
    for (let r = 0; r < rows; r++) {
      const h = hashes[r];
      for (let i = h & mask; ; i = i + 1 & mask) {
        const ref = table2[2 * i + 1];
        if (ref === 0) {
          table2[2 * i] = h;
          starts[count3] = at + offsets[r] - base;
          ends[count3] = at + offsets[r + 1] - base;
          table2[2 * i + 1] = ++count3;
          break;
        }
        if (table2[2 * i] === h && sameBytes(
          arena,
          starts[ref - 1],
          ends[ref - 1],
          data,
          offsets[r] - base,
          offsets[r + 1] - base
        )) {
          repeated(r);
          break;
        }
      }
    }
    this.count = count3;
  }
  /** Adds a string id; returns false when it was already present. */
  add(id) {
    this.scratchOffsets[1] = this.encode(id);
    let fresh = true;
    this.addBatch(this.scratchOffsets, this.scratch, 1, () => fresh = false);
    return fresh;
  }
  has(id) {
    const n = this.encode(id);
    const bytes = this.scratch;
    let h = 2166136261;
    for (let i = 0; i < n; i++) h = Math.imul(h ^ bytes[i], 16777619);
    h ^= h >>> 16;
    h = Math.imul(h, 2246822507);
    h ^= h >>> 13;
    const { table: table2, mask, starts, ends, arena } = this;
    for (let i = h & mask; ; i = i + 1 & mask) {
      const ref = table2[2 * i + 1];
      if (ref === 0) return false;
      if (table2[2 * i] === h && sameBytes(arena, starts[ref - 1], ends[ref - 1], bytes, 0, n)) {
        return true;
      }
    }
  }
  *values() {
    const decoder = new TextDecoder();
    for (let k = 0; k < this.count; k++) {
      yield decoder.decode(this.arena.subarray(this.starts[k], this.ends[k]));
    }
  }
  keys() {
    return this.values();
  }
  *entries() {
    for (const k of this.values()) yield [k, k];
  }
  forEach(callback2, thisArg) {
    for (const k of this.values()) callback2.call(thisArg, k, k, this);
  }
  [Symbol.iterator]() {
    return this.values();
  }
  /** Copies `length` bytes of `data` to the arena's end; returns where they start. */
  append(data, length) {
    if (this.used + length > this.arena.length) {
      const next = new Uint8Array(Math.max(this.arena.length * 2, this.used + length));
      next.set(this.arena.subarray(0, this.used));
      this.arena = next;
    }
    this.arena.set(data.subarray(0, length), this.used);
    const at = this.used;
    this.used += length;
    return at;
  }
  /** Makes room for `ids` distinct ids: positions, and a table at most half full. */
  reserve(ids) {
    if (ids > this.starts.length) {
      const size = Math.max(ids, this.starts.length * 2);
      const starts = new Int32Array(size);
      const ends = new Int32Array(size);
      starts.set(this.starts);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    let cap = this.mask + 1;
    if (ids * 2 <= cap) return;
    while (ids * 2 > cap) cap *= 2;
    const old = this.table;
    const table2 = new Int32Array(cap * 2);
    const mask = cap - 1;
    for (let j = 0; j < old.length; j += 2) {
      const ref = old[j + 1];
      if (ref === 0) continue;
      const h = old[j];
      let i = h & mask;
      while (table2[2 * i + 1] !== 0) i = i + 1 & mask;
      table2[2 * i] = h;
      table2[2 * i + 1] = ref;
    }
    this.table = table2;
    this.mask = mask;
  }
  /** UTF-8 of `id` into the scratch buffer; returns its length. */
  encode(id) {
    if (this.scratch.length < id.length * 3) this.scratch = new Uint8Array(id.length * 3);
    return this.encoder.encodeInto(id, this.scratch).written;
  }
};
function sameBytes(a, aStart, aEnd, b, bStart, bEnd) {
  const n = aEnd - aStart;
  if (bEnd - bStart !== n) return false;
  for (let i = 0; i < n; i++) if (a[aStart + i] !== b[bStart + i]) return false;
  return true;
}

// src/vectors/scan-simd.ts
var wasm = globalThis.WebAssembly;
var I32 = 127;
var F64 = 124;
var V128 = 123;
var op = {
  block: 2,
  loop: 3,
  br: 12,
  brIf: 13,
  end: 11,
  localGet: 32,
  localSet: 33,
  localTee: 34,
  f32Load: 42,
  i32Const: 65,
  i32GeU: 79,
  i32Add: 106,
  i32Shl: 116,
  i32And: 113,
  f64Add: 160,
  f64Mul: 162,
  f64PromoteF32: 187
};
var simd = {
  load64Zero: [253, 93],
  promoteLow: [253, 95],
  extractLane: [253, 33],
  add: [253, 240, 1],
  mul: [253, 242, 1]
};
function leb(n) {
  const out = [];
  do {
    let byte = n & 127;
    n >>>= 7;
    if (n !== 0) byte |= 128;
    out.push(byte);
  } while (n !== 0);
  return out;
}
var section = (id, body2) => [id, ...leb(body2.length), ...body2];
var vec = (items) => [...leb(items.length), ...items.flat()];
var name = (s) => [...leb(s.length), ...[...s].map((c) => c.charCodeAt(0))];
var P = 0;
var DIMS = 1;
var END8 = 2;
var END = 3;
var ACC = [4, 5, 6, 7];
var S0 = 8;
var X = 9;
function body() {
  const get = (i) => [op.localGet, ...leb(i)];
  const set = (i) => [op.localSet, ...leb(i)];
  const lane = (acc, l) => [...get(acc), ...simd.extractLane, l];
  const code = [
    // end = p + dims * 4; end8 = p + (dims & ~7) * 4
    ...get(P),
    ...get(DIMS),
    op.i32Const,
    2,
    op.i32Shl,
    op.i32Add,
    ...set(END),
    ...get(P),
    ...get(DIMS),
    op.i32Const,
    ...leb(-8 & 127),
    op.i32And,
    op.i32Const,
    2,
    op.i32Shl,
    op.i32Add,
    ...set(END8),
    op.block,
    64,
    op.loop,
    64,
    ...get(P),
    ...get(END8),
    op.i32GeU,
    op.brIf,
    1
  ];
  for (let k = 0; k < 4; k++) {
    code.push(
      ...get(ACC[k]),
      ...get(P),
      ...simd.load64Zero,
      3,
      ...leb(8 * k),
      ...simd.promoteLow,
      op.localTee,
      ...leb(X + 1 + k),
      ...get(X + 1 + k),
      ...simd.mul,
      ...simd.add,
      ...set(ACC[k])
    );
  }
  code.push(
    ...get(P),
    op.i32Const,
    32,
    op.i32Add,
    ...set(P),
    op.br,
    0,
    op.end,
    op.end,
    ...lane(ACC[0], 0),
    ...set(S0),
    op.block,
    64,
    op.loop,
    64,
    ...get(P),
    ...get(END),
    op.i32GeU,
    op.brIf,
    1,
    ...get(P),
    op.f32Load,
    2,
    0,
    op.f64PromoteF32,
    op.localTee,
    ...leb(X),
    ...get(X),
    op.f64Mul,
    ...get(S0),
    op.f64Add,
    ...set(S0),
    ...get(P),
    op.i32Const,
    4,
    op.i32Add,
    ...set(P),
    op.br,
    0,
    op.end,
    op.end,
    ...get(S0),
    ...lane(ACC[0], 1),
    op.f64Add,
    ...lane(ACC[1], 0),
    ...lane(ACC[1], 1),
    op.f64Add,
    op.f64Add,
    ...lane(ACC[2], 0),
    ...lane(ACC[2], 1),
    op.f64Add,
    ...lane(ACC[3], 0),
    ...lane(ACC[3], 1),
    op.f64Add,
    op.f64Add,
    op.f64Add,
    op.end
  );
  const locals = vec([
    [2, I32],
    [4, V128],
    [2, F64],
    [4, V128]
  ]);
  const fn = [...locals, ...code];
  return [...leb(fn.length), ...fn];
}
function kernelModuleBytes() {
  const bytes = [
    0,
    97,
    115,
    109,
    1,
    0,
    0,
    0,
    ...section(1, vec([[96, ...vec([[I32], [I32]]), ...vec([[F64]])]])),
    ...section(2, vec([[...name("env"), ...name("memory"), 2, 3, 0, ...leb(65536)]])),
    ...section(3, vec([[0]])),
    ...section(7, vec([[...name("row"), 0, 0]])),
    ...section(10, vec([body()]))
  ];
  return new Uint8Array(bytes);
}
var compiled;
function kernelModule() {
  if (compiled === void 0) {
    try {
      compiled = wasm ? new wasm.Module(kernelModuleBytes()) : null;
    } catch {
      compiled = null;
    }
  }
  return compiled;
}
var instances = /* @__PURE__ */ new WeakMap();
function rowKernel(memory) {
  let kernel = instances.get(memory);
  if (!kernel) {
    const module = kernelModule();
    if (!module || !wasm) return void 0;
    kernel = new wasm.Instance(module, { env: { memory } }).exports.row;
    instances.set(memory, kernel);
  }
  return kernel;
}

// src/vectors/kernels.ts
var SIMD_MIN_DIMS = 96;
function rowSquareSums(values, dtype, dims, rows, out) {
  if (dtype === "float32" && dims >= SIMD_MIN_DIMS) {
    const memory = wasmMemoryOf(values.buffer);
    const row = memory && rowKernel(memory);
    if (row) {
      for (let r = 0, at = values.byteOffset; r < rows; r++, at += dims * 4) out[r] = row(at, dims);
      return;
    }
  }
  squareSumsWith(
    values,
    dtype,
    dims,
    rows,
    out,
    dtype === "float16" ? float16Table() : void 0,
    dtype === "binary" ? bitsSet() : void 0
  );
}
function squareSumsWith(values, dtype, dims, rows, out, halfTable, popTable) {
  switch (dtype) {
    case "float32":
      return sumSquaresF32(values, dims, rows, out);
    case "float64":
      return sumSquaresF64(values, dims, rows, out);
    case "float16":
      return sumSquaresF16(values, dims, rows, out, halfTable);
    case "int8":
      return sumSquaresI8(values, dims, rows, out);
    case "uint8":
      return sumSquaresU8(values, dims, rows, out);
    case "binary":
      return popcountRows(values, dims, rows, out, popTable);
  }
}
function kernelSource() {
  const parts = [
    squareSumsWith,
    sumSquaresF32,
    sumSquaresF64,
    sumSquaresF16,
    sumSquaresI8,
    sumSquaresU8,
    popcountRows
  ];
  return { source: parts.map((f) => f.toString()).join("\n"), entry: squareSumsWith.name };
}
function kernelTables() {
  return { halfTable: float16Table(), popTable: bitsSet() };
}
function sumSquaresF32(v, dims, rows, out) {
  const tail = dims & 7;
  for (let r = 0, p = 0; r < rows; r++) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    let s5 = 0;
    let s6 = 0;
    let s7 = 0;
    const end8 = p + dims - tail;
    for (; p < end8; p += 8) {
      const a = v[p];
      const b = v[p + 1];
      const c = v[p + 2];
      const d = v[p + 3];
      const e = v[p + 4];
      const f = v[p + 5];
      const g = v[p + 6];
      const h = v[p + 7];
      s0 += a * a;
      s1 += b * b;
      s2 += c * c;
      s3 += d * d;
      s4 += e * e;
      s5 += f * f;
      s6 += g * g;
      s7 += h * h;
    }
    for (let t = 0; t < tail; t++, p++) {
      const a = v[p];
      s0 += a * a;
    }
    out[r] = s0 + s1 + (s2 + s3) + (s4 + s5 + (s6 + s7));
  }
}
function sumSquaresF64(v, dims, rows, out) {
  const tail = dims & 7;
  for (let r = 0, p = 0; r < rows; r++) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    let s5 = 0;
    let s6 = 0;
    let s7 = 0;
    const end8 = p + dims - tail;
    for (; p < end8; p += 8) {
      const a = v[p];
      const b = v[p + 1];
      const c = v[p + 2];
      const d = v[p + 3];
      const e = v[p + 4];
      const f = v[p + 5];
      const g = v[p + 6];
      const h = v[p + 7];
      s0 += a * a;
      s1 += b * b;
      s2 += c * c;
      s3 += d * d;
      s4 += e * e;
      s5 += f * f;
      s6 += g * g;
      s7 += h * h;
    }
    for (let t = 0; t < tail; t++, p++) {
      const a = v[p];
      s0 += a * a;
    }
    out[r] = s0 + s1 + (s2 + s3) + (s4 + s5 + (s6 + s7));
  }
}
function sumSquaresF16(v, dims, rows, out, table2) {
  const tail = dims & 7;
  for (let r = 0, p = 0; r < rows; r++) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    let s5 = 0;
    let s6 = 0;
    let s7 = 0;
    const end8 = p + dims - tail;
    for (; p < end8; p += 8) {
      const a = table2[v[p]];
      const b = table2[v[p + 1]];
      const c = table2[v[p + 2]];
      const d = table2[v[p + 3]];
      const e = table2[v[p + 4]];
      const f = table2[v[p + 5]];
      const g = table2[v[p + 6]];
      const h = table2[v[p + 7]];
      s0 += a * a;
      s1 += b * b;
      s2 += c * c;
      s3 += d * d;
      s4 += e * e;
      s5 += f * f;
      s6 += g * g;
      s7 += h * h;
    }
    for (let t = 0; t < tail; t++, p++) {
      const a = table2[v[p]];
      s0 += a * a;
    }
    out[r] = s0 + s1 + (s2 + s3) + (s4 + s5 + (s6 + s7));
  }
}
function sumSquaresI8(v, dims, rows, out) {
  for (let r = 0, p = 0; r < rows; r++) {
    let s = 0;
    const end = p + dims;
    for (; p < end; p++) {
      const a = v[p];
      s += a * a;
    }
    out[r] = s;
  }
}
function sumSquaresU8(v, dims, rows, out) {
  for (let r = 0, p = 0; r < rows; r++) {
    let s = 0;
    const end = p + dims;
    for (; p < end; p++) {
      const a = v[p];
      s += a * a;
    }
    out[r] = s;
  }
}
var popcountTable;
function bitsSet() {
  if (!popcountTable) {
    const t = new Uint8Array(256);
    for (let b = 1; b < 256; b++) t[b] = (b & 1) + t[b >> 1];
    popcountTable = t;
  }
  return popcountTable;
}
function popcountRows(bytes, dims, rows, out, table2) {
  const rowBytes = dims + 7 >> 3;
  const full = dims >> 3;
  const lastMask = dims & 7 ? 255 << 8 - (dims & 7) & 255 : 0;
  for (let r = 0; r < rows; r++) {
    const start = r * rowBytes;
    const end = start + full;
    let s = 0;
    for (let p = start; p < end; p++) s += table2[bytes[p]];
    if (lastMask) s += table2[bytes[end] & lastMask];
    out[r] = s;
  }
}
function rowValue(values, dtype, index) {
  const raw = values[index];
  return dtype === "float16" ? float16Table()[raw] : raw;
}
function rowNonFiniteCount(values, dtype, dims, row) {
  if (dtype === "binary" || dtype === "int8" || dtype === "uint8") return 0;
  let n = 0;
  for (let p = row * dims, end = p + dims; p < end; p++) {
    if (!Number.isFinite(rowValue(values, dtype, p))) n++;
  }
  return n;
}
function rowScaledNorm(values, dtype, dims, row) {
  const start = row * dims;
  let max = 0;
  for (let p = start; p < start + dims; p++)
    max = Math.max(max, Math.abs(rowValue(values, dtype, p)));
  if (max === 0) return 0;
  let s = 0;
  for (let p = start; p < start + dims; p++) {
    const x = rowValue(values, dtype, p) / max;
    s += x * x;
  }
  return max * Math.sqrt(s);
}

// src/vectors/scan-worker.ts
import { Worker as Worker2 } from "node:worker_threads";
var JOB = 0;
var DONE = 1;
var FAILED = 2;
var STOP = 3;
var NEXT = 4;
var DTYPES = ["float32", "float64", "float16", "int8", "uint8", "binary"];
var WAIT_SLICE_MS = 20;
var CHUNK_ROWS = 128;
var KernelWorker = class {
  worker;
  next = 1;
  failure;
  control = new Int32Array(new SharedArrayBuffer(32));
  /** dtype, dims, rows, buffer, byteOffset, width, out buffer, out offset, chunks. */
  params = new Float64Array(new SharedArrayBuffer(80));
  /**
   * Buffers the worker already holds, by number. A buffer is sent once (a message the
   * worker takes with receiveMessageOnPort before its next job); jobs carry its number.
   */
  buffers = /* @__PURE__ */ new WeakMap();
  nextBuffer = 1;
  lastError = "";
  constructor() {
    const { source, entry } = kernelSource();
    const code = `
const { parentPort, receiveMessageOnPort, workerData } = require('node:worker_threads');
${source}
const views = [Float32Array, Float64Array, Uint16Array, Int8Array, Uint8Array, Uint8Array];
const names = ${JSON.stringify(DTYPES)};
const { halfTable, popTable } = workerData.tables;
const ctl = new Int32Array(workerData.control);
const p = new Float64Array(workerData.params);
const buffers = new Map();
// The SIMD kernel of scan-simd.ts, one instance per WebAssembly memory (float32 only).
const simd = new Map();
function register({ register: id, buffer, memory }) {
  buffers.set(id, buffer);
  if (memory && workerData.module) {
    try {
      simd.set(id, new WebAssembly.Instance(workerData.module, { env: { memory } }).exports.row);
    } catch {}
  }
}
for (let seen = 0; ; ) {
  Atomics.wait(ctl, ${JOB}, seen);
  if (Atomics.load(ctl, ${STOP})) break;
  const job = Atomics.load(ctl, ${JOB});
  if (job === seen) continue;
  seen = job;
  for (let m; (m = receiveMessageOnPort(parentPort)); ) register(m.message);
  try {
    const View = views[p[0]], dims = p[1], rows = p[2], width = p[5], chunks = p[8];
    const buffer = buffers.get(p[3]), outBuffer = buffers.get(p[6]);
    const row = p[0] === 0 && dims >= ${SIMD_MIN_DIMS} ? simd.get(p[3]) : undefined;
    for (let c; (c = Atomics.add(ctl, ${NEXT}, 1)) < chunks; ) {
      const r0 = c * ${CHUNK_ROWS}, n = Math.min(${CHUNK_ROWS}, rows - r0);
      const out = new Float64Array(outBuffer, p[7] + r0 * 8, n);
      const at = p[4] + r0 * width * View.BYTES_PER_ELEMENT;
      if (row) {
        for (let r = 0; r < n; r++) out[r] = row(at + r * dims * 4, dims);
      } else {
        ${entry}(new View(buffer, at, n * width), names[p[0]], dims, n, out, halfTable, popTable);
      }
    }
  } catch (e) {
    parentPort.postMessage({ error: String((e && e.stack) || e) });
    Atomics.store(ctl, ${FAILED}, job);
  }
  Atomics.store(ctl, ${DONE}, job);
  Atomics.notify(ctl, ${DONE});
}`;
    this.worker = new Worker2(code, {
      eval: true,
      workerData: {
        tables: kernelTables(),
        module: kernelModule(),
        control: this.control.buffer,
        params: this.params.buffer
      }
    });
    this.worker.unref();
    this.worker.on("message", (m) => this.lastError = m.error ?? "");
    this.worker.on("error", (e) => this.failure ??= e);
    this.worker.on(
      "exit",
      (code2) => this.failure ??= new Error(`scan worker exited with code ${code2}`)
    );
  }
  /**
   * Posts rowSquareSums for `rows` rows of `values` into `out`, in chunks for both threads:
   * the worker starts on them at once, this thread joins with {@link help}, and
   * {@link wait} returns when all are done. Both arrays must live in SharedArrayBuffers
   * and stay untouched until then. Call only when the previous job has been waited for.
   */
  start(values, dtype, dims, rows, out) {
    if (this.failure) throw this.failure;
    const width = dtype === "binary" ? dims + 7 >> 3 : dims;
    const job = {
      id: this.next++,
      values,
      dtype,
      dims,
      rows,
      width,
      out,
      chunks: Math.ceil(rows / CHUNK_ROWS)
    };
    const p = this.params;
    p[0] = DTYPES.indexOf(dtype);
    p[1] = dims;
    p[2] = rows;
    p[3] = this.bufferId(values.buffer);
    p[4] = values.byteOffset;
    p[5] = width;
    p[6] = this.bufferId(out.buffer);
    p[7] = out.byteOffset;
    p[8] = job.chunks;
    Atomics.store(this.control, NEXT, 0);
    Atomics.store(this.control, JOB, job.id);
    Atomics.notify(this.control, JOB);
    return job;
  }
  /** Computes chunks of `job` on this thread until none is left to take. */
  help(job) {
    const { values, dtype, dims, rows, width, out, chunks } = job;
    for (let c; (c = Atomics.add(this.control, NEXT, 1)) < chunks; ) {
      const r0 = c * CHUNK_ROWS;
      const n = Math.min(CHUNK_ROWS, rows - r0);
      const part = values.subarray(r0 * width, (r0 + n) * width);
      rowSquareSums(part, dtype, dims, n, out.subarray(r0, r0 + n));
    }
  }
  /** Waits until the worker is through with `job`; rejects if it threw or is gone. */
  async wait(job) {
    for (; ; ) {
      const done = Atomics.load(this.control, DONE);
      if (done >= job.id) break;
      if (this.failure) throw this.failure;
      if (Atomics.wait(this.control, DONE, done, WAIT_SLICE_MS) === "timed-out") {
        await new Promise((resolve8) => setImmediate(resolve8));
      }
    }
    if (Atomics.load(this.control, FAILED) === job.id) {
      await new Promise((resolve8) => setImmediate(resolve8));
      throw new Error(`scan worker: ${this.lastError || "job failed"}`);
    }
  }
  /** The worker's number for `buffer`, sending the buffer first if it has none yet. */
  bufferId(buffer) {
    let id = this.buffers.get(buffer);
    if (id === void 0) {
      id = this.nextBuffer++;
      this.buffers.set(buffer, id);
      this.worker.postMessage({ register: id, buffer, memory: wasmMemoryOf(buffer) });
    }
    return id;
  }
  async close() {
    this.failure ??= new Error("scan worker closed");
    Atomics.store(this.control, STOP, 1);
    Atomics.notify(this.control, JOB);
    await this.worker.terminate();
  }
};
function shareable(values, out) {
  return values.buffer instanceof SharedArrayBuffer && out.buffer instanceof SharedArrayBuffer;
}
var RowSums = class {
  sums = new Float64Array(0);
  worker;
  disabled;
  /**
   * @param parallel whether to use a worker at all (the scan decides from the file size:
   *   starting one costs tens of milliseconds, which it spends on the other core while the
   *   first batch is read, since it is started here)
   */
  constructor(parallel) {
    this.disabled = !parallel;
    if (parallel) this.worker = new KernelWorker();
  }
  /** Sums for the batch's rows (valid until the next call), with `meanwhile` run in between. */
  async compute(values, dtype, dims, rows, meanwhile) {
    if (this.sums.length < rows)
      this.sums = new Float64Array(new SharedArrayBuffer(8 * Math.max(rows, 1024)));
    const sums = this.sums.subarray(0, rows);
    if (this.disabled || rows < 2 * CHUNK_ROWS || !shareable(values, sums)) {
      rowSquareSums(values, dtype, dims, rows, sums);
      meanwhile();
      return this.sums;
    }
    this.worker ??= new KernelWorker();
    let job;
    try {
      job = this.worker.start(values, dtype, dims, rows, sums);
    } catch {
      this.disabled = true;
    }
    meanwhile();
    if (!job) {
      rowSquareSums(values, dtype, dims, rows, sums);
      return this.sums;
    }
    this.worker.help(job);
    try {
      await this.worker.wait(job);
    } catch {
      this.disabled = true;
      rowSquareSums(values, dtype, dims, rows, sums);
    }
    return this.sums;
  }
  async close() {
    await this.worker?.close();
  }
};

// src/vectors/exact-sum.ts
var ExactSum = class _ExactSum {
  partials = [];
  /** Adds a finite value. */
  add(x) {
    const p = this.partials;
    let i = 0;
    for (let j = 0; j < p.length; j++) {
      let y = p[j];
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) p[i++] = lo;
      x = hi;
    }
    p.length = i;
    p.push(x);
  }
  /** Adds every term of `other` (which is left unchanged). */
  merge(other) {
    for (const x of other.partials) this.add(x);
  }
  /** The non-overlapping partials, smallest first: the whole state, for a partial result file. */
  terms() {
    return [...this.partials];
  }
  /** A sum holding exactly these terms (from {@link ExactSum.terms}). */
  static of(terms) {
    const s = new _ExactSum();
    for (const t of terms) s.add(t);
    return s;
  }
  /** The correctly rounded sum (round-half-even), as `math.fsum` computes it. */
  value() {
    const p = this.partials;
    let n = p.length;
    if (n === 0) return 0;
    let hi = p[--n];
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = p[--n];
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0) break;
    }
    if (n > 0 && (lo < 0 && p[n - 1] < 0 || lo > 0 && p[n - 1] > 0)) {
      const y = lo * 2;
      const x = hi + y;
      const yr = x - hi;
      if (y === yr) hi = x;
    }
    return hi;
  }
};

// src/vectors/sketch.ts
var DEFAULT_RELATIVE_ACCURACY = 1e-4;
var MAX_BUCKETS = 1 << 20;
var QuantileSketch = class {
  relativeAccuracy;
  logGamma;
  gamma;
  counts = new Float64Array(0);
  /** Bucket index of counts[0]. */
  base = 0;
  /** Lowest and highest bucket index held in `counts`. */
  denseLow = Infinity;
  denseHigh = -Infinity;
  /** Buckets outside the dense window once it has reached MAX_BUCKETS. */
  outliers = /* @__PURE__ */ new Map();
  zeros = 0;
  n = 0;
  lo = Infinity;
  hi = -Infinity;
  constructor(relativeAccuracy = DEFAULT_RELATIVE_ACCURACY) {
    if (!(relativeAccuracy > 0 && relativeAccuracy < 1)) {
      throw new RangeError(`relativeAccuracy must be in (0, 1), got ${relativeAccuracy}`);
    }
    this.relativeAccuracy = relativeAccuracy;
    this.gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
    this.logGamma = Math.log(this.gamma);
  }
  /** Values added so far. */
  get count() {
    return this.n;
  }
  /** Adds a finite value ≥ 0. */
  add(x) {
    if (!(x >= 0) || x === Infinity)
      throw new RangeError(`QuantileSketch takes finite values >= 0, got ${x}`);
    this.n++;
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
    if (x === 0) {
      this.zeros++;
      return;
    }
    const i = Math.ceil(Math.log(x) / this.logGamma);
    const k = i - this.base;
    if (k >= 0 && k < this.counts.length) {
      this.counts[k] += 1;
      if (i < this.denseLow) this.denseLow = i;
      if (i > this.denseHigh) this.denseHigh = i;
    } else if (!this.grow(i)) {
      this.outliers.set(i, (this.outliers.get(i) ?? 0) + 1);
    }
  }
  /**
   * The value at quantile q ∈ [0, 1]: within relative accuracy of the order statistic
   * x₍⌊q(n−1)⌋₎. NaN when empty.
   */
  quantile(q) {
    if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile must be in [0, 1], got ${q}`);
    if (this.n === 0) return Number.NaN;
    const rank = Math.floor(q * (this.n - 1));
    if (rank < this.zeros) return 0;
    let seen = this.zeros;
    const top = this.base + this.counts.length;
    const outside2 = [...this.outliers.keys()].sort((a, b) => a - b);
    const below = outside2.filter((i) => i < this.base);
    const above2 = outside2.filter((i) => i >= top);
    for (const i of below) {
      seen += this.outliers.get(i);
      if (seen > rank) return this.valueOf(i);
    }
    for (let k = 0; k < this.counts.length; k++) {
      seen += this.counts[k];
      if (seen > rank) return this.valueOf(this.base + k);
    }
    for (const i of above2) {
      seen += this.outliers.get(i);
      if (seen > rank) return this.valueOf(i);
    }
    return this.hi;
  }
  /**
   * The whole state as plain numbers — every non-empty bucket with its count, the zeros, the
   * exact extremes — so a sketch can travel in a partial result file and be merged.
   */
  state() {
    const buckets = [];
    for (let k = 0; k < this.counts.length; k++)
      if (this.counts[k] > 0) buckets.push([this.base + k, this.counts[k]]);
    for (const [i, c] of this.outliers) buckets.push([i, c]);
    buckets.sort((a, b) => a[0] - b[0]);
    return {
      relativeAccuracy: this.relativeAccuracy,
      count: this.n,
      zeros: this.zeros,
      ...this.n > 0 && { min: this.lo, max: this.hi },
      buckets
    };
  }
  /**
   * Adds another sketch's state. Buckets are fixed by the relative accuracy alone, so the
   * merged counts — and so every quantile — equal those of one sketch fed every value.
   */
  merge(other) {
    if (other.relativeAccuracy !== this.relativeAccuracy)
      throw new RangeError(
        `cannot merge sketches of relative accuracy ${other.relativeAccuracy} and ${this.relativeAccuracy}`
      );
    if (other.count === 0) return;
    this.n += other.count;
    this.zeros += other.zeros;
    if (other.min < this.lo) this.lo = other.min;
    if (other.max > this.hi) this.hi = other.max;
    for (const [i, c] of other.buckets) {
      const k = i - this.base;
      if (k >= 0 && k < this.counts.length) {
        this.counts[k] += c;
        if (i < this.denseLow) this.denseLow = i;
        if (i > this.denseHigh) this.denseHigh = i;
      } else if (this.grow(i)) {
        this.counts[i - this.base] += c - 1;
      } else {
        this.outliers.set(i, (this.outliers.get(i) ?? 0) + c);
      }
    }
  }
  /** Bucket i's representative, clamped to the exact extremes (which can only bring it closer). */
  valueOf(i) {
    return Math.min(this.hi, Math.max(this.lo, 2 * this.gamma ** i / (this.gamma + 1)));
  }
  /**
   * Widens the dense window to take bucket i, keeping slack on both sides equal to the span
   * in use so a drifting range reallocates only when its span doubles. Returns false (the
   * caller then uses the outlier map) when the window is already at MAX_BUCKETS or would
   * have to exceed it.
   */
  grow(i) {
    if (this.counts.length >= MAX_BUCKETS) return false;
    const low = Math.min(this.denseLow, i);
    const high = Math.max(this.denseHigh, i);
    const span = high - low + 1;
    if (span > MAX_BUCKETS) return false;
    const size = Math.min(MAX_BUCKETS, Math.max(1024, 2 * span));
    const base = low - (size - span >> 1);
    const next = new Float64Array(size);
    const from = Math.max(base, this.base);
    const to = Math.min(base + size, this.base + this.counts.length);
    if (to > from) next.set(this.counts.subarray(from - this.base, to - this.base), from - base);
    next[i - base] += 1;
    this.counts = next;
    this.base = base;
    this.denseLow = low;
    this.denseHigh = high;
    return true;
  }
};

// src/vectors/scan.ts
var QUANTILE_GRID = Array.from({ length: 21 }, (_, i) => i / 20);
var TINY_SQUARE_SUM = 2 ** -960;
async function scanVectors(source, opts = {}) {
  const { info } = source;
  const maxExamples = opts.maxExamples ?? 5;
  const tolerance = opts.normTolerance ?? 1e-3;
  const binary = info.dtype === "binary";
  const checkUnit = opts.expectUnitNorm === true && !binary;
  const nonFinite = { rows: 0, values: 0, examples: [] };
  const zero = { rows: 0, examples: [] };
  const sketch = new QuantileSketch(DEFAULT_RELATIVE_ACCURACY);
  const normSum = new ExactSum();
  let normMin = Infinity;
  let normMax = -Infinity;
  const unit = { rows: 0, examples: [] };
  let worst;
  const ids = info.hasIds ? new IdTracker(info.rows, maxExamples, info.path) : void 0;
  const valueBytes = (info.rows ?? 0) * (binary ? info.dims + 7 >> 3 : info.dims * BYTES[info.dtype]);
  const threads = opts.threads ?? (availableParallelism() >= 2 ? 2 : 1);
  const parallel = threads >= 2 && valueBytes >= (opts.parallelMinBytes ?? 64 << 20);
  const rowSums2 = new RowSums(parallel);
  let rows = 0;
  try {
    for await (const batch of source.batches()) {
      if (batch.dims !== info.dims || batch.dtype !== info.dtype || batch.rowOffset !== rows) {
        throw new VectorFileError(
          info.path,
          `reader produced an inconsistent batch (expected ${info.dims} \xD7 ${info.dtype} from row ${rows}, got ${batch.dims} \xD7 ${batch.dtype} from row ${batch.rowOffset})`,
          { row: batch.rowOffset }
        );
      }
      const n = batch.rows;
      const first = rows;
      const ref = (r) => ({
        row: first + r,
        id: batch.ids ? batch.ids[r] : String(first + r)
      });
      const sums = await rowSums2.compute(
        batch.values,
        batch.dtype,
        batch.dims,
        n,
        () => ids?.add(batch, ref)
      );
      for (let r = 0; r < n; r++) {
        const s = sums[r];
        let norm;
        if (binary) {
          norm = s;
        } else if (s > TINY_SQUARE_SUM && s < Infinity) {
          norm = Math.sqrt(s);
        } else if (s === 0 && batch.dtype !== "float64") {
          norm = 0;
        } else {
          const bad = s === s && s !== Infinity ? 0 : rowNonFiniteCount(batch.values, batch.dtype, batch.dims, r);
          if (bad > 0) {
            nonFinite.rows++;
            nonFinite.values += bad;
            if (nonFinite.examples.length < maxExamples) nonFinite.examples.push(ref(r));
            continue;
          }
          norm = rowScaledNorm(batch.values, batch.dtype, batch.dims, r);
        }
        if (norm === 0) {
          zero.rows++;
          if (zero.examples.length < maxExamples) zero.examples.push(ref(r));
        }
        sketch.add(norm);
        normSum.add(norm);
        if (norm < normMin) normMin = norm;
        if (norm > normMax) normMax = norm;
        if (checkUnit) {
          const deviation = Math.abs(norm - 1);
          if (deviation > tolerance) {
            unit.rows++;
            if (unit.examples.length < maxExamples) unit.examples.push(ref(r));
          }
          if (!worst || deviation > worst.deviation) worst = { ...ref(r), norm, deviation };
        }
      }
      rows += n;
      opts.onRows?.(rows, info.rows);
    }
  } finally {
    await rowSums2.close();
  }
  const count3 = sketch.count;
  return {
    rows,
    dims: info.dims,
    dtype: info.dtype,
    nonFinite,
    zero,
    ...count3 > 0 && {
      norms: {
        kind: binary ? "popcount" : "l2",
        count: count3,
        min: normMin,
        mean: normSum.value() / count3,
        max: normMax,
        p1: sketch.quantile(0.01),
        p99: sketch.quantile(0.99),
        relativeAccuracy: sketch.relativeAccuracy,
        quantiles: QUANTILE_GRID.map((q) => sketch.quantile(q))
      }
    },
    ...checkUnit && {
      unitNorm: { tolerance, rows: unit.rows, examples: unit.examples, ...worst && { worst } }
    },
    ...ids && { ids: ids.stats(opts.collectIds === true) },
    ...opts.keepState && { normState: { sketch: sketch.state(), sumTerms: normSum.terms() } }
  };
}
var BYTES = {
  float32: 4,
  float16: 2,
  float64: 8,
  int8: 1,
  uint8: 1,
  binary: 1
};
var IdTracker = class {
  constructor(rows, maxExamples, path) {
    this.maxExamples = maxExamples;
    this.path = path;
    this.seen = new IdSet(Math.min(rows ?? 1024, 1 << 21));
  }
  maxExamples;
  path;
  // Pre-sized from the row count when known (capped: a huge file grows it as it goes).
  seen;
  duplicates = 0;
  examples = [];
  reported = /* @__PURE__ */ new Set();
  add(batch, ref) {
    const repeated = (r) => {
      this.duplicates++;
      if (this.examples.length >= this.maxExamples) return;
      const example = ref(r);
      if (this.reported.has(example.id)) return;
      this.reported.add(example.id);
      this.examples.push(example);
    };
    if (batch.idBytes) {
      this.seen.addBatch(batch.idBytes.offsets, batch.idBytes.data, batch.rows, repeated);
      return;
    }
    const ids = batch.ids;
    if (!ids) {
      throw new VectorFileError(this.path, "reader produced a batch without ids", {
        row: batch.rowOffset
      });
    }
    for (let r = 0; r < batch.rows; r++) if (!this.seen.add(ids[r])) repeated(r);
  }
  stats(collect) {
    return {
      unique: this.seen.size,
      duplicates: this.duplicates,
      duplicateExamples: this.examples,
      ...collect && { set: this.seen }
    };
  }
};

// src/release/compat-sample.ts
function seededHash(id, seed) {
  let h1 = (seed ^ 2654435769) >>> 0;
  let h2 = (Math.imul(seed, 2246822507) ^ 3266489909) >>> 0;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 3432918353);
    h1 = (h1 << 15 | h1 >>> 17) >>> 0;
    h2 = Math.imul(h2 ^ c, 461845907);
    h2 = (h2 << 13 | h2 >>> 19) >>> 0;
  }
  h1 = fmix(h1 ^ id.length);
  h2 = fmix(h2 ^ h1);
  return (h1 >>> 0) * 2 ** 21 + (h2 >>> 11);
}
function fmix(h) {
  h = Math.imul(h ^ h >>> 16, 2246822507);
  h = Math.imul(h ^ h >>> 13, 3266489909);
  return (h ^ h >>> 16) >>> 0;
}
function bottomK(keys, size, seed) {
  const heap = [];
  const above2 = (a, b) => a.h > b.h || a.h === b.h && a.key > b.key;
  for (const key of keys) {
    const item = { key, h: seededHash(key, seed) };
    if (heap.length < size) {
      heap.push(item);
      for (let c = heap.length - 1; c > 0; ) {
        const p = c - 1 >> 1;
        if (!above2(heap[c], heap[p])) break;
        [heap[c], heap[p]] = [heap[p], heap[c]];
        c = p;
      }
    } else if (size > 0 && above2(heap[0], item)) {
      heap[0] = item;
      for (let p = 0; ; ) {
        const l = 2 * p + 1;
        const r = l + 1;
        let top = p;
        if (l < heap.length && above2(heap[l], heap[top])) top = l;
        if (r < heap.length && above2(heap[r], heap[top])) top = r;
        if (top === p) break;
        [heap[top], heap[p]] = [heap[p], heap[top]];
        p = top;
      }
    }
  }
  return heap.sort((a, b) => above2(a, b) ? 1 : -1).map((e) => e.key);
}
function* sharedKeys(baseline, candidate, by) {
  if (by === "row") {
    const n = Math.min(baseline.rows, candidate.rows);
    for (let r = 0; r < n; r++) yield String(r);
    return;
  }
  const [small, large] = baseline.ids.size <= candidate.ids.size ? [baseline.ids, candidate.ids] : [candidate.ids, baseline.ids];
  for (const id of small) if (large.has(id)) yield id;
}
async function readSampledRows(source, wanted, by) {
  const dims = source.info.dims;
  const values = new Float32Array(wanted.size * dims);
  const seen = new Uint8Array(wanted.size);
  let found2 = 0;
  for await (const batch of source.batches()) {
    for (let r = 0; r < batch.rows; r++) {
      const key = by === "id" && batch.ids ? batch.ids[r] : String(batch.rowOffset + r);
      const at = wanted.get(key);
      if (at === void 0 || seen[at]) continue;
      seen[at] = 1;
      found2++;
      decodeRow(batch, r, values, at * dims);
    }
    if (found2 === wanted.size) break;
  }
  return { values, dims, found: found2 };
}
function decodeRow(batch, r, out, offset) {
  const d = batch.dims;
  switch (batch.dtype) {
    case "float16": {
      const table2 = float16Table();
      const v = batch.values;
      for (let t = 0; t < d; t++) out[offset + t] = table2[v[r * d + t]];
      return;
    }
    case "binary": {
      const bytes = batch.values;
      const rowBytes = Math.ceil(d / 8);
      for (let t = 0; t < d; t++) {
        const bit = bytes[r * rowBytes + (t >> 3)] >> 7 - (t & 7) & 1;
        out[offset + t] = bit ? 1 : -1;
      }
      return;
    }
    default: {
      const v = batch.values;
      for (let t = 0; t < d; t++) out[offset + t] = v[r * d + t];
    }
  }
}

// src/gate/shard-sample.ts
var above = (a, b) => a.h > b.h || a.h === b.h && a.key > b.key;
var atOrBelow = (a, cutoff) => !cutoff || !above(a, cutoff);
function keepFor(size, count3) {
  return Math.ceil(2 * size / count3) + 64;
}
var SliceSampler = class {
  constructor(seed, keep, collectIds) {
    this.seed = seed;
    this.keep = keep;
    this.collectIds = collectIds;
  }
  seed;
  keep;
  collectIds;
  heap = [];
  members = /* @__PURE__ */ new Map();
  by = "row";
  dims = 0;
  overflowed = false;
  /** The file's header: ids match by id when the run collects them and the file has them. */
  start(info) {
    this.by = this.collectIds && info.hasIds ? "id" : "row";
    this.dims = info.dims;
  }
  /** One batch of the slice; `globalRow` maps a slice row to the file's. */
  add(batch, globalRow) {
    for (let r = 0; r < batch.rows; r++) {
      const row = globalRow(batch.rowOffset + r);
      const key = this.by === "id" && batch.ids ? batch.ids[r] : String(row);
      if (this.members.has(key)) continue;
      const rank = { h: seededHash(key, this.seed), key };
      const heap = this.heap;
      if (heap.length >= this.keep) {
        this.overflowed = true;
        if (this.keep === 0 || !above(heap[0], rank)) continue;
      }
      const values = new Float32Array(this.dims);
      decodeRow(batch, r, values, 0);
      const entry = { ...rank, row, values };
      this.members.set(key, entry);
      if (heap.length < this.keep) {
        heap.push(entry);
        siftUp(heap, heap.length - 1);
      } else {
        this.members.delete(heap[0].key);
        heap[0] = entry;
        siftDown(heap, 0);
      }
    }
  }
  /** The candidates, sorted by rank. */
  result() {
    const sorted = [...this.heap].sort((a, b) => above(a, b) ? 1 : -1);
    const last = sorted[sorted.length - 1];
    return {
      by: this.by,
      seed: this.seed,
      dims: this.dims,
      ...this.overflowed && { cutoff: last ? { h: last.h, key: last.key } : { h: -1, key: "" } },
      rows: sorted.map((e) => ({ key: e.key, h: e.h, row: e.row, values: base64Of(e.values) }))
    };
  }
};
function siftUp(heap, c) {
  while (c > 0) {
    const p = c - 1 >> 1;
    if (!above(heap[c], heap[p])) return;
    [heap[c], heap[p]] = [heap[p], heap[c]];
    c = p;
  }
}
function siftDown(heap, p) {
  for (; ; ) {
    const l = 2 * p + 1;
    const r = l + 1;
    let top = p;
    if (l < heap.length && above(heap[l], heap[top])) top = l;
    if (r < heap.length && above(heap[r], heap[top])) top = r;
    if (top === p) return;
    [heap[top], heap[p]] = [heap[p], heap[top]];
    p = top;
  }
}
function base64Of(values) {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString("base64");
}
function decode(text, dims) {
  const bytes = Buffer.from(text, "base64");
  const out = new Float32Array(dims);
  new Uint8Array(out.buffer).set(bytes.subarray(0, dims * 4));
  return out;
}
function mergeSampleCandidates(a, b) {
  if (a.by !== b.by || a.seed !== b.seed || a.dims !== b.dims) return void 0;
  const cutoff = a.cutoff && b.cutoff ? above(a.cutoff, b.cutoff) ? b.cutoff : a.cutoff : a.cutoff ?? b.cutoff;
  const byKey = /* @__PURE__ */ new Map();
  for (const row of [...a.rows, ...b.rows]) {
    if (!atOrBelow(row, cutoff)) continue;
    const other = byKey.get(row.key);
    if (!other || row.row < other.row) byKey.set(row.key, row);
  }
  return {
    by: a.by,
    seed: a.seed,
    dims: a.dims,
    ...cutoff && { cutoff },
    rows: [...byKey.values()].sort((x, y) => above(x, y) ? 1 : -1)
  };
}
function candidatesReader(byPath, whole, used = { merged: 0, whole: 0 }) {
  return async (version, wanted, by) => {
    const fromShards = fromCandidates(byPath.get(version.path), wanted, by);
    if (fromShards) {
      used.merged++;
      return fromShards;
    }
    used.whole++;
    return whole(version, wanted, by);
  };
}
function fromCandidates(shards, wanted, by) {
  if (!shards || shards.length === 0 || shards.some((s) => !s)) return void 0;
  let merged = shards[0];
  for (const s of shards.slice(1)) merged = merged && mergeSampleCandidates(merged, s);
  if (!merged || merged.by !== by) return void 0;
  const seed = merged.seed;
  for (const key of wanted.keys())
    if (!atOrBelow({ h: seededHash(key, seed), key }, merged.cutoff)) return void 0;
  const rows = new Map(merged.rows.map((r) => [r.key, r]));
  const values = new Float32Array(wanted.size * merged.dims);
  let found2 = 0;
  for (const [key, at] of wanted) {
    const row = rows.get(key);
    if (!row) continue;
    values.set(decode(row.values, merged.dims), at * merged.dims);
    found2++;
  }
  return { values, dims: merged.dims, found: found2 };
}

// src/gate/scan.ts
async function scanFile(request2, openSource = openLocalSource) {
  let bytes = 0;
  const parts = /* @__PURE__ */ new Map();
  const remote = /* @__PURE__ */ new Map();
  const hasher = request2.hash ? hashingOpener(openSource, (path) => path !== request2.open.idsPath) : void 0;
  const inner = hasher ? sharesLister(hasher.open, openSource) : openSource;
  const sizing = async (req) => {
    const opened2 = await inner(req);
    if (req.path === request2.path) bytes = opened2.size;
    else parts.set(req.path, opened2.size);
    const version = remoteInfoOf(opened2);
    if (version) remote.set(version.url, version);
    return opened2;
  };
  sharesLister(sizing, openSource);
  const opened = await openVectors(request2.path, request2.open, sizing);
  const sampler = request2.sample && new SliceSampler(request2.sample.seed, request2.sample.keep, request2.collectIds);
  sampler?.start(opened.info);
  const source = sampler ? {
    info: opened.info,
    async *batches() {
      for await (const batch of opened.batches()) {
        sampler.add(batch, (row) => row);
        yield batch;
      }
    },
    close: () => opened.close()
  } : opened;
  let outcome;
  try {
    const stats = await scanVectors(source, {
      expectUnitNorm: request2.expectUnitNorm,
      normTolerance: request2.normTolerance,
      collectIds: request2.collectIds,
      ...request2.onRows && { onRows: request2.onRows }
    });
    const total = bytes || [...parts.values()].reduce((a, b) => a + b, 0);
    outcome = summariseScan(stats, source.info, total, request2.displayPath, [...remote.values()]);
    if (sampler) outcome = { ...outcome, sample: sampler.result() };
  } finally {
    await source.close();
  }
  if (!hasher) return outcome;
  try {
    const digest = await digestOfVectors(request2.path, request2.open, openSource, hasher.digest);
    return { ...outcome, digest };
  } catch (e) {
    if (e instanceof SourceError) return { ...outcome, digestError: e };
    throw e;
  }
}
function digestOfVectors(path, open4, openSource = openLocalSource, hashFile) {
  return sha256Vectors(
    path,
    openSource,
    (name2) => formatFor(name2, open4) !== void 0,
    hashFile,
    open4.parts && listedParts(open4.parts, open4.partNames)
  );
}
function summariseScan(stats, info, bytes, displayPath, remote = []) {
  return {
    summary: {
      file: displayPath,
      format: info.format,
      dtype: stats.dtype,
      dims: stats.dims,
      rows: stats.rows,
      bytes,
      hasIds: info.hasIds,
      ...remote.length > 0 && {
        remote: remote.map(({ url, etag, versionId }) => ({
          url,
          ...etag && { etag },
          ...versionId && { versionId }
        }))
      },
      nonFinite: {
        rows: stats.nonFinite.rows,
        values: stats.nonFinite.values,
        firstIds: stats.nonFinite.examples.map((e) => e.id)
      },
      zero: { rows: stats.zero.rows, firstIds: stats.zero.examples.map((e) => e.id) },
      ...stats.norms && {
        norms: {
          min: stats.norms.min,
          mean: stats.norms.mean,
          max: stats.norms.max,
          p1: stats.norms.p1,
          p99: stats.norms.p99,
          quantiles: stats.norms.quantiles
        }
      },
      ...stats.ids && {
        duplicateIds: {
          count: stats.ids.duplicates,
          firstIds: stats.ids.duplicateExamples.map((e) => e.id)
        }
      }
    },
    ...stats.unitNorm && {
      outOfTolerance: {
        rows: stats.unitNorm.rows,
        firstIds: stats.unitNorm.examples.map((e) => e.id)
      }
    },
    ...stats.ids?.set && { ids: stats.ids.set }
  };
}

// src/gate/default-deps.ts
var builtByDefault = /* @__PURE__ */ new WeakSet();
function defaultDeps(openSource = openLocalSource, options = {}) {
  const local = options.workspace === void 0 ? openSource : confinedOpener(options.workspace, openSource);
  const opener = routedOpener(local, { allowRemote: options.allowRemote === true });
  const open4 = (path, opts) => openVectors(path, opts, opener);
  const scan = (request2) => scanFile(request2, opener);
  builtByDefault.add(open4);
  builtByDefault.add(scan);
  return { scan, toolVersion: VERSION, openVectors: open4, openSource: opener };
}
function confineDeps(deps, workspace, options = {}) {
  const confined = defaultDeps(deps.openSource ?? openLocalSource, {
    ...workspace !== void 0 && { workspace },
    allowRemote: options.allowRemote === true
  });
  return {
    ...deps,
    openSource: confined.openSource,
    scan: builtByDefault.has(deps.scan) ? confined.scan : deps.scan,
    ...deps.openVectors && builtByDefault.has(deps.openVectors) ? { openVectors: confined.openVectors } : {}
  };
}

// src/retrieval/errors.ts
var BenchParseError = class extends Error {
  constructor(file, line, reason) {
    super(`${file}:${line}: ${reason}`);
    this.file = file;
    this.line = line;
    this.reason = reason;
  }
  file;
  line;
  reason;
  name = "BenchParseError";
};
var UnknownMetricError = class extends Error {
  constructor(metric, validForms, detail) {
    super(
      `unknown metric ${JSON.stringify(metric)}${detail ? ` (${detail})` : ""}; valid forms: ${validForms.join(", ")}`
    );
    this.metric = metric;
    this.validForms = validForms;
  }
  metric;
  validForms;
  name = "UnknownMetricError";
};
var InvalidRunError = class extends Error {
  constructor(qid, docid, reason) {
    super(`query ${JSON.stringify(qid)}, document ${JSON.stringify(docid)}: ${reason}`);
    this.qid = qid;
    this.docid = docid;
    this.reason = reason;
  }
  qid;
  docid;
  reason;
  name = "InvalidRunError";
};
var EvaluationError = class extends Error {
  name = "EvaluationError";
};

// src/retrieval/knn-input.ts
var KnnInputError = class extends Error {
  constructor(problem, message) {
    super(message);
    this.problem = problem;
  }
  problem;
  name = "KnnInputError";
};
var KNN_DTYPES = ["float32", "float16", "int8"];
function knnDType(dtype, what) {
  if (!KNN_DTYPES.includes(dtype)) {
    throw new KnnInputError(
      "unsupported-dtype",
      `${what}: exact kNN supports float32, float16 and int8 vectors, found ${dtype}`
    );
  }
  return dtype;
}
var ARRAY_FOR = { float32: Float32Array, float16: Uint16Array, int8: Int8Array };
function checkQueries(queries, corpus) {
  const { rows, dims, dtype, values, ids } = queries;
  knnDType(dtype, "queries");
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(dims) || dims < 1) {
    throw new KnnInputError(
      "bad-shape",
      `queries: rows ${rows} and dims ${dims} must be integers, dims \u2265 1`
    );
  }
  if (!(values instanceof ARRAY_FOR[dtype])) {
    throw new KnnInputError(
      "bad-shape",
      `queries: ${dtype} values must be a ${ARRAY_FOR[dtype].name}, got ${values.constructor.name}`
    );
  }
  if (values.length !== rows * dims) {
    throw new KnnInputError(
      "bad-shape",
      `queries: ${rows} \xD7 ${dims} needs ${rows * dims} values, found ${values.length}`
    );
  }
  if (ids && ids.length !== rows) {
    throw new KnnInputError("bad-shape", `queries: ${rows} rows but ${ids.length} ids`);
  }
  const info = corpus.info;
  if (info.dims !== dims) {
    throw new KnnInputError(
      "dims-mismatch",
      `queries have ${dims} dims but corpus ${info.path} has ${info.dims}: both must come from the same embedding model`
    );
  }
  if (info.dtype !== dtype) {
    knnDType(info.dtype, `corpus ${info.path}`);
    throw new KnnInputError(
      "dtype-mismatch",
      `queries are ${dtype} but corpus ${info.path} is ${info.dtype}: convert one side so both use the same dtype`
    );
  }
}
function prepareQueries(queries, metric) {
  const { rows, dims } = queries;
  let out;
  if (queries.dtype === "float16") {
    const table2 = float16Table();
    const bits = queries.values;
    out = new Float32Array(bits.length);
    for (let i = 0; i < bits.length; i++) out[i] = table2[bits[i]];
  } else {
    out = Float32Array.from(queries.values);
  }
  if (metric === "dot") return { values: out };
  const norms = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let sum2 = 0;
    for (let j = r * dims, end = j + dims; j < end; j++)
      sum2 += out[j] * out[j];
    norms[r] = sum2;
  }
  if (metric === "l2") return { values: out, squaredNorms: norms };
  for (let r = 0; r < rows; r++) {
    const n = norms[r];
    if (n === 0) continue;
    const inv = 1 / Math.sqrt(n);
    for (let j = r * dims, end = j + dims; j < end; j++) out[j] = out[j] * inv;
  }
  return { values: out };
}
async function readQueries(source) {
  const dtype = knnDType(source.info.dtype, `queries ${source.info.path}`);
  const dims = source.info.dims;
  const Ctor = ARRAY_FOR[dtype];
  const parts = [];
  const ids = [];
  let rows = 0;
  let hasIds = true;
  for await (const batch of source.batches()) {
    if (batch.dims !== dims || !(batch.values instanceof Ctor)) {
      throw new KnnInputError(
        "bad-shape",
        `queries ${source.info.path}: batch at row ${batch.rowOffset} is ${batch.dtype} \xD7 ${batch.dims}, expected ${dtype} \xD7 ${dims}`
      );
    }
    parts.push(batch.values.slice(0, batch.rows * dims));
    if (batch.ids) ids.push(...batch.ids);
    else hasIds = false;
    rows += batch.rows;
  }
  const values = new Ctor(rows * dims);
  let at = 0;
  for (const p of parts) {
    values.set(p, at);
    at += p.length;
  }
  return { values, rows, dims, dtype, ids: hasIds && rows > 0 ? ids : void 0 };
}

// src/fsutil/atomic-write.ts
import { randomBytes } from "node:crypto";
import { mkdir, open as open2, rename, rm } from "node:fs/promises";
import { basename, dirname, join as join2 } from "node:path";
async function replaceFile(file, fill) {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = join2(dir, `.${basename(file)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  const handle = await open2(temp, "wx", 420);
  try {
    await fill(handle);
    await handle.sync();
    await handle.close();
    await rename(temp, file);
  } catch (err) {
    await handle.close().catch(() => void 0);
    await rm(temp, { force: true });
    throw err;
  }
}
async function writeFileAtomic(file, data) {
  await replaceFile(file, async (handle) => {
    await handle.writeFile(data);
  });
}
async function writeLinesAtomic(file, lines) {
  await replaceFile(file, async (handle) => {
    let buffer = "";
    for (const line of lines) {
      buffer += line;
      if (buffer.length >= 1 << 20) {
        await handle.write(buffer);
        buffer = "";
      }
    }
    await handle.write(buffer);
  });
}

// src/config/findings.ts
var SEVERITY_RANK = { error: 3, warning: 2, info: 1 };
function formatLocation(loc) {
  if (!loc) return "";
  let s = loc.file;
  if (loc.line !== void 0) {
    s += `:${loc.line}`;
    if (loc.column !== void 0) s += `:${loc.column}`;
  } else if (loc.byte !== void 0) {
    s += ` (byte ${loc.byte})`;
  } else if (loc.row !== void 0) {
    s += loc.id !== void 0 ? ` (row ${loc.row}, id ${JSON.stringify(loc.id)})` : ` (row ${loc.row})`;
  } else if (loc.id !== void 0) {
    s += ` (id ${JSON.stringify(loc.id)})`;
  }
  return s;
}
function sortFindings(findings) {
  return [...findings].sort(
    (a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || (a.location?.file ?? "").localeCompare(b.location?.file ?? "") || (a.location?.line ?? 0) - (b.location?.line ?? 0) || a.id.localeCompare(b.id)
  );
}

// src/onnx/proto.ts
var TensorDataType = {
  float32: 1,
  uint8: 2,
  int8: 3,
  uint16: 4,
  int16: 5,
  int32: 6,
  int64: 7,
  string: 8,
  bool: 9,
  float16: 10,
  float64: 11,
  uint32: 12,
  uint64: 13
};
var AttributeType = {
  float: 1,
  int: 2,
  string: 3,
  tensor: 4,
  graph: 5,
  floats: 6,
  ints: 7,
  strings: 8
};
var WIRE_VARINT = 0;
var WIRE_LEN = 2;
var WIRE_FIXED32 = 5;
var TEXT = new TextEncoder();
var ProtoWriter = class {
  buf = new Uint8Array(256);
  len = 0;
  reserve(n) {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }
  /** Writes a varint; negative values are written as 64-bit two's complement (10 bytes). */
  varint(value) {
    if (typeof value === "number") {
      if (!Number.isSafeInteger(value))
        throw new RangeError(`varint: ${value} is not a safe integer`);
      if (value >= 0 && value < 2147483648) {
        this.reserve(5);
        let v2 = value;
        while (v2 >= 128) {
          this.buf[this.len++] = v2 & 127 | 128;
          v2 >>>= 7;
        }
        this.buf[this.len++] = v2;
        return this;
      }
      value = BigInt(value);
    }
    let v = BigInt.asUintN(64, value);
    this.reserve(10);
    while (v >= 0x80n) {
      this.buf[this.len++] = Number(v & 0x7fn) | 128;
      v >>= 7n;
    }
    this.buf[this.len++] = Number(v);
    return this;
  }
  tag(field, wire) {
    this.varint(field * 8 + wire);
  }
  /** int32, int64, uint64 and enum fields all use the varint encoding. */
  intField(field, value) {
    this.tag(field, WIRE_VARINT);
    return this.varint(value);
  }
  floatField(field, value) {
    this.tag(field, WIRE_FIXED32);
    this.reserve(4);
    new DataView(this.buf.buffer, this.buf.byteOffset).setFloat32(this.len, value, true);
    this.len += 4;
    return this;
  }
  bytesField(field, bytes) {
    this.tag(field, WIRE_LEN);
    this.varint(bytes.length);
    this.reserve(bytes.length);
    this.buf.set(bytes, this.len);
    this.len += bytes.length;
    return this;
  }
  stringField(field, value) {
    return this.bytesField(field, TEXT.encode(value));
  }
  /** Writes the string only when it is non-empty (proto2 optional left unset). */
  optionalString(field, value) {
    return value ? this.stringField(field, value) : this;
  }
  /** The bytes written so far (a view, valid until the next write). */
  finish() {
    return this.buf.subarray(0, this.len);
  }
};
function encodeTensor(t) {
  const w = new ProtoWriter();
  for (const d of t.dims) w.intField(1, d);
  w.intField(2, TensorDataType[t.dataType]);
  if (t.dataType === "string") for (const s of t.stringData ?? []) w.stringField(6, s);
  w.optionalString(8, t.name);
  if (t.dataType !== "string") w.bytesField(9, t.rawData ?? new Uint8Array(0));
  return w.finish();
}
function encodeAttribute(a) {
  const w = new ProtoWriter();
  w.stringField(1, a.name);
  switch (a.type) {
    case "float":
      w.floatField(2, a.value);
      break;
    case "int":
      w.intField(3, a.value);
      break;
    case "string":
      w.stringField(4, a.value);
      break;
    case "tensor":
      w.bytesField(5, encodeTensor(a.value));
      break;
    case "graph":
      w.bytesField(6, encodeGraph(a.value));
      break;
    case "floats":
      for (const f of a.value) w.floatField(7, f);
      break;
    case "ints":
      for (const i of a.value) w.intField(8, i);
      break;
    case "strings":
      for (const s of a.value) w.stringField(9, s);
      break;
  }
  w.intField(20, AttributeType[a.type]);
  return w.finish();
}
function encodeNode(n) {
  const w = new ProtoWriter();
  for (const i of n.inputs) w.stringField(1, i);
  for (const o of n.outputs) w.stringField(2, o);
  w.optionalString(3, n.name);
  w.stringField(4, n.opType);
  for (const a of n.attributes ?? []) w.bytesField(5, encodeAttribute(a));
  w.optionalString(6, n.docString);
  w.optionalString(7, n.domain);
  return w.finish();
}
function encodeValueInfo(v) {
  const tensorType = new ProtoWriter().intField(1, TensorDataType[v.elemType]);
  if (v.shape) {
    const shape = new ProtoWriter();
    for (const d of v.shape) {
      const dim = new ProtoWriter();
      if (typeof d === "number") dim.intField(1, d);
      else if (typeof d === "string") dim.stringField(2, d);
      shape.bytesField(1, dim.finish());
    }
    tensorType.bytesField(2, shape.finish());
  }
  const type = new ProtoWriter().bytesField(1, tensorType.finish());
  const w = new ProtoWriter();
  w.stringField(1, v.name);
  w.bytesField(2, type.finish());
  w.optionalString(3, v.docString);
  return w.finish();
}
function encodeGraph(g) {
  const w = new ProtoWriter();
  for (const n of g.nodes) w.bytesField(1, encodeNode(n));
  w.stringField(2, g.name);
  for (const t of g.initializers) w.bytesField(5, encodeTensor(t));
  w.optionalString(10, g.docString);
  for (const v of g.inputs) w.bytesField(11, encodeValueInfo(v));
  for (const v of g.outputs) w.bytesField(12, encodeValueInfo(v));
  for (const v of g.valueInfo ?? []) w.bytesField(13, encodeValueInfo(v));
  return w.finish();
}
function encodeModel(m) {
  const w = new ProtoWriter();
  w.intField(1, m.irVersion);
  w.optionalString(2, m.producerName);
  w.optionalString(3, m.producerVersion);
  w.optionalString(4, m.domain);
  if (m.modelVersion !== void 0) w.intField(5, m.modelVersion);
  w.optionalString(6, m.docString);
  w.bytesField(7, encodeGraph(m.graph));
  for (const o of m.opsetImports) {
    const op2 = new ProtoWriter();
    op2.stringField(1, o.domain ?? "");
    op2.intField(2, o.version);
    w.bytesField(8, op2.finish());
  }
  for (const [key, value] of Object.entries(m.metadataProps ?? {})) {
    const kv = new ProtoWriter().stringField(1, key).stringField(2, value);
    w.bytesField(14, kv.finish());
  }
  return w.finish().slice();
}

// src/onnx/graph.ts
var DEFAULT_OPSET = 21;
var IR_FOR_OPSET = {
  17: 8,
  18: 8,
  19: 9,
  20: 9,
  21: 10
};
var OnnxBuildError = class extends Error {
  name = "OnnxBuildError";
};
function float(value) {
  return { kind: "float", value };
}
var TYPED_FOR = {
  float32: (n) => Float32Array.from(n),
  float64: (n) => Float64Array.from(n),
  int8: (n) => Int8Array.from(n),
  uint8: (n) => Uint8Array.from(n),
  bool: (n) => Uint8Array.from(n, (x) => x ? 1 : 0),
  int16: (n) => Int16Array.from(n),
  uint16: (n) => Uint16Array.from(n),
  // float16 from plain numbers would need rounding; give raw bits as a Uint16Array instead.
  float16: () => {
    throw new OnnxBuildError("float16 tensor data must be given as raw bits in a Uint16Array");
  },
  int32: (n) => Int32Array.from(n),
  uint32: (n) => Uint32Array.from(n),
  int64: (n) => BigInt64Array.from(n, (x) => BigInt(x)),
  uint64: (n) => BigUint64Array.from(n, (x) => BigInt(x))
};
var BYTES_PER = {
  float32: 4,
  float64: 8,
  int8: 1,
  uint8: 1,
  bool: 1,
  int16: 2,
  uint16: 2,
  float16: 2,
  int32: 4,
  uint32: 4,
  int64: 8,
  uint64: 8
};
var LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
function makeTensor(type, dims, data, name2) {
  const count3 = dims.reduce((a, b) => a * b, 1);
  const length = data.length;
  if (length !== count3) {
    throw new OnnxBuildError(
      `tensor ${name2 ?? "(unnamed)"}: shape [${dims.join(", ")}] needs ${count3} elements, data has ${length}`
    );
  }
  if (type === "string") {
    return { name: name2, dims, dataType: type, stringData: data.map(String) };
  }
  if (!LITTLE_ENDIAN) throw new OnnxBuildError("tensor data: big-endian hosts are not supported");
  let view;
  if (ArrayBuffer.isView(data)) {
    view = data;
    const size = data.BYTES_PER_ELEMENT;
    if (size !== BYTES_PER[type]) {
      throw new OnnxBuildError(
        `tensor ${name2 ?? "(unnamed)"}: ${type} needs ${BYTES_PER[type]}-byte elements, got ${data.constructor.name}`
      );
    }
  } else {
    view = TYPED_FOR[type](data.map(Number));
  }
  const rawData = new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice();
  return { name: name2, dims, dataType: type, rawData };
}
function toAttribute(name2, value) {
  if (typeof value === "number") {
    if (!Number.isInteger(value)) {
      throw new OnnxBuildError(
        `attribute ${name2}: ${value} is not an integer; use float(${value}) for FLOAT`
      );
    }
    return { name: name2, type: "int", value };
  }
  if (typeof value === "bigint") return { name: name2, type: "int", value };
  if (typeof value === "string") return { name: name2, type: "string", value };
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === "string")) return { name: name2, type: "strings", value };
    const ints = value;
    const bad = ints.find((v) => !Number.isInteger(v));
    if (bad !== void 0) {
      throw new OnnxBuildError(
        `attribute ${name2}: ${bad} is not an integer; use floats([...]) for FLOATS`
      );
    }
    return { name: name2, type: "ints", value: ints };
  }
  const tagged = value;
  switch (tagged.kind) {
    case "float":
      return { name: name2, type: "float", value: tagged.value };
    case "floats":
      return { name: name2, type: "floats", value: tagged.value };
    case "tensor":
      return { name: name2, type: "tensor", value: tagged.value };
    case "graph":
      return { name: name2, type: "graph", value: tagged.value };
  }
}
var GraphBuilder = class {
  constructor(name2) {
    this.name = name2;
  }
  name;
  nodes = [];
  inits = [];
  ins = [];
  outs = [];
  defined = /* @__PURE__ */ new Set();
  counter = 0;
  define(name2) {
    if (name2 === "") throw new OnnxBuildError("value names must not be empty");
    if (this.defined.has(name2))
      throw new OnnxBuildError(`value ${JSON.stringify(name2)} is defined twice`);
    this.defined.add(name2);
    return name2;
  }
  /** A fresh value name starting with `hint`. */
  fresh(hint) {
    let name2;
    do
      name2 = `${hint}_${this.counter++}`;
    while (this.defined.has(name2));
    return name2;
  }
  /** Declares a graph input; dims may be numbers, symbolic names, or null (unknown). */
  input(name2, type, shape) {
    this.ins.push({ name: this.define(name2), elemType: type, shape });
    return name2;
  }
  /** Adds a constant tensor (an initializer) and returns its name. */
  initializer(name2, type, dims, data) {
    this.inits.push(makeTensor(type, dims, data, this.define(name2)));
    return name2;
  }
  /** Adds a constant under a fresh name. */
  constant(type, dims, data, hint = "const") {
    return this.initializer(this.fresh(hint), type, dims, data);
  }
  /**
   * Appends a node and returns its output names. Inputs must be defined already;
   * `''` stands for an omitted optional input.
   */
  node(opType, inputs, attrs = {}, opts = {}) {
    for (const i of inputs) {
      if (i !== "" && !this.defined.has(i)) {
        throw new OnnxBuildError(
          `${opType}: input ${JSON.stringify(i)} is not defined before this node`
        );
      }
    }
    const want = opts.outputs ?? 1;
    const outputs = typeof want === "number" ? Array.from({ length: want }, () => this.fresh(opType.toLowerCase())) : [...want];
    for (const o of outputs) this.define(o);
    const attributes = Object.entries(attrs).map(([k, v]) => toAttribute(k, v));
    this.nodes.push({
      opType,
      inputs,
      outputs,
      attributes,
      name: opts.name ?? `${opType}_${this.nodes.length}`,
      domain: opts.domain
    });
    return outputs;
  }
  /** {@link node} for the common one-output case. */
  op(opType, inputs, attrs = {}) {
    return this.node(opType, inputs, attrs)[0];
  }
  /**
   * Declares a graph output. With `name` different from `value`, an Identity node renames
   * it (ONNX outputs are values, so the name must be the producing node's output).
   */
  output(value, type, shape, name2) {
    if (!this.defined.has(value))
      throw new OnnxBuildError(`output ${JSON.stringify(value)} is not defined`);
    const outName = name2 !== void 0 && name2 !== value ? this.node("Identity", [value], {}, { outputs: [name2] })[0] : value;
    this.outs.push({ name: outName, elemType: type, shape });
    return outName;
  }
  /** The graph as a message (for a GRAPH attribute, or to inspect). */
  toGraph() {
    return {
      name: this.name,
      nodes: [...this.nodes],
      initializers: [...this.inits],
      inputs: [...this.ins],
      outputs: [...this.outs]
    };
  }
  /** The model message around the graph. */
  toModel(opts = {}) {
    const opset = opts.opset ?? DEFAULT_OPSET;
    const irVersion = IR_FOR_OPSET[opset];
    if (irVersion === void 0)
      throw new OnnxBuildError(`opset ${opset} is not supported (17\u201321)`);
    if (this.outs.length === 0) throw new OnnxBuildError(`graph ${this.name} has no outputs`);
    const opsetImports = [{ domain: "", version: opset }];
    for (const [domain2, version] of Object.entries(opts.extraOpsets ?? {}))
      opsetImports.push({ domain: domain2, version });
    return {
      irVersion,
      opsetImports,
      graph: this.toGraph(),
      producerName: opts.producerName ?? "embedding-gate",
      producerVersion: opts.producerVersion,
      docString: opts.docString,
      metadataProps: opts.metadata
    };
  }
  /** The bytes of the `.onnx` model. */
  build(opts = {}) {
    return encodeModel(this.toModel(opts));
  }
};

// src/retrieval/knn-gemm.ts
var U = 2 ** -24;
function dotErrorBound(dims) {
  const n = dims + 1;
  return n * U / (1 - n * U);
}
var OUTPUT_BUDGET_FLOATS = 16 << 20;
async function openGemm(dims, opts = {}) {
  const ort = opts.ort ?? await loadOrt();
  const g = new GraphBuilder("gemm_xyT");
  const x = g.input("x", "float32", ["n", dims]);
  const y = g.input("y", "float32", ["m", dims]);
  g.output(g.op("Gemm", [x, y], { transB: 1 }), "float32", ["n", "m"], "xyT");
  const session = await createSession(
    g.build({ docString: `x\xB7y\u1D40, ${dims} dims` }),
    { threads: opts.threads },
    ort
  );
  return {
    async product(xv, n, yv, m) {
      if (n === 0 || m === 0) return new Float32Array(n * m);
      const yt = new ort.Tensor("float32", yv.subarray(0, m * dims), [m, dims]);
      const step = Math.max(1, Math.floor(OUTPUT_BUDGET_FLOATS / m));
      if (step >= n) {
        const xt = new ort.Tensor("float32", xv.subarray(0, n * dims), [n, dims]);
        return (await session.run({ x: xt, y: yt })).xyT?.data;
      }
      const out = new Float32Array(n * m);
      for (let i = 0; i < n; i += step) {
        const rows = Math.min(step, n - i);
        const xt = new ort.Tensor("float32", xv.subarray(i * dims, (i + rows) * dims), [
          rows,
          dims
        ]);
        const res = await session.run({ x: xt, y: yt });
        out.set(res.xyT?.data, i * m);
      }
      return out;
    },
    async gram(xv, n) {
      const out = new Float32Array(n * n);
      const rows = Math.max(
        1,
        Math.ceil(n / 8),
        Math.ceil(n / Math.floor(OUTPUT_BUDGET_FLOATS / n))
      );
      for (let r0 = 0; r0 < n; r0 += rows) {
        const r1 = Math.min(n, r0 + rows);
        const cols = n - r0;
        const xt = new ort.Tensor("float32", xv.subarray(r0 * dims, r1 * dims), [r1 - r0, dims]);
        const yt = new ort.Tensor("float32", xv.subarray(r0 * dims, n * dims), [cols, dims]);
        const block = (await session.run({ x: xt, y: yt })).xyT?.data;
        for (let i = r0; i < r1; i++)
          out.set(block.subarray((i - r0) * cols, (i - r0 + 1) * cols), i * n + r0);
        for (let i = r0; i < r1; i++) for (let j = r0; j < i; j++) out[i * n + j] = out[j * n + i];
        mirrorBlock(block, r0, r1, n, out);
      }
      return out;
    },
    release: () => session.release()
  };
}
function mirrorBlock(block, r0, r1, n, out) {
  const cols = n - r0;
  const T = 64;
  for (let j0 = r1; j0 < n; j0 += T) {
    const j1 = Math.min(n, j0 + T);
    for (let i0 = r0; i0 < r1; i0 += T) {
      const i1 = Math.min(r1, i0 + T);
      for (let j = j0; j < j1; j++) {
        const to = j * n;
        const from = j - r0;
        for (let i = i0; i < i1; i++) out[to + i] = block[(i - r0) * cols + from];
      }
    }
  }
}

// src/release/compat-gemm.ts
function dot64(x, i, y, j) {
  const d = x.dims;
  const a = x.values;
  const b = y.values;
  let s = 0;
  for (let t = 0, p = i * d, q = j * d; t < d; t++) s += a[p + t] * b[q + t];
  return s;
}
function squaredNorms(m) {
  return diagonalDots(m, m);
}
function maxOf(values) {
  let m = 0;
  for (const v of values) if (v > m) m = v;
  return m;
}
function scaleBound(dims) {
  return (dotErrorBound(dims) + 4 * 2 ** -24) * 1.01;
}
function dots64(x, i, y, js, count3, out) {
  const d = x.dims;
  const a = x.values;
  const b = y.values;
  const p = i * d;
  for (let q = 0; q < count3; q += 4) {
    const last = count3 - 1;
    const p0 = js[q] * d;
    const p1 = js[Math.min(q + 1, last)] * d;
    const p2 = js[Math.min(q + 2, last)] * d;
    const p3 = js[Math.min(q + 3, last)] * d;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let t = 0; t < d; t++) {
      const u = a[p + t];
      s0 += u * b[p0 + t];
      s1 += u * b[p1 + t];
      s2 += u * b[p2 + t];
      s3 += u * b[p3 + t];
    }
    out[q] = s0;
    if (q + 1 < count3) out[q + 1] = s1;
    if (q + 2 < count3) out[q + 2] = s2;
    if (q + 3 < count3) out[q + 3] = s3;
  }
}
function diagonalDots(x, y) {
  const d = x.dims;
  const n = x.rows;
  const a = x.values;
  const b = y.values;
  const out = new Float64Array(n);
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const p = i * d;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let t = 0; t < d; t++) {
      s0 += a[p + t] * b[p + t];
      s1 += a[p + d + t] * b[p + d + t];
      s2 += a[p + 2 * d + t] * b[p + 2 * d + t];
      s3 += a[p + 3 * d + t] * b[p + 3 * d + t];
    }
    out[i] = s0;
    out[i + 1] = s1;
    out[i + 2] = s2;
    out[i + 3] = s3;
  }
  for (; i < n; i++) out[i] = dot64(x, i, y, i);
  return out;
}
function cheapScores(fields, x, y, post, diagonal2) {
  return {
    ...fields,
    exact: (i, j) => post(i, j, dot64(x, i, y, j)),
    exactMany(i, js, count3, out) {
      dots64(x, i, y, js, count3, out);
      for (let q = 0; q < count3; q++) out[q] = post(i, js[q], out[q]);
    },
    exactDiagonal: () => diagonal2().map((dot, i) => post(i, i, dot))
  };
}
var inverseNorms = (squares) => Float64Array.from(squares, (sq) => sq > 0 ? 1 / Math.sqrt(sq) : 0);
function unitRows(m) {
  const inv = inverseNorms(Float32Array.from(squaredNorms(m)));
  const d = m.dims;
  const out = new Float32Array(m.rows * d);
  for (let i = 0; i < m.rows; i++) {
    const r = inv[i];
    for (let t = 0, p = i * d; t < d; t++, p++) out[p] = m.values[p] * r;
  }
  return out;
}
function gramScores(m, metric, product) {
  const n = m.rows;
  const diag = Float32Array.from(squaredNorms(m));
  const diag64 = Float64Array.from(diag);
  const inv = inverseNorms(diag);
  const cosine = metric === "cosine";
  const f = Math.fround;
  const gramOf = (i, j, dot) => {
    const g = i === j ? diag64[i] : f(dot);
    return cosine ? f(g * inv[i] * inv[j]) : g;
  };
  const gram = product;
  for (let i = 0; i < n; i++) gram[i * n + i] = gramOf(i, i, 0);
  const base = scaleBound(m.dims);
  const maxNorm = Math.sqrt(maxOf(diag64)) * 1.01;
  const l2 = metric === "l2";
  const bound = (i) => {
    if (cosine) return base;
    const e = base * Math.sqrt(diag64[i]) * 1.01 * maxNorm;
    return l2 ? 2 * e + 1e-14 * maxNorm * maxNorm : e;
  };
  const scores = cheapScores(
    {
      cols: n,
      cheap: gram,
      colTerm: l2 ? diag64 : void 0,
      bound
    },
    m,
    m,
    (i, j, dot) => l2 ? 2 * gramOf(i, j, dot) - diag64[j] : gramOf(i, j, dot),
    () => new Float64Array(n)
    // unread: gramOf takes the diagonal from the norms
  );
  return { scores, gram };
}
function crossScores(b, a, metric, product) {
  const nb = squaredNorms(b);
  const na = squaredNorms(a);
  const cosine = metric === "cosine";
  const l2 = metric === "l2";
  const exact = (dot, nq, nc, ncFirst) => {
    if (cosine) return nq > 0 && nc > 0 ? dot / Math.sqrt(ncFirst ? nc * nq : nq * nc) : 0;
    if (l2) return ncFirst ? 2 * dot - nq + nq - nc : 2 * dot - nc;
    return dot;
  };
  let sameId;
  const same = () => sameId ??= diagonalDots(b, a);
  const base = scaleBound(b.dims);
  const bound = (nq, nc) => {
    const maxC = Math.sqrt(maxOf(nc)) * 1.01;
    const maxC2 = maxOf(nc);
    return (i) => {
      if (cosine) return base;
      const e = base * Math.sqrt(nq[i]) * 1.01 * maxC;
      return l2 ? 2 * e + 1e-14 * (nq[i] + maxC2) : e;
    };
  };
  return {
    newOld: cheapScores(
      {
        cols: a.rows,
        cheap: product,
        colTerm: l2 ? na : void 0,
        bound: bound(nb, na)
      },
      b,
      a,
      (i, j, dot) => exact(dot, nb[i], na[j], false),
      same
    ),
    // 2·cⱼᵢ + (−‖bⱼ‖²) is 2·cⱼᵢ − ‖bⱼ‖² to the bit, as the transposed copy read it.
    oldNew: {
      times: l2 ? 2 : 1,
      add: l2 ? nb.map((x) => -x) : void 0,
      bound: bound(na, nb),
      exact: (i, j) => exact(dot64(b, j, a, i), na[i], nb[j], true),
      exactDiagonal: () => same().map((dot, i) => exact(dot, na[i], nb[i], true))
    }
  };
}

// src/release/compat-rows.ts
var Scratch = class {
  /** Candidates' scores, by column (only candidates' columns are written). */
  value;
  top;
  cand;
  best;
  need;
  exact;
  /** The cheap score's form: times · cᵢⱼ − term[j] (1 · c − 0 is c to the bit, −0 included). */
  times;
  term;
  constructor(s, k) {
    const n = s.cols;
    this.times = s.colTerm ? 2 : 1;
    this.term = s.colTerm ?? new Float64Array(n);
    this.value = new Float64Array(n);
    this.top = new Float64Array(Math.max(k, 1));
    this.cand = new Int32Array(n);
    this.best = new Float64Array(Math.max(k, 1));
    this.need = new Int32Array(n);
    this.exact = new Float64Array(n);
  }
};
function insert(top, v) {
  let p = top.length - 1;
  while (p > 0 && v > top[p - 1]) {
    top[p] = top[p - 1];
    p--;
  }
  top[p] = v;
  return top[top.length - 1];
}
function settleCandidates(s, i, scratch, gathered, lo, hi, topLo) {
  const { cand, need, exact, value, times, term } = scratch;
  const base = i * s.cols;
  let count3 = 0;
  let settling = 0;
  for (let x = 0; x < gathered; x++) {
    const j = cand[x];
    const v = times * s.cheap[base + j] - term[j];
    if (!(v >= lo || v >= topLo)) continue;
    cand[count3++] = j;
    value[j] = v;
    if (v >= lo && v <= hi || v >= topLo) need[settling++] = j;
  }
  s.exactMany(i, need, settling, exact);
  for (let x = 0; x < settling; x++) value[need[x]] = exact[x];
  return count3;
}
function bestOf(scratch, count3, k, out, at) {
  const { cand, value, best } = scratch;
  let filled = 0;
  for (let x = 0; x < count3; x++) {
    const j = cand[x];
    const s = value[j];
    if (filled === k && !(s > best[k - 1])) continue;
    let p = filled < k ? filled++ : k - 1;
    while (p > 0 && s > best[p - 1]) {
      best[p] = best[p - 1];
      out[at + p] = out[at + p - 1];
      p--;
    }
    best[p] = s;
    out[at + p] = j;
  }
}
function exactAtLeast(s, i, j, than) {
  return s.exact(i, j) >= than ? 1 : 0;
}
var twiceBounds = (s, n) => Float64Array.from({ length: n }, (_, i) => 2 * s.bound(i));
var NeighbourRows = class {
  constructor(s, k, self) {
    this.s = s;
    this.k = k;
    this.self = self;
    const n = s.cols;
    this.knn = new Int32Array(n * k);
    this.rowSums = new Float64Array(n);
    this.ranks = new Int32Array(self ? n : 0);
    this.nearest = new Float64Array(self ? n : 0);
    this.scratch = new Scratch(s, k);
    this.e2 = twiceBounds(s, n);
    this.own = self ? s.exactDiagonal() : new Float64Array(0);
  }
  s;
  k;
  self;
  knn;
  rowSums;
  ranks;
  nearest;
  scratch;
  e2;
  own;
};
function neighbourRow(p, i) {
  const { s, k, self, scratch } = p;
  const { top, cand, value, times, term } = scratch;
  const cheap = s.cheap;
  const n = s.cols;
  const e2 = p.e2[i];
  const near = times * cheap[i * n + i] - term[i];
  const own = self ? p.own[i] : 0;
  const gather = k > 0 || self;
  top.fill(Number.NEGATIVE_INFINITY);
  let last = Number.NEGATIVE_INFINITY;
  let sum2 = 0;
  let above2 = 0;
  let gathered = 0;
  for (let j = 0, q = i * n; j < n; j++, q++) {
    const x = cheap[q];
    sum2 += x;
    const v = times * x - term[j];
    if (gather && v >= last - e2 && j !== i) {
      cand[gathered++] = j;
      if (v > last) last = insert(top, v);
    }
    if (self) {
      const d = v - near;
      if (d > e2) above2++;
      else if (d >= -e2 && j !== i) above2 += exactAtLeast(s, i, j, own);
    }
  }
  p.rowSums[i] = sum2;
  if (self) p.ranks[i] = 1 + above2;
  if (!gather) return;
  const t = k > 0 ? top[k - 1] : Number.POSITIVE_INFINITY;
  const topLo = self ? top[0] - e2 : Number.POSITIVE_INFINITY;
  const count3 = settleCandidates(s, i, scratch, gathered, t - e2, t + e2, topLo);
  if (self) {
    let max = Number.NEGATIVE_INFINITY;
    for (let x = 0; x < count3; x++) if (value[cand[x]] > max) max = value[cand[x]];
    p.nearest[i] = max;
  }
  if (k > 0) bestOf(scratch, count3, k, p.knn, i * k);
}
function neighbourPass(s, k, self = false) {
  const p = new NeighbourRows(s, k, self);
  for (let i = 0; i < s.cols; i++) neighbourRow(p, i);
  const { knn, rowSums: rowSums2, ranks, nearest } = p;
  return self ? { knn, rowSums: rowSums2, ranks, nearest } : { knn, rowSums: rowSums2 };
}
var CrossRows = class {
  constructor(s, col, k, neighbours) {
    this.s = s;
    this.col = col;
    this.k = k;
    this.neighbours = neighbours;
    const n = s.cols;
    this.rowRanks = new Int32Array(n);
    this.colAbove = new Int32Array(n);
    this.scratch = new Scratch(s, k);
    this.mine = new Int32Array(Math.max(k, 1));
    this.e2 = twiceBounds(s, n);
    this.colE2 = twiceBounds(col, n);
    this.colAdd = col.add ?? new Float64Array(n);
    const cheap = s.cheap;
    this.colNear = Float64Array.from(
      { length: n },
      (_, c) => col.times * cheap[c * n + c] + this.colAdd[c]
    );
    this.own = s.exactDiagonal();
    this.colOwn = col.exactDiagonal();
  }
  s;
  col;
  k;
  neighbours;
  rowRanks;
  colAbove;
  scratch;
  mine;
  e2;
  /** Column c's threshold: its own cheap entry, scored as the column view scores it. */
  colNear;
  colE2;
  colOwn;
  colAdd;
  own;
  shared = 0;
};
function crossRow(p, i) {
  const { s, col, k, scratch, colNear, colE2, colOwn, colAbove, neighbours, mine } = p;
  const { top, cand, times, term } = scratch;
  const cheap = s.cheap;
  const n = s.cols;
  const e2 = p.e2[i];
  const near = times * cheap[i * n + i] - term[i];
  const own = p.own[i];
  const colTimes = col.times;
  const add = p.colAdd[i];
  top.fill(Number.NEGATIVE_INFINITY);
  let last = Number.NEGATIVE_INFINITY;
  let above2 = 0;
  let gathered = 0;
  for (let c = 0, q = i * n; c < n; c++, q++) {
    const x = cheap[q];
    const v = times * x - term[c];
    if (k > 0 && v >= last - e2 && c !== i) {
      cand[gathered++] = c;
      if (v > last) last = insert(top, v);
    }
    const d = v - near;
    if (d > e2) above2++;
    else if (d >= -e2 && c !== i) above2 += exactAtLeast(s, i, c, own);
    const dc = colTimes * x + add - colNear[c];
    if (dc > colE2[c]) colAbove[c]++;
    else if (dc >= -colE2[c] && c !== i) colAbove[c] += exactAtLeast(col, c, i, colOwn[c]);
  }
  p.rowRanks[i] = 1 + above2;
  if (k === 0) return;
  const t = top[k - 1];
  const count3 = settleCandidates(s, i, scratch, gathered, t - e2, t + e2, Infinity);
  bestOf(scratch, count3, k, mine, 0);
  let shared = 0;
  for (let x = 0; x < k; x++) {
    const j = mine[x];
    for (let y = 0; y < k; y++) {
      if (neighbours[i * k + y] === j) {
        shared++;
        break;
      }
    }
  }
  p.shared += shared;
}
function crossPass(s, col, k, neighbours) {
  const p = new CrossRows(s, col, k, neighbours);
  for (let i = 0; i < s.cols; i++) crossRow(p, i);
  const colRanks = Int32Array.from(p.colAbove, (a) => 1 + a);
  return { rowRanks: p.rowRanks, colRanks, colOwn: p.colOwn, shared: p.shared };
}

// src/release/compat-self.ts
function summarise(ranks) {
  let r1 = 0;
  let r10 = 0;
  let rr = 0;
  for (const r of ranks) {
    if (r === 1) r1++;
    if (r <= 10) r10++;
    rr += 1 / r;
  }
  const n = ranks.length;
  return { recall1: r1 / n, recall10: r10 / n, mrr: rr / n };
}
function measureSelfRetrievalGemm(a, b, k, own, newOld) {
  checkAligned(a, b);
  const n = a.rows;
  const kk = Math.max(0, Math.min(k, n - 1));
  const { newOld: cross, oldNew: column } = crossScores(b, a, a.metric, newOld);
  const x = crossPass(cross, column, kk, own.knn);
  let nearer = 0;
  for (let i = 0; i < n; i++) if (x.colOwn[i] > own.nearest[i]) nearer++;
  return {
    newToOld: summarise(x.rowRanks),
    oldToNew: summarise(x.colRanks),
    oldOnOld: summarise(own.ranks),
    mixedOverlap: kk > 0 ? x.shared / (n * kk) : Number.NaN,
    nearerThanNeighbour: nearer / n
  };
}
function checkAligned(a, b) {
  if (a.rows !== b.rows || a.dims !== b.dims) {
    throw new RangeError(`self-retrieval needs aligned samples of equal dims`);
  }
}

// src/release/compat-measures.ts
function meanOverlap(a, b, n, k) {
  if (n === 0 || k === 0) return Number.NaN;
  let shared = 0;
  for (let i = 0; i < n; i++) {
    for (let x = 0; x < k; x++) {
      const ax = a[i * k + x];
      for (let y = 0; y < k; y++) {
        if (b[i * k + y] === ax) {
          shared++;
          break;
        }
      }
    }
  }
  return shared / (n * k);
}
function ckaFromGrams(k, l, n, sums) {
  const rowK = sums?.k ?? rowSums(k, n);
  const rowL = sums?.l ?? rowSums(l, n);
  const totK = sum(rowK);
  const totL = sum(rowL);
  let kl = 0;
  let kk = 0;
  let ll = 0;
  let klTilde = 0;
  let kkTilde = 0;
  let llTilde = 0;
  const mK = totK / (n * n);
  const mL = totL / (n * n);
  const cK = Float64Array.from(rowK, (r) => r / n);
  const cL = Float64Array.from(rowL, (r) => r / n);
  for (let i = 0; i < n; i++) {
    const rki = cK[i] - mK;
    const rli = cL[i] - mL;
    const base = i * n;
    for (let j = 0; j < n; j++) {
      const kij = k[base + j];
      const lij = l[base + j];
      const kc = kij - rki - cK[j];
      const lc = lij - rli - cL[j];
      kl += kc * lc;
      kk += kc * kc;
      ll += lc * lc;
      klTilde += kij * lij;
      kkTilde += kij * kij;
      llTilde += lij * lij;
    }
    const kii = k[base + i];
    const lii = l[base + i];
    klTilde -= kii * lii;
    kkTilde -= kii * kii;
    llTilde -= lii * lii;
  }
  const cka = kl / Math.sqrt(kk * ll);
  const dK = diagonal(k, n);
  const dL = diagonal(l, n);
  const rowKt = rowK.map((r, i) => r - dK[i]);
  const rowLt = rowL.map((r, i) => r - dL[i]);
  const hsic = (tr, ra, rb) => {
    if (n < 4) return Number.NaN;
    const sa = sum(ra);
    const sb = sum(rb);
    let dotRows = 0;
    for (let i = 0; i < n; i++) dotRows += ra[i] * rb[i];
    return (tr + sa * sb / ((n - 1) * (n - 2)) - 2 / (n - 2) * dotRows) / (n * (n - 3));
  };
  const hKL = hsic(klTilde, rowKt, rowLt);
  const hKK = hsic(kkTilde, rowKt, rowKt);
  const hLL = hsic(llTilde, rowLt, rowLt);
  const debiased = hKK > 0 && hLL > 0 ? hKL / Math.sqrt(hKK * hLL) : Number.NaN;
  return { cka, debiased };
}
function sameRowCosines(a, b) {
  const { rows: n, dims: d } = a;
  const cosines = new Float64Array(n);
  const ratios = [];
  for (let i = 0; i < n; i++) {
    let ab = 0;
    let aa = 0;
    let bb = 0;
    for (let t = 0, p = i * d; t < d; t++, p++) {
      const x = a.values[p];
      const y = b.values[p];
      ab += x * y;
      aa += x * x;
      bb += y * y;
    }
    cosines[i] = aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
    if (aa > 0) ratios.push(Math.sqrt(bb / aa));
  }
  return { cosines, ratios: Float64Array.from(ratios) };
}
function quantile(sorted, q) {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
function distribution(values) {
  const sorted = Float64Array.from(values).sort();
  return {
    mean: sum(sorted) / sorted.length,
    p5: quantile(sorted, 0.05),
    median: quantile(sorted, 0.5),
    min: sorted[0] ?? Number.NaN,
    quantiles: Array.from({ length: 21 }, (_, i) => quantile(sorted, i / 20))
  };
}
var DEFAULT_K = 10;
async function measureCompatibilityGemm(a, b, k = DEFAULT_K, opts = {}) {
  const n = aligned(a, b);
  const kk = Math.max(0, Math.min(k, n - 1));
  const gemmA = await openGemm(a.dims, opts);
  const gemmB = b.dims === a.dims ? gemmA : await openGemm(b.dims, opts);
  try {
    const unitA = a.metric === "cosine" ? unitRows(a) : void 0;
    let unitB;
    const operand = (m, metric) => metric !== "cosine" ? m.values : m === a ? unitA : unitB ??= unitRows(b);
    const xa = operand(a, a.metric);
    const xb = operand(b, b.metric);
    const ga = gramScores(a, a.metric, await gemmA.gram(xa, n));
    const gb = gramScores(b, b.metric, await gemmB.gram(xb, n));
    const sameDims = a.dims === b.dims;
    const newOld = sameDims ? await gemmA.product(operand(b, a.metric), n, operand(a, a.metric), n) : void 0;
    const passA = sameDims ? neighbourPass(ga.scores, kk, true) : neighbourPass(ga.scores, kk);
    const passB = neighbourPass(gb.scores, kk);
    return assemble(a, b, kk, {
      overlap: meanOverlap(passA.knn, passB.knn, n, kk),
      ...ckaFromGrams(ga.gram, gb.gram, n, { k: passA.rowSums, l: passB.rowSums }),
      self: () => measureSelfRetrievalGemm(a, b, kk, passA, newOld)
    });
  } finally {
    await gemmA.release();
    if (gemmB !== gemmA) await gemmB.release();
  }
}
function aligned(a, b) {
  if (a.rows !== b.rows) throw new RangeError(`samples must align: ${a.rows} rows vs ${b.rows}`);
  return a.rows;
}
function assemble(a, b, kk, m) {
  const { overlap, cka, debiased } = m;
  let sameId = {};
  if (a.dims === b.dims) {
    const { cosines, ratios } = sameRowCosines(a, b);
    const sortedRatios = ratios.sort();
    sameId = {
      sameIdCosine: distribution(cosines),
      normRatio: {
        p5: quantile(sortedRatios, 0.05),
        median: quantile(sortedRatios, 0.5),
        p95: quantile(sortedRatios, 0.95)
      },
      selfRetrieval: m.self()
    };
  }
  return { rows: a.rows, ...sameId, k: kk, knnOverlap: overlap, cka, ckaDebiased: debiased };
}
function rowSums(g, n) {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += g[i * n + j];
    out[i] = s;
  }
  return out;
}
function diagonal(g, n) {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = g[i * n + i];
  return out;
}
function sum(values) {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

// src/release/compat.ts
var DEFAULT_THRESHOLDS = {
  selfRecallRatio: 0.95,
  nearerThanNeighbour: 0.99,
  sameIdMean: 0.95,
  sameIdP5: 0.9,
  normRatioTolerance: 0.1,
  knnOverlap: 0.85,
  cka: 0.95,
  crossVersionRatio: 0.95
};
var DEFAULT_COMPATIBILITY = {
  sampleSize: 2e3,
  seed: 1,
  k: DEFAULT_K,
  thresholds: DEFAULT_THRESHOLDS
};
var MAX_SAMPLE = 5e3;
var MIN_SAMPLE = 50;
function judgeCompatibility(m, context, t, crossVersion = []) {
  const preserved = m.knnOverlap >= t.knnOverlap && m.cka >= t.cka;
  const geometry = `kNN overlap@${m.k} ${score(m.knnOverlap)}, CKA ${score(m.cka)}`;
  const neighbourhoods = preserved ? "preserved" : "changed";
  const why = [];
  if (!m.sameIdCosine) {
    why.push(
      `dims ${context.dims.baseline} \u2192 ${context.dims.candidate}: the vectors cannot share an index`
    );
  } else {
    const c = m.sameIdCosine;
    const self = m.selfRetrieval;
    if (self) {
      const ceiling = self.oldOnOld.recall1;
      for (const [name2, r] of [
        ["new \u2192 old", self.newToOld],
        ["old \u2192 new", self.oldToNew]
      ]) {
        if (!(r.recall1 >= t.selfRecallRatio * ceiling)) {
          why.push(
            `self-retrieval ${name2} recall@1 ${score(r.recall1)} < ${t.selfRecallRatio} \xD7 ${score(ceiling)} (the old space's own)`
          );
        }
      }
      const farther = Math.round((1 - self.nearerThanNeighbour) * m.rows);
      if (!(self.nearerThanNeighbour >= t.nearerThanNeighbour) && farther > 1) {
        why.push(
          `only ${score(self.nearerThanNeighbour)} of ids moved less than the distance to their nearest old neighbour (< ${t.nearerThanNeighbour}; mixed-index kNN overlap@${m.k} ${score(self.mixedOverlap)})`
        );
      }
    }
    if (c.mean < t.sameIdMean) why.push(`same-id cosine mean ${score(c.mean)} < ${t.sameIdMean}`);
    if (c.p5 < t.sameIdP5) why.push(`same-id cosine p5 ${score(c.p5)} < ${t.sameIdP5}`);
    if (context.metric !== "cosine" && m.normRatio) {
      const lo = 1 / (1 + t.normRatioTolerance);
      const hi = 1 + t.normRatioTolerance;
      if (m.normRatio.p5 < lo || m.normRatio.p95 > hi) {
        why.push(
          `norm ratio new/old p5\u2013p95 ${score(m.normRatio.p5)}\u2013${score(m.normRatio.p95)} outside ${score(lo)}\u2013${score(hi)} (${context.metric} ranks by magnitude)`
        );
      }
    }
  }
  for (const x of crossVersion) {
    const ratio2 = x.newOnOld / x.newOnNew;
    if (!(ratio2 >= t.crossVersionRatio)) {
      why.push(
        `${x.suite} ${x.measure}: new queries on old vectors ${score(x.newOnOld)} vs ${score(x.newOnNew)} on new (ratio ${score(ratio2)} < ${t.crossVersionRatio})`
      );
    }
  }
  if (why.length === 0) {
    const c = m.sameIdCosine;
    const self = m.selfRetrieval;
    const ranks = self ? `self-retrieval recall@1 ${score(self.newToOld.recall1)}, nearer than the nearest neighbour ${score(self.nearerThanNeighbour)}, ` : "";
    const drift = preserved ? "" : `; neighbourhoods shifted (${geometry}), so rankings will change`;
    return {
      verdict: "mixable",
      neighbourhoods,
      summary: `mixable: old and new vectors may share one index (${ranks}same-id cosine mean ${score(c.mean)}, p5 ${score(c.p5)})${drift}`
    };
  }
  const kind = !m.sameIdCosine ? preserved ? `neighbourhoods are preserved (${geometry}), so a re-index should keep quality` : `a different space (${geometry})` : preserved ? `neighbourhoods are preserved (${geometry}) but coordinates are not: a rotated or retrained space; a re-index should keep quality` : `neighbourhoods changed too (${geometry}): incompatible, a re-index will change rankings`;
  return {
    verdict: "reindex",
    neighbourhoods,
    summary: `re-index required: old and new vectors must not be mixed; every consumer must re-index \u2014 ${why.join("; ")}; ${kind}`
  };
}
function readWhole(open4) {
  return async (version, wanted, by) => {
    const source = await open4(version.path, version.open);
    try {
      return await readSampledRows(source, wanted, by);
    } finally {
      await source.close();
    }
  };
}
async function analyzeCompatibility(baseline, candidate, options = DEFAULT_COMPATIBILITY, open4 = openVectors, crossVersion = [], ort, readSample = readWhole(open4)) {
  const by = baseline.ids && candidate.ids ? "id" : "row";
  const size = Math.min(Math.max(options.sampleSize, 1), MAX_SAMPLE);
  let shared = 0;
  const keys = bottomK(
    (function* () {
      for (const key of sharedKeys(baseline, candidate, by)) {
        shared++;
        yield key;
      }
    })(),
    size,
    options.seed
  );
  if (keys.length < MIN_SAMPLE) {
    return {
      unmeasured: `only ${shared} ${by === "id" ? "ids are" : "rows are"} present in both versions; at least ${MIN_SAMPLE} are needed to compare the spaces`
    };
  }
  const wanted = new Map(keys.map((k, i) => [k, i]));
  const a = await readSample(baseline, wanted, by);
  const b = await readSample(candidate, wanted, by);
  if (a.found !== keys.length || b.found !== keys.length) {
    return {
      unmeasured: `the sampled rows were not all found on the second read (${a.found} and ${b.found} of ${keys.length}); did a file change during the gate?`
    };
  }
  const measures = await measureCompatibilityGemm(
    { values: a.values, rows: keys.length, dims: a.dims, metric: baseline.metric },
    { values: b.values, rows: keys.length, dims: b.dims, metric: candidate.metric },
    options.k,
    ort ? { ort: await ort() } : {}
  );
  const dims = { baseline: a.dims, candidate: b.dims };
  const judged = judgeCompatibility(
    measures,
    { dims, metric: candidate.metric },
    options.thresholds,
    crossVersion
  );
  return {
    ...measures,
    ...judged,
    matchedBy: by,
    shared,
    seed: options.seed,
    dims,
    thresholds: options.thresholds,
    ...crossVersion.length ? { crossVersion } : {}
  };
}
function compatibilityFromRegistry(policy, base) {
  if (!policy) return base;
  const t = base.thresholds;
  return {
    sampleSize: policy.sample_size ?? base.sampleSize,
    seed: policy.seed ?? base.seed,
    k: policy.k ?? base.k,
    thresholds: {
      selfRecallRatio: policy.self_recall_ratio ?? t.selfRecallRatio,
      nearerThanNeighbour: policy.nearer_than_neighbour ?? t.nearerThanNeighbour,
      sameIdMean: policy.same_id_cosine_mean ?? t.sameIdMean,
      sameIdP5: policy.same_id_cosine_p5 ?? t.sameIdP5,
      normRatioTolerance: policy.norm_ratio_tolerance ?? t.normRatioTolerance,
      knnOverlap: policy.knn_overlap ?? t.knnOverlap,
      cka: policy.cka ?? t.cka,
      crossVersionRatio: policy.cross_version_ratio ?? t.crossVersionRatio
    }
  };
}

// src/release/bump.ts
var import_semver = __toESM(require_semver2(), 1);

// src/release/bump-levels.ts
var BUMP_RANK = {
  none: 0,
  patch: 1,
  minor: 2,
  major: 3
};

// src/release/encoders.ts
var short = (hash) => hash.length > 12 ? hash.slice(0, 12) : hash;
function encoderChanges(baseline, candidate, space = "") {
  const before = baseline.encoders ?? {};
  const after = candidate.encoders ?? {};
  const reasons = [];
  const modalities = [.../* @__PURE__ */ new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const m of modalities) {
    const a = before[m]?.model;
    const b = after[m]?.model;
    const field = `encoders.${m}`;
    if (a && !b) {
      reasons.push({
        level: "major",
        field,
        from: `${a.name}@${a.revision}`,
        to: "removed",
        why: `the ${m} encoder left the shared space: ${m} inputs can no longer be embedded into it`
      });
    } else if (!a && b) {
      reasons.push({
        level: "minor",
        field,
        from: "none",
        to: `${b.name}@${b.revision}`,
        why: `a ${m} encoder joins the shared space${space}`
      });
    } else if (a && b) {
      if (a.name !== b.name) {
        reasons.push({
          level: "major",
          field: `${field}.model`,
          from: a.name,
          to: b.name,
          why: `another ${m} encoder is another space for every modality sharing it`
        });
      } else if (a.revision !== b.revision) {
        reasons.push({
          level: "minor",
          field: `${field}.revision`,
          from: a.revision,
          to: b.revision,
          why: `a retrained ${m} encoder${space}`
        });
      } else if (a.sha256 && b.sha256 && a.sha256 !== b.sha256) {
        reasons.push({
          level: "minor",
          field: `${field}.sha256`,
          from: short(a.sha256),
          to: short(b.sha256),
          why: `another ${m} encoder checkpoint under the same revision${space}`
        });
      }
    }
  }
  return reasons;
}

// src/release/bump.ts
function dtypeFamily(dtype) {
  return dtype.startsWith("float") ? "float" : dtype;
}
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).sort(
      ([a], [b]) => a < b ? -1 : a > b ? 1 : 0
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}
function changedKeys(a = {}, b = {}) {
  return [.../* @__PURE__ */ new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => canonical(a[k]) !== canonical(b[k])).sort();
}
function classifyChange(baseline, candidate, compat) {
  const reasons = [];
  const space = !compat ? "" : "verdict" in compat ? compat.verdict === "mixable" ? " (space measured compatible)" : "" : " (space compatibility not measured)";
  const add = (level, field, from, to, why) => reasons.push({ level, field, from: String(from), to: String(to), why });
  if (baseline.dims !== candidate.dims)
    add("major", "dims", baseline.dims, candidate.dims, "every consumer must re-index and resize");
  if (dtypeFamily(baseline.dtype) !== dtypeFamily(candidate.dtype)) {
    add(
      "major",
      "dtype",
      baseline.dtype,
      candidate.dtype,
      "the dtype family changed, so the numbers mean something else"
    );
  } else if (baseline.dtype !== candidate.dtype) {
    add("minor", "dtype", baseline.dtype, candidate.dtype, "same family, different precision");
  }
  if (baseline.metric !== candidate.metric)
    add("major", "metric", baseline.metric, candidate.metric, "consumers rank differently");
  if (baseline.normalization !== candidate.normalization) {
    add(
      "major",
      "normalization",
      baseline.normalization,
      candidate.normalization,
      "scores and norms change meaning"
    );
  }
  if (baseline.model.name !== candidate.model.name)
    add(
      "major",
      "model",
      baseline.model.name,
      candidate.model.name,
      "another model is another space"
    );
  if (baseline.model.revision !== candidate.model.revision) {
    add(
      "minor",
      "model.revision",
      baseline.model.revision,
      candidate.model.revision,
      `a retrained checkpoint${space}`
    );
  } else if (baseline.model.sha256 && candidate.model.sha256 && baseline.model.sha256 !== candidate.model.sha256) {
    add(
      "minor",
      "model.sha256",
      short2(baseline.model.sha256),
      short2(candidate.model.sha256),
      `another checkpoint under the same revision${space}`
    );
  }
  const params = changedKeys(baseline.parameters, candidate.parameters);
  if (params.length)
    add(
      "minor",
      "parameters",
      params.join(", "),
      "changed",
      `generation parameters changed${space}`
    );
  if (baseline.inputs.dataset !== candidate.inputs.dataset) {
    add(
      "minor",
      "inputs",
      baseline.inputs.dataset,
      candidate.inputs.dataset,
      `the embedded data changed${space}`
    );
  } else if (baseline.inputs.sha256 !== candidate.inputs.sha256) {
    add(
      "minor",
      "inputs.sha256",
      short2(baseline.inputs.sha256),
      short2(candidate.inputs.sha256),
      `the data changed under the same dataset name${space}`
    );
  }
  reasons.push(...encoderChanges(baseline, candidate, space));
  const prep = changedKeys(baseline.preprocessing, candidate.preprocessing);
  if (prep.length)
    add("patch", "preprocessing", prep.join(", "), "changed", "preprocessing changed");
  if (compat && "verdict" in compat) {
    if (compat.verdict === "reindex") {
      reasons.push({
        level: "major",
        field: "space",
        from: baseline.version,
        to: candidate.version,
        why: compat.summary
      });
    } else if (reasons.length === 0 && compat.sameIdCosine && compat.sameIdCosine.min < 1 - 1e-6) {
      add(
        "patch",
        "vectors",
        "same-id cosine min",
        score(compat.sameIdCosine.min),
        "the vectors changed though no declared property did"
      );
    }
  }
  if (reasons.length === 0 && baseline.vectors.sha256 && candidate.vectors.sha256 && baseline.vectors.sha256 !== candidate.vectors.sha256) {
    add(
      "patch",
      "vectors",
      short2(baseline.vectors.sha256),
      short2(candidate.vectors.sha256),
      "the vectors file changed though no declared property did"
    );
  }
  reasons.sort((a, b) => BUMP_RANK[b.level] - BUMP_RANK[a.level]);
  return { required: reasons[0]?.level ?? "none", reasons };
}
function declaredBump(from, to) {
  if (!import_semver.default.gt(to, from)) return "not-greater";
  const options = { includePrerelease: true };
  if (import_semver.default.satisfies(to, `~${from}`, options)) return "patch";
  if (import_semver.default.satisfies(to, `^${from}`, options)) return "minor";
  return "major";
}
function short2(hash) {
  return hash.length > 12 ? hash.slice(0, 12) : hash;
}
function suggestVersion(from, level) {
  if (level === "none" || level === "patch") return import_semver.default.inc(from, "patch");
  if (import_semver.default.major(from) === 0) return import_semver.default.inc(from, "minor");
  return import_semver.default.inc(from, level);
}
function checkBump(baseline, candidate, candidateDoc, classified) {
  const declared = declaredBump(baseline.version, candidate.version);
  const { required, reasons } = classified;
  const sufficient = declared !== "not-greater" && BUMP_RANK[declared] >= BUMP_RANK[required];
  const summary = {
    from: baseline.version,
    to: candidate.version,
    declared,
    required,
    sufficient,
    reasons
  };
  const findings = [];
  if (!sufficient) {
    const listed = reasons.map((r) => `${r.field} ${r.from} \u2192 ${r.to} (${r.level}: ${r.why})`).join("; ");
    const need = required === "none" ? "patch" : required;
    const message = declared === "not-greater" ? `version ${candidate.version} is not greater than the baseline's ${baseline.version}; a new version needs a higher number` + (reasons.length ? ` \u2014 at least a ${need} bump (e.g. ${suggestVersion(baseline.version, need)}): ${listed}` : "") : `version not bumped enough: ${baseline.version} \u2192 ${candidate.version} is a ${declared} bump, but the changes require a ${required} bump (e.g. ${suggestVersion(baseline.version, required)}): ${listed}`;
    findings.push({
      id: "version.bump",
      severity: "error",
      message,
      location: candidateDoc.locate(["version"]),
      expected: need,
      found: declared
    });
  }
  return { summary, findings };
}

// src/release/lineage.ts
import { basename as basename2, relative as relative2 } from "node:path";
var LFS_VERSIONS = ["https://git-lfs.github.com/spec/v1", "https://hawser.github.com/spec/v1"];
function parsePointer(file, text, limits) {
  const firstLine = text.split("\n", 1)[0] ?? "";
  if (firstLine.startsWith("version ")) {
    if (!LFS_VERSIONS.includes(firstLine.slice(8).trim())) {
      throw new ConfigError(
        `${file}:1:1: not a Git LFS pointer: unknown version "${firstLine.slice(8)}"`
      );
    }
    const at2 = { file: { file, line: 1, column: 1 } };
    const values = /* @__PURE__ */ new Map();
    text.split("\n").forEach((line, i) => {
      const m = /^([a-z0-9.-]+) (.*)$/.exec(line);
      if (!m) return;
      values.set(m[1], m[2]);
      at2[m[1]] = { file, line: i + 1, column: m[1].length + 2 };
    });
    const oid = /^sha256:([a-f0-9]{64})$/.exec(values.get("oid") ?? "");
    if (!oid)
      throw new ConfigError(
        `${file}:${at2.oid?.line ?? 2}:1: Git LFS pointer without an "oid sha256:<64 hex>" line`
      );
    const size = values.get("size");
    if (size === void 0 || !/^\d+$/.test(size))
      throw new ConfigError(
        `${file}:${at2.size?.line ?? 3}:1: Git LFS pointer without a "size <bytes>" line`
      );
    return {
      kind: "git-lfs",
      sha256: oid[1],
      size: Number(size),
      at: { sha256: at2.oid, size: at2.size, file: at2.file }
    };
  }
  const doc = parseSourceText(file, text, void 0, limits);
  const outs = doc.data.outs;
  if (!Array.isArray(outs) || outs.length === 0) {
    throw new ConfigError(
      `${file}:1:1: neither a Git LFS pointer (first line "version https://git-lfs.github.com/spec/v1") nor a DVC file (an "outs" list)`
    );
  }
  const tracked = basename2(file).replace(/\.dvc$/, "");
  const index = outs.length === 1 ? 0 : outs.findIndex((o) => basename2(String(o.path ?? "")) === tracked);
  if (index < 0)
    throw new ConfigError(
      `${file}:1:1: the DVC file has ${outs.length} outputs and none is named ${tracked}; point at a .dvc file with one output`
    );
  const out = outs[index];
  const at = (field) => doc.locate(["outs", index, field]);
  const md5 = typeof out.md5 === "string" ? out.md5 : void 0;
  const unverifiable = md5 === void 0 ? `the DVC output records ${out.etag !== void 0 ? "an etag" : out.checksum !== void 0 ? "a checksum" : "no hash"}, not an md5` : out.hash !== void 0 && out.hash !== "md5" ? `the DVC output is hashed with ${String(out.hash)}, not md5` : void 0;
  return {
    kind: "dvc",
    path: typeof out.path === "string" ? out.path : void 0,
    md5,
    size: typeof out.size === "number" ? out.size : void 0,
    at: { md5: at("md5"), size: at("size"), file: at("path") },
    ...unverifiable ? { unverifiable } : {}
  };
}
var fmtAt = (l) => l ? `${l.file}:${l.line ?? 1}` : "";
async function readPointers(loaded, workspace, cwd, limits) {
  const m = loaded.manifest;
  const pointers = [];
  for (const subject of ["model", "inputs"]) {
    const value = m[subject].pointer;
    if (!value) continue;
    const field = [subject, "pointer"];
    const path = resolveInWorkspace(loaded.doc, field, value, workspace);
    const shown = relative2(cwd, path) || path;
    let bytes;
    try {
      bytes = await readCapped(shown, path, configLimits(limits).maxBytes, workspace);
    } catch (err) {
      if (err instanceof ConfigError) throw err;
      const at = loaded.doc.locate(field);
      throw new ConfigError(
        `${at.file}:${at.line}:${at.column}: ${subject}.pointer ${shown}: cannot read: ${describeReadError(err)}; expected a DVC file or a Git LFS pointer inside the workspace`,
        at
      );
    }
    const text = decodeSource(shown, bytes);
    pointers.push({ subject, path, shown, text, ...limits && { limits } });
  }
  return pointers;
}
function describeReadError(err) {
  return err.code === "EISDIR" ? "is a directory" : readFailure(err);
}
function checkLineage(loaded, pointers) {
  const m = loaded.manifest;
  const checks = [];
  const findings = [];
  const labels = {
    model: `model ${m.model.name}@${m.model.revision}`,
    inputs: `dataset ${m.inputs.dataset}`
  };
  for (const { subject, shown, text, limits } of pointers) {
    const block = m[subject];
    const label2 = labels[subject];
    const field = (name2) => loaded.doc.locate([subject, name2]);
    let record;
    try {
      record = parsePointer(shown, text, limits);
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      findings.push({
        id: "lineage.pointer",
        severity: "error",
        message: `${subject}.pointer: ${err.message}; the ${label2} cannot be traced`,
        location: field("pointer")
      });
      continue;
    }
    const compared = [];
    const hashField = record.kind === "git-lfs" ? "sha256" : "md5";
    const recorded = hashField === "sha256" ? block.sha256 : block.md5;
    const pointerHash = hashField === "sha256" ? record.sha256 : record.md5;
    const tracks = record.path ? ` for ${record.path}` : "";
    const kindName = record.kind === "dvc" ? "DVC file" : "Git LFS pointer";
    if (record.unverifiable) {
      findings.push({
        id: "lineage.unverifiable",
        severity: "warning",
        message: `${subject}: ${record.unverifiable} in ${shown}; the ${label2} cannot be verified against it`,
        location: field("pointer")
      });
    } else if (recorded === void 0) {
      findings.push({
        id: "lineage.unverifiable",
        severity: "warning",
        message: `${subject}: the ${kindName} ${shown} records ${hashField} ${pointerHash}${tracks}, but the manifest records no ${subject}.${hashField} to compare with; add it so the ${label2} can be verified`,
        location: field("pointer")
      });
    } else {
      const ok = recorded === pointerHash;
      compared.push({ field: hashField, manifest: recorded, pointer: pointerHash, ok });
      if (!ok) {
        const dirHint = record.kind === "dvc" && pointerHash.endsWith(".dir") !== recorded.endsWith(".dir") ? " (DVC records a directory as its md5 followed by .dir)" : "";
        findings.push({
          id: "lineage.mismatch",
          severity: "error",
          message: `${subject}: the manifest records ${label2} with ${hashField} ${recorded}, but the ${kindName} ${fmtAt(record.at[hashField])} records ${hashField} ${pointerHash}${tracks}${dirHint}; the manifest does not describe what the pointer tracks`,
          location: field(hashField),
          expected: pointerHash,
          found: recorded
        });
      }
    }
    if (block.size !== void 0 && record.size !== void 0) {
      const ok = block.size === record.size;
      compared.push({
        field: "size",
        manifest: String(block.size),
        pointer: String(record.size),
        ok
      });
      if (!ok) {
        findings.push({
          id: "lineage.mismatch",
          severity: "error",
          message: `${subject}: the manifest records ${label2} as ${block.size} bytes, but the ${kindName} ${fmtAt(record.at.size)} records ${record.size} bytes${tracks}`,
          location: field("size"),
          expected: record.size,
          found: block.size
        });
      }
    }
    checks.push({
      subject,
      pointer: shown,
      kind: record.kind,
      ...record.path ? { tracks: record.path } : {},
      compared,
      verified: compared.some((c) => c.field !== "size") && compared.every((c) => c.ok)
    });
  }
  return { checks, findings };
}

// src/release/registry-check.ts
var import_semver3 = __toESM(require_semver2(), 1);
import { dirname as dirname2, relative as relative3, resolve as resolve2 } from "node:path";

// src/release/lock.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { hostname as osHostname } from "node:os";
import { link, open as open3, readFile, rename as rename2, stat as stat3, unlink } from "node:fs/promises";
var BROKEN_LOCK_MS = 2e3;
var LockError = class extends ConfigError {
};
function defaultIsAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}
function parseContent(text) {
  try {
    const parsed = JSON.parse(text);
    return typeof parsed?.token === "string" ? parsed : void 0;
  } catch {
    return void 0;
  }
}
async function readContent(file) {
  return parseContent(await readFile(file, "utf8").catch(() => ""));
}
async function inspect(file) {
  let handle;
  try {
    handle = await open3(file, "r");
  } catch (err) {
    const code = err.code;
    if (code === "ENOENT") return void 0;
    const info = await stat3(file).catch(() => void 0);
    return info && { ino: info.ino, mtimeMs: info.mtimeMs };
  }
  try {
    const info = await handle.stat();
    const owner = parseContent(await handle.readFile("utf8").catch(() => ""));
    return { ino: info.ino, mtimeMs: info.mtimeMs, ...owner && { owner } };
  } finally {
    await handle.close().catch(() => void 0);
  }
}
async function withLock(lockFile, fn, options = {}) {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  const staleMs = options.staleMs ?? 3e4;
  const brokenMs = options.brokenMs ?? BROKEN_LOCK_MS;
  const timeoutMs = options.timeoutMs ?? 6e4;
  const isAlive = options.isAlive ?? defaultIsAlive;
  const host = options.hostname ?? osHostname();
  const content = {
    pid: options.pid ?? process.pid,
    host,
    token: randomBytes2(12).toString("hex"),
    since: new Date(now()).toISOString()
  };
  const deadline = now() + timeoutMs;
  let wait = 5;
  for (; ; ) {
    try {
      const handle = await open3(lockFile, "wx", 420);
      try {
        await handle.writeFile(JSON.stringify(content) + "\n");
      } finally {
        await handle.close();
      }
      break;
    } catch (err) {
      if (err.code !== "EEXIST") {
        throw new LockError(
          `${lockFile}: cannot create the registry lock: ${err.message}`
        );
      }
    }
    const state = await inspect(lockFile);
    if (!state) continue;
    const { owner } = state;
    const age = now() - state.mtimeMs;
    const dead = owner !== void 0 && owner.host === host && owner.pid !== content.pid && !isAlive(owner.pid);
    const ownerless = owner === void 0 && age > brokenMs;
    if (dead || ownerless || age > staleMs) {
      if (await breakStale(lockFile, state, content.token, brokenMs, now)) continue;
    }
    if (now() >= deadline) throw timedOut(lockFile, owner, timeoutMs, staleMs);
    await sleep(wait + Math.floor(Math.random() * wait));
    wait = Math.min(wait * 2, 200);
  }
  const held = {
    file: lockFile,
    async assertHeld() {
      const current = await readContent(lockFile);
      if (current?.token !== content.token) {
        throw new LockError(
          `${lockFile}: lost the registry lock to another writer (this one was judged stale); nothing was written`
        );
      }
    }
  };
  try {
    return await fn(held);
  } finally {
    const current = await readContent(lockFile);
    if (current?.token === content.token) await unlink(lockFile).catch(() => void 0);
  }
}
function timedOut(lockFile, owner, timeoutMs, staleMs) {
  const who = owner ? `pid ${owner.pid} on ${owner.host} since ${owner.since}` : "another writer";
  return new LockError(
    `${lockFile}: the registry is locked by ${who}; waited ${Math.round(timeoutMs / 1e3)} s. If no embedding-gate is running, the lock is stale and is broken after ${Math.round(staleMs / 1e3)} s`
  );
}
function sameLock(a, b) {
  return a !== void 0 && a.ino === b.ino && a.mtimeMs === b.mtimeMs && a.owner?.token === b.owner?.token;
}
async function breakStale(lockFile, judged, token, brokenMs, now) {
  const breaker = lockFile + ".break";
  try {
    await (await open3(breaker, "wx", 420)).close();
  } catch {
    const info = await stat3(breaker).catch(() => void 0);
    if (info && now() - info.mtimeMs > brokenMs) await unlink(breaker).catch(() => void 0);
    return false;
  }
  try {
    if (!sameLock(await inspect(lockFile), judged)) return true;
    const aside = `${lockFile}.stale-${token}`;
    try {
      await rename2(lockFile, aside);
    } catch {
      return true;
    }
    if (!sameLock(await inspect(aside), judged)) await link(aside, lockFile).catch(() => void 0);
    await unlink(aside).catch(() => void 0);
    return true;
  } finally {
    await unlink(breaker).catch(() => void 0);
  }
}

// src/config/registry.ts
var import_yaml = __toESM(require_dist(), 1);
import { resolve } from "node:path";

// src/config/schema.ts
var import__ = __toESM(require__(), 1);
var import_ajv_formats = __toESM(require_dist2(), 1);
var import_semver2 = __toESM(require_semver2(), 1);

// contracts/contract.schema.json
var contract_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://embedding-gate.dev/schemas/contract.schema.json",
  title: "Consumer contract",
  description: "What one downstream consumer of an embedding space accepts. Promotion is blocked unless every active consumer is satisfied.",
  type: "object",
  additionalProperties: false,
  required: ["consumer", "owner", "embedding", "accepts", "requires"],
  properties: {
    $schema: {
      type: "string"
    },
    consumer: {
      type: "string",
      pattern: "^[A-Za-z0-9][A-Za-z0-9._/-]{0,127}$"
    },
    owner: {
      description: "Team or person to ask, e.g. @org/search-team.",
      type: "string",
      minLength: 1
    },
    description: {
      type: "string"
    },
    embedding: {
      description: "The manifest name this consumer reads.",
      type: "string",
      minLength: 1
    },
    accepts: {
      description: "Semver range of versions this consumer accepts, e.g. ^2.0.0 or >=1.4 <3.",
      type: "string",
      format: "semver-range"
    },
    status: {
      description: "active consumers block promotion; pending consumers are reported but never block.",
      enum: ["active", "pending"],
      default: "active"
    },
    requires: {
      type: "object",
      additionalProperties: false,
      minProperties: 1,
      properties: {
        dims: {
          type: "integer",
          minimum: 1,
          maximum: 65536
        },
        dtype: {
          anyOf: [
            {
              $ref: "#/$defs/dtype"
            },
            {
              type: "array",
              items: {
                $ref: "#/$defs/dtype"
              },
              minItems: 1,
              uniqueItems: true
            }
          ]
        },
        normalization: {
          enum: ["l2", "none"]
        },
        norm_tolerance: {
          type: "number",
          exclusiveMinimum: 0,
          maximum: 0.5,
          default: 1e-3
        },
        metric: {
          enum: ["cosine", "dot", "l2"]
        },
        min_coverage: {
          description: "Fraction of the baseline's ids the candidate must still hold (checked when the gate has a baseline); declared removals count as lost for this consumer.",
          type: "number",
          minimum: 0,
          maximum: 1
        },
        min_rows: {
          description: "Fewest rows the candidate's vectors file may hold.",
          type: "integer",
          minimum: 1
        }
      }
    },
    quality: {
      description: "Quality floors on benchmark suites: the candidate must score at least `min`, and must not drop by more than `max_drop` from the baseline (paired per query, significance-tested).",
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        additionalProperties: false,
        required: ["suite", "metric"],
        anyOf: [
          {
            properties: {
              min: true
            },
            required: ["min"]
          },
          {
            properties: {
              max_drop: true
            },
            required: ["max_drop"]
          }
        ],
        properties: {
          suite: {
            description: "The suite's name (its `suite` field).",
            type: "string",
            minLength: 1
          },
          metric: {
            description: "ndcg@10, recall@100, mrr@10, map@k, precision@k, success@k, or a trec_eval name such as ndcg_cut_10.",
            type: "string",
            minLength: 1
          },
          min: {
            type: "number",
            minimum: 0,
            maximum: 1
          },
          max_drop: {
            type: "number",
            minimum: 0,
            maximum: 1
          },
          on_inconclusive: {
            description: "What a `max_drop` floor does when the drop beyond `max_drop` is neither ruled out nor significant: `warn` (default; a `bench.inconclusive` warning, folded into `bench.underpowered` when the suite cannot resolve `max_drop`) or `block` (a `bench.inconclusive` error).",
            enum: ["warn", "block"],
            default: "warn"
          }
        }
      }
    },
    staging: {
      description: "The consumer's own ONNX model, run on the baseline's and the candidate's vectors before promotion (staging validation): the candidate must score at least `min` (at most `max` for mse) and must not drop by more than `max_drop` from the baseline (paired per example, bootstrap CI and significance test).",
      type: "object",
      additionalProperties: false,
      required: ["model", "labels", "task", "metric"],
      anyOf: [
        { properties: { min: true }, required: ["min"] },
        { properties: { max: true }, required: ["max"] },
        { properties: { max_drop: true }, required: ["max_drop"] }
      ],
      properties: {
        model: {
          description: "The ONNX model file, relative to the contract; it must stay inside the workspace (never a URL: nothing is downloaded).",
          type: "string",
          minLength: 1
        },
        sha256: {
          description: "sha256 of the model file; the gate verifies it.",
          type: "string",
          pattern: "^[a-f0-9]{64}$"
        },
        input: {
          description: "The model input that takes the vectors (default: the model's only input).",
          type: "string",
          minLength: 1
        },
        output: {
          description: "The model output to judge (default: the model's only output).",
          type: "string",
          minLength: 1
        },
        labels: {
          description: "Labels file, relative to the contract: CSV or TSV, one `id,label` per line (optional header `id,label`); only vectors whose id has a label are run.",
          type: "string",
          minLength: 1
        },
        task: {
          enum: ["classification", "regression", "ranking"]
        },
        metric: {
          description: "classification: accuracy, macro_f1 or roc_auc (binary); regression: mse; ranking: roc_auc.",
          enum: ["accuracy", "macro_f1", "roc_auc", "mse"]
        },
        classes: {
          description: "Class labels in the order of the output's columns (default: the labels are the column indices 0, 1, ...).",
          type: "array",
          items: { type: "string", minLength: 1 },
          minItems: 2,
          uniqueItems: true
        },
        threshold: {
          description: "Binary classifier with one output column: predicts the second class when the output is at least this (default 0.5, for probabilities; 0 for logits).",
          type: "number"
        },
        min: {
          description: "Lowest acceptable candidate score (accuracy, macro_f1, roc_auc).",
          type: "number",
          minimum: 0,
          maximum: 1
        },
        max: {
          description: "Highest acceptable candidate mse.",
          type: "number",
          minimum: 0
        },
        max_drop: {
          description: "Largest tolerated worsening from the baseline, in metric units (a rise, for mse).",
          type: "number",
          minimum: 0
        },
        batch_size: {
          description: "Vectors per model run (default 1024).",
          type: "integer",
          minimum: 1,
          maximum: 65536
        }
      }
    }
  },
  $defs: {
    dtype: {
      enum: ["float32", "float16", "float64", "int8", "uint8", "binary"]
    }
  }
};

// contracts/manifest.schema.json
var manifest_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://embedding-gate.dev/schemas/manifest.schema.json",
  title: "Embedding version manifest",
  description: "One immutable embedding version: where its vectors are, what produced them, and the space they live in.",
  type: "object",
  additionalProperties: false,
  required: [
    "name",
    "version",
    "tag",
    "model",
    "vectors",
    "dims",
    "dtype",
    "normalization",
    "metric",
    "created",
    "inputs"
  ],
  properties: {
    $schema: {
      type: "string"
    },
    name: {
      description: "The embedding space's name; consumer contracts refer to it.",
      type: "string",
      pattern: "^[a-z0-9][a-z0-9._-]{0,127}$"
    },
    version: {
      description: "Semantic version: MAJOR = incompatible space, MINOR = compatible retrain, PATCH = preprocessing fix.",
      type: "string",
      format: "semver"
    },
    tag: {
      description: "Free text label, e.g. v2_model-bert-large-2023-09.",
      type: "string",
      minLength: 1,
      maxLength: 200
    },
    description: {
      type: "string"
    },
    model: {
      type: "object",
      additionalProperties: false,
      required: ["name", "revision"],
      properties: {
        name: {
          description: "Model name or architecture, e.g. bert-large-uncased.",
          type: "string",
          minLength: 1
        },
        revision: {
          description: "Checkpoint revision (commit, tag or date).",
          type: "string",
          minLength: 1
        },
        sha256: {
          $ref: "#/$defs/sha256"
        },
        md5: {
          $ref: "#/$defs/dvcMd5"
        },
        size: {
          description: "Bytes of the checkpoint, compared with the pointer's size.",
          type: "integer",
          minimum: 0
        },
        pointer: {
          $ref: "#/$defs/pointer"
        }
      }
    },
    parameters: {
      description: "Free map of generation parameters (batch size, pooling, max sequence length...).",
      type: "object"
    },
    vectors: {
      type: "object",
      additionalProperties: false,
      required: ["path"],
      properties: {
        path: {
          description: "Vectors file, a folder of parts (Hive-style partition folders walked), a glob of parts, or (with --allow-remote) an s3:// or http(s):// URL, or a pgvector table postgres://[user@][host][:port]/[database]?table=<name>[&schema=\u2026][&id=\u2026][&vector=\u2026] (never a password: PGPASSWORD), or a list of parts (files or URLs, read in the order written as one dataset, each named by messages and the dataset digest as written); relative paths are relative to the manifest.",
          anyOf: [
            { type: "string", minLength: 1 },
            { type: "array", minItems: 1, items: { type: "string", minLength: 1 } }
          ]
        },
        format: {
          enum: ["arrow", "arrow-stream", "parquet", "npy", "jsonl", "binary"]
        },
        where: {
          description: "For a postgres:// path: keep only the rows whose column equals the value (all conditions must hold; each value is sent as a bound parameter, never as SQL).",
          type: "object",
          minProperties: 1,
          propertyNames: { minLength: 1 },
          additionalProperties: {
            anyOf: [{ type: "string" }, { type: "integer" }, { type: "boolean" }]
          }
        },
        id_column: {
          type: "string",
          minLength: 1
        },
        vector_column: {
          type: "string",
          minLength: 1
        },
        ids: {
          description: "Sidecar ids file (one id per line), relative to the manifest; for npy and binary.",
          type: "string",
          minLength: 1
        },
        sha256: {
          $ref: "#/$defs/sha256",
          description: `sha256 of the vectors file; for a dataset of parts, the dataset digest: the sha256 of the lines "<sha256 of the part>  <part name>\\n" in part-name order (sha256sum's format).`
        },
        parts: {
          description: "The parts of a dataset as released: each part's name (relative to the dataset's folder or prefix), size in bytes and sha256. A part added, missing or changed since is a finding naming it.",
          type: "array",
          items: {
            type: "object",
            additionalProperties: false,
            required: ["path", "sha256"],
            properties: {
              path: {
                type: "string",
                minLength: 1
              },
              size: {
                type: "integer",
                minimum: 0
              },
              sha256: {
                $ref: "#/$defs/sha256"
              }
            }
          }
        }
      }
    },
    dims: {
      description: "Dimensions per vector (bits for dtype binary).",
      type: "integer",
      minimum: 1,
      maximum: 65536
    },
    dtype: {
      enum: ["float32", "float16", "float64", "int8", "uint8", "binary"]
    },
    normalization: {
      enum: ["l2", "none"]
    },
    metric: {
      enum: ["cosine", "dot", "l2"]
    },
    created: {
      description: "Creation time (RFC 3339 date or date-time).",
      anyOf: [
        {
          type: "string",
          format: "date-time"
        },
        {
          type: "string",
          format: "date"
        }
      ]
    },
    inputs: {
      type: "object",
      additionalProperties: false,
      required: ["dataset", "sha256"],
      properties: {
        dataset: {
          description: "Name and version of the embedded data.",
          type: "string",
          minLength: 1
        },
        sha256: {
          $ref: "#/$defs/sha256"
        },
        md5: {
          $ref: "#/$defs/dvcMd5"
        },
        size: {
          description: "Bytes of the dataset, compared with the pointer's size.",
          type: "integer",
          minimum: 0
        },
        pointer: {
          $ref: "#/$defs/pointer"
        }
      }
    },
    preprocessing: {
      description: "Free map describing the preprocessing.",
      type: "object"
    },
    parent: {
      description: "The version this one replaces.",
      type: "string",
      format: "semver"
    },
    removals: {
      description: "Baseline ids this version removes on purpose: they are not counted as lost (`baseline.ids-missing`), and one still present is reported (`baseline.removal-present`).",
      type: "object",
      additionalProperties: false,
      required: ["ids"],
      properties: {
        ids: {
          description: "Text file of removed ids, one per line, relative to the manifest and inside the workspace.",
          type: "string",
          minLength: 1
        }
      }
    },
    expected_rows: {
      description: "The number of rows the vectors file holds; a different measured count is an error (`vectors.rows`), which catches a partial write even without a baseline.",
      type: "integer",
      minimum: 1
    },
    suites: {
      description: "Benchmark suites this version was evaluated on, with the results recorded when it was built.",
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["path"],
        properties: {
          path: {
            description: "The suite file, relative to the manifest.",
            type: "string",
            minLength: 1
          },
          results: {
            description: "Recorded mean scores by metric name (e.g. ndcg@10: 0.4123); the gate re-measures and warns on a difference above 1e-4.",
            type: "object",
            additionalProperties: {
              type: "number"
            }
          }
        }
      }
    },
    probe: {
      description: "Reproducibility probe of the embedding model: the gate re-embeds the probe set's inputs with this ONNX model and compares the results with the stored vectors of the same ids.",
      $ref: "#/$defs/probe"
    },
    encoders: {
      description: "Several encoders sharing one space (multimodal), by modality (text, image, audio...). A change to any encoder's model is a change to the space for versioning.",
      type: "object",
      minProperties: 1,
      propertyNames: {
        type: "string",
        pattern: "^[a-z][a-z0-9_-]{0,31}$"
      },
      additionalProperties: {
        type: "object",
        additionalProperties: false,
        required: ["model"],
        properties: {
          description: {
            type: "string"
          },
          model: {
            type: "object",
            additionalProperties: false,
            required: ["name", "revision"],
            properties: {
              name: {
                type: "string",
                minLength: 1
              },
              revision: {
                type: "string",
                minLength: 1
              },
              sha256: {
                $ref: "#/$defs/sha256"
              }
            }
          },
          probe: {
            $ref: "#/$defs/probe"
          }
        }
      }
    }
  },
  $defs: {
    sha256: {
      type: "string",
      pattern: "^[a-f0-9]{64}$"
    },
    dvcMd5: {
      description: "The md5 DVC records for the file (32 hex characters), or for a directory (32 hex characters and .dir). Compared with a DVC pointer's outs[].md5.",
      type: "string",
      pattern: "^[a-f0-9]{32}(\\.dir)?$"
    },
    pointer: {
      description: "Path of a DVC .dvc file or a Git LFS pointer file, relative to the manifest. The gate compares the hashes recorded here with the pointer's, without downloading anything.",
      type: "string",
      minLength: 1
    },
    probe: {
      type: "object",
      additionalProperties: false,
      required: ["model", "set"],
      properties: {
        model: {
          description: "The embedding model as one ONNX file, relative to the manifest; inside the workspace, never a URL.",
          type: "string",
          minLength: 1
        },
        sha256: {
          description: "sha256 of the ONNX file; the gate verifies it.",
          $ref: "#/$defs/sha256"
        },
        set: {
          description: "The probe set: an Arrow IPC or Parquet file with an id column and one column per model input (a list of numbers per row, flattened row-major; or a number).",
          type: "string",
          minLength: 1
        },
        format: {
          enum: ["arrow", "arrow-stream", "parquet"]
        },
        id_column: {
          description: "The probe set's id column (default id).",
          type: "string",
          minLength: 1
        },
        columns: {
          description: "The probe set's column for each model input (default: the input's name).",
          type: "object",
          additionalProperties: {
            type: "string",
            minLength: 1
          }
        },
        shapes: {
          description: "Per model input, the shape of one row without the batch dimension, when the model leaves more than one of its dimensions open (e.g. pixel_values: [3, 224, 224]).",
          type: "object",
          additionalProperties: {
            type: "array",
            items: {
              type: "integer",
              minimum: 1
            },
            minItems: 1
          }
        },
        output: {
          description: "The model output holding the embedding (default: the model's only output).",
          type: "string",
          minLength: 1
        },
        tolerance: {
          description: "Largest cosine deviation (1 - cos) allowed between a re-embedded and a stored vector (default by stored dtype: float64 1e-7, float32 1e-5, float16 1e-3, int8 and uint8 1e-2).",
          type: "number",
          exclusiveMinimum: 0,
          maximum: 2
        },
        batch_size: {
          description: "Probe rows per model run (default 64).",
          type: "integer",
          minimum: 1,
          maximum: 65536
        },
        vectors: {
          description: "The stored vectors to compare with, relative to the manifest (default: the manifest's vectors), e.g. a cross-modal suite's text query embeddings.",
          type: "object",
          additionalProperties: false,
          required: ["path"],
          properties: {
            path: {
              type: "string",
              minLength: 1
            },
            format: {
              enum: ["arrow", "arrow-stream", "parquet", "npy", "jsonl", "binary"]
            },
            id_column: {
              type: "string",
              minLength: 1
            },
            vector_column: {
              type: "string",
              minLength: 1
            },
            ids: {
              type: "string",
              minLength: 1
            }
          }
        }
      }
    }
  }
};

// contracts/registry.schema.json
var registry_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://embedding-gate.dev/schemas/registry.schema.json",
  title: "Embedding registry",
  description: "One per repository: every released embedding version with the sha256 of its files, its status, and the channels (production, staging, canary...) pointing at versions, each with its full history. Written by `embedding-gate promote|rollback|deprecate`; history is never deleted.",
  type: "object",
  additionalProperties: false,
  required: ["registry", "embeddings"],
  properties: {
    $schema: { type: "string" },
    registry: { description: "Format version of this file.", const: 1 },
    compatibility: {
      description: "Repository policy for the empirical space-compatibility analysis; command-line options override it.",
      type: "object",
      additionalProperties: false,
      properties: {
        sample_size: {
          description: "Shared ids sampled (default 2000).",
          type: "integer",
          minimum: 50,
          maximum: 5e3
        },
        seed: { type: "integer", minimum: 0, maximum: 4294967295 },
        k: {
          description: "Neighbours per id for the kNN overlap (default 10).",
          type: "integer",
          minimum: 1,
          maximum: 100
        },
        same_id_cosine_mean: { $ref: "#/$defs/unit" },
        same_id_cosine_p5: { $ref: "#/$defs/unit" },
        norm_ratio_tolerance: { type: "number", exclusiveMinimum: 0, maximum: 10 },
        knn_overlap: { $ref: "#/$defs/unit" },
        cka: { $ref: "#/$defs/unit" },
        cross_version_ratio: { type: "number", minimum: 0, maximum: 2 },
        self_recall_ratio: {
          description: "Mixing needs each id's new vector to retrieve its own old vector first (and back) at least this fraction of how often the old space retrieves itself (default 0.95).",
          $ref: "#/$defs/unit"
        },
        nearer_than_neighbour: {
          description: "Mixing needs at least this fraction of sampled ids whose new vector is nearer their old vector than that old vector's nearest old neighbour (default 0.99).",
          $ref: "#/$defs/unit"
        }
      }
    },
    embeddings: {
      description: "Per embedding name (the manifests' `name`).",
      type: "object",
      propertyNames: { type: "string", pattern: "^[a-z0-9][a-z0-9._-]{0,127}$" },
      additionalProperties: { $ref: "#/$defs/embedding" }
    }
  },
  $defs: {
    sha256: { type: "string", pattern: "^[a-f0-9]{64}$" },
    unit: { type: "number", minimum: -1, maximum: 1 },
    file: {
      type: "object",
      additionalProperties: false,
      required: ["path", "sha256"],
      properties: {
        path: {
          description: "Relative to the registry file.",
          type: "string",
          minLength: 1
        },
        sha256: { $ref: "#/$defs/sha256" }
      }
    },
    embedding: {
      type: "object",
      additionalProperties: false,
      required: ["versions"],
      properties: {
        versions: {
          description: "Every released version, keyed by its semantic version. A released version number is never reused for other content.",
          type: "object",
          propertyNames: { type: "string", format: "semver" },
          additionalProperties: { $ref: "#/$defs/version" }
        },
        channels: {
          type: "object",
          propertyNames: { type: "string", pattern: "^[a-z][a-z0-9_-]{0,63}$" },
          additionalProperties: { $ref: "#/$defs/channel" }
        }
      }
    },
    version: {
      type: "object",
      additionalProperties: false,
      required: ["status", "released", "manifest", "vectors"],
      properties: {
        status: { enum: ["active", "deprecated", "retired"] },
        released: { type: "string", format: "date-time" },
        manifest: { $ref: "#/$defs/file" },
        vectors: { $ref: "#/$defs/file" },
        ids: { $ref: "#/$defs/file" },
        deprecated_at: { type: "string", format: "date-time" },
        sunset: {
          description: "From this date (UTC) the version is past its sunset.",
          type: "string",
          format: "date"
        },
        reason: { type: "string" }
      }
    },
    channel: {
      type: "object",
      additionalProperties: false,
      required: ["version", "history"],
      properties: {
        version: {
          description: "The version the channel serves: the last history entry's.",
          type: "string",
          format: "semver"
        },
        history: {
          type: "array",
          minItems: 1,
          items: {
            type: "object",
            additionalProperties: false,
            required: ["version", "at", "actor", "action"],
            properties: {
              version: { type: "string", format: "semver" },
              at: { type: "string", format: "date-time" },
              actor: { type: "string", minLength: 1 },
              action: { enum: ["promote", "rollback"] },
              reason: { type: "string" },
              from: {
                description: "The version the channel served before.",
                type: "string",
                format: "semver"
              },
              report_sha256: {
                description: "sha256 of the gate report that allowed a promotion.",
                $ref: "#/$defs/sha256"
              }
            }
          }
        }
      }
    }
  }
};

// contracts/suite.schema.json
var suite_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://embedding-gate.dev/schemas/suite.schema.json",
  title: "Benchmark suite",
  description: "A retrieval evaluation set: relevance judgments, and per embedding version the query embeddings (and the corpus when it is not the release's own vectors).",
  type: "object",
  additionalProperties: false,
  required: ["suite", "qrels", "versions"],
  properties: {
    $schema: { type: "string" },
    suite: {
      description: "The suite's name; contracts' quality floors refer to it.",
      type: "string",
      pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"
    },
    description: { type: "string" },
    qrels: {
      description: "Relevance judgments, relative to this file: a BEIR qrels TSV (query-id, corpus-id, score) or a TREC qrels file (qid 0 docid rel). Graded relevance is supported.",
      type: "string",
      minLength: 1
    },
    qrels_format: { enum: ["auto", "beir", "trec"], default: "auto" },
    k: {
      description: "Retrieval depth: documents retrieved per query (default 100). Metric cutoffs above it are an error.",
      type: "integer",
      minimum: 1,
      maximum: 1e4
    },
    versions: {
      description: "Per embedding version (exact semver): the files embedded with that version.",
      type: "object",
      minProperties: 1,
      propertyNames: { format: "semver" },
      additionalProperties: {
        type: "object",
        additionalProperties: false,
        required: ["queries"],
        properties: {
          queries: { $ref: "#/$defs/vectorsRef" },
          corpus: { $ref: "#/$defs/vectorsRef" }
        }
      }
    }
  },
  $defs: {
    vectorsRef: {
      type: "object",
      additionalProperties: false,
      required: ["path"],
      properties: {
        path: {
          description: "Vectors file, a folder or glob of parts, (with --allow-remote) an s3:// or http(s):// URL, or a list of parts (files or URLs, read in the order written as one dataset); relative to the suite.",
          anyOf: [
            { type: "string", minLength: 1 },
            { type: "array", minItems: 1, items: { type: "string", minLength: 1 } }
          ]
        },
        format: { enum: ["arrow", "arrow-stream", "parquet", "npy", "jsonl", "binary"] },
        id_column: { type: "string", minLength: 1 },
        vector_column: { type: "string", minLength: 1 },
        ids: { type: "string", minLength: 1 }
      }
    }
  }
};

// contracts/waivers.schema.json
var waivers_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://embedding-gate.dev/schemas/waivers.schema.json",
  title: "Waivers",
  description: "Findings a team has decided to accept for a while. A waived finding is reported as waived and does not block; a waiver past its expiry date is itself an error (waiver.expired).",
  type: "object",
  additionalProperties: false,
  required: ["waivers"],
  properties: {
    $schema: { type: "string" },
    waivers: {
      type: "array",
      items: { $ref: "#/$defs/waiver" }
    }
  },
  $defs: {
    waiver: {
      type: "object",
      additionalProperties: false,
      required: ["check", "fingerprint", "reason", "owner", "expires"],
      properties: {
        check: {
          description: "The finding's check id, e.g. contract.dims.",
          type: "string",
          pattern: "^[a-z0-9-]+(\\.[a-z0-9-]+)+$"
        },
        consumer: {
          description: "The consumer the finding concerns; required to match a finding that names a consumer.",
          type: "string",
          minLength: 1
        },
        fingerprint: {
          description: "The finding's fingerprint, as shown in the JSON report (16 lowercase hex characters).",
          type: "string",
          pattern: "^[a-f0-9]{16}$"
        },
        reason: {
          description: "Why the finding is acceptable for now.",
          type: "string",
          minLength: 1
        },
        owner: {
          description: "Who answers for the waiver, e.g. @org/search-team.",
          type: "string",
          minLength: 1
        },
        expires: {
          description: "The last day the waiver holds (a date is valid through that day, UTC), or an exact date-time.",
          anyOf: [
            { type: "string", format: "date" },
            { type: "string", format: "date-time" }
          ]
        }
      }
    }
  }
};

// src/config/schema.ts
var SCHEMAS = {
  suite: suite_schema_default,
  manifest: manifest_schema_default,
  contract: contract_schema_default,
  waivers: waivers_schema_default,
  registry: registry_schema_default
};
var addFormats = import_ajv_formats.default.default ?? import_ajv_formats.default;
var ajv;
var compiled2 = /* @__PURE__ */ new Map();
function validator(kind) {
  let fn = compiled2.get(kind);
  if (fn) return fn;
  if (!ajv) {
    ajv = new import__.Ajv2020({ allErrors: true, strict: true, verbose: true });
    addFormats(ajv, ["date", "date-time"]);
    ajv.addFormat("semver", { type: "string", validate: (s) => import_semver2.default.valid(s) !== null });
    ajv.addFormat("semver-range", {
      type: "string",
      validate: (s) => import_semver2.default.validRange(s) !== null
    });
  }
  fn = ajv.compile(SCHEMAS[kind]);
  compiled2.set(kind, fn);
  return fn;
}
function validateDocument(kind, doc) {
  const validate = validator(kind);
  if (validate(doc.data)) return [];
  const errors = collapse((validate.errors ?? []).filter((e) => e.keyword !== "propertyNames"));
  const seen = /* @__PURE__ */ new Set();
  const findings = [];
  for (const e of errors) {
    const { path, message, atKey } = describe(kind, e);
    const location = doc.locate(path, { key: atKey });
    const field = path.length ? path.join(".") : "(top level)";
    const text = `${field}: ${message}`;
    const dedupe = `${location.line}:${location.column}:${text}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    findings.push({ id: `${kind}.schema`, severity: "error", message: text, location });
  }
  return findings.sort(
    (a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0) || a.message.localeCompare(b.message)
  );
}
function segments(instancePath) {
  if (!instancePath) return [];
  return instancePath.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~")).map((s) => /^\d+$/.test(s) ? Number(s) : s);
}
function collapse(errors) {
  const out = [];
  const consumed = /* @__PURE__ */ new Set();
  errors.forEach((a, index) => {
    if (a.keyword !== "anyOf") return;
    const under = (e) => e.instancePath === a.instancePath || e.instancePath.startsWith(a.instancePath + "/");
    const branch = errors.slice(0, index).filter((e) => !consumed.has(e) && under(e));
    branch.forEach((e) => consumed.add(e));
    consumed.add(a);
    const deeper = branch.filter((e) => e.instancePath.length > a.instancePath.length);
    if (deeper.length) {
      out.push(...deeper);
    } else {
      const expectations = [...new Set(branch.map((e) => expectation(e)))];
      out.push({
        ...a,
        message: `expected ${expectations.join(" or ")}`,
        params: { merged: true }
      });
    }
  });
  for (const e of errors) if (!consumed.has(e)) out.push(e);
  return out;
}
function found(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string")
    return JSON.stringify(value.length > 60 ? value.slice(0, 57) + "..." : value);
  return String(value);
}
var FORMAT_TEXT = {
  semver: "a semantic version such as 2.1.0",
  "semver-range": 'a semver range such as ^2.0.0 or ">=1.4.0 <3.0.0"',
  date: "an RFC 3339 date such as 2026-11-02",
  "date-time": "an RFC 3339 date-time such as 2026-11-02T10:00:00Z"
};
function expectation(e) {
  const p = e.params;
  switch (e.keyword) {
    case "type":
      return `${/^[aeiou]/.test(String(p.type)) ? "an" : "a"} ${String(p.type)}`;
    case "enum":
      return `one of ${p.allowedValues.map(String).join(", ")}`;
    case "format":
      return FORMAT_TEXT[String(p.format)] ?? `format ${String(p.format)}`;
    case "pattern":
      return String(p.pattern) === "^[a-f0-9]{64}$" ? "a sha256 digest (64 lowercase hex characters)" : `text matching ${String(p.pattern)}`;
    case "minimum":
      return `a number \u2265 ${String(p.limit)}`;
    case "maximum":
      return `a number \u2264 ${String(p.limit)}`;
    case "exclusiveMinimum":
      return `a number > ${String(p.limit)}`;
    case "exclusiveMaximum":
      return `a number < ${String(p.limit)}`;
    case "minLength":
      return Number(p.limit) === 1 ? "non-empty text" : `text of at least ${String(p.limit)} characters`;
    case "maxLength":
      return `text of at most ${String(p.limit)} characters`;
    case "minItems":
      return `a list of at least ${String(p.limit)} item(s)`;
    case "uniqueItems":
      return "a list without repeated items";
    case "minProperties":
      return `at least ${String(p.limit)} field(s)`;
    case "type:array":
      return "a list";
    default:
      return e.message ?? e.keyword;
  }
}
function describe(kind, e) {
  const path = segments(e.instancePath);
  const p = e.params;
  const badKey = e.propertyName;
  if (badKey !== void 0) {
    return {
      path: [...path, badKey],
      atKey: true,
      message: `key "${badKey}": expected ${expectation(e)}`
    };
  }
  if (e.keyword === "required") {
    return { path, message: `missing required field "${String(p.missingProperty)}"` };
  }
  if (e.keyword === "additionalProperties") {
    const key = String(p.additionalProperty);
    const allowed = allowedKeys(e);
    const hint = closest(key, allowed);
    return {
      path: [...path, key],
      atKey: true,
      message: `unknown field "${key}"` + (hint ? ` (did you mean "${hint}"?)` : allowed.length ? `; allowed: ${allowed.join(", ")}` : "")
    };
  }
  if (p.merged) {
    return { path, message: `${e.message ?? ""}, found ${found(e.data)}` };
  }
  return { path, message: `expected ${expectation(e)}, found ${found(e.data)}` };
}
function allowedKeys(e) {
  const props = e.parentSchema?.properties;
  return props ? Object.keys(props).filter((k) => k !== "$schema") : [];
}
function closest(key, allowed) {
  let best;
  let bestDistance = 3;
  for (const candidate of allowed) {
    const d = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
function editDistance(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

// src/config/registry.ts
var EMPTY_REGISTRY_YAML = "# embedding-gate registry: written by promote, rollback and deprecate; history is never deleted.\nregistry: 1\nembeddings: {}\n";
function parseRegistry(file, text, path, limits) {
  const doc = parseSourceText(file, text, path, limits);
  const findings = validateDocument("registry", doc);
  if (findings.length) return { doc, findings, text };
  const registry = doc.data;
  const problems = [];
  for (const [name2, emb] of Object.entries(registry.embeddings)) {
    for (const [channel, ch] of Object.entries(emb.channels ?? {})) {
      const last = ch.history[ch.history.length - 1];
      if (last.version !== ch.version) {
        problems.push({
          id: "registry.channel",
          severity: "error",
          message: `${name2} channel ${channel} says version ${ch.version}, but its last history entry is ${last.version}; the history is the record, so the two must agree`,
          location: doc.locate(["embeddings", name2, "channels", channel, "version"]),
          expected: last.version,
          found: ch.version
        });
      }
      ch.history.forEach((h, i) => {
        if (!emb.versions[h.version]) {
          problems.push({
            id: "registry.channel",
            severity: "error",
            message: `${name2} channel ${channel} history names version ${h.version}, which is not among the released versions`,
            location: doc.locate([
              "embeddings",
              name2,
              "channels",
              channel,
              "history",
              i,
              "version"
            ])
          });
        }
      });
    }
  }
  return problems.length ? { doc, findings: problems, text } : { doc, registry, findings: [], text };
}
async function loadRegistry(file, cwd, options = {}) {
  const path = resolve(cwd, file);
  const caps = configLimits(options.limits);
  const text = await readSourceText(file, path, caps.maxBytes, "registry", options.workspace);
  return parseRegistry(file, text, path, caps);
}
function requireValid(loaded) {
  if (loaded.registry) return loaded.registry;
  const f = loaded.findings[0];
  const at = f.location ? `${f.location.file}:${f.location.line ?? 1}:${f.location.column ?? 1}` : loaded.doc.file;
  const more = loaded.findings.length > 1 ? ` (and ${loaded.findings.length - 1} more problem(s))` : "";
  throw new ConfigError(`${at}: invalid registry: ${f.message}${more}`, f.location);
}
function renderRegistry(file, previousText, next) {
  if (/\.json$/i.test(file)) return JSON.stringify(next, null, 2) + "\n";
  const doc = (0, import_yaml.parseDocument)(previousText, { uniqueKeys: false });
  syncNode(doc, [], doc.contents, next);
  return doc.toString({ lineWidth: 0 });
}
function syncNode(doc, path, node, value) {
  if (Array.isArray(value)) {
    if (!(0, import_yaml.isSeq)(node)) return void doc.setIn(path, doc.createNode(value));
    value.forEach((item, i) => {
      if (i < node.items.length) syncNode(doc, [...path, i], node.items[i], item);
      else node.add(doc.createNode(item));
    });
    return;
  }
  if (value !== null && typeof value === "object") {
    if (!(0, import_yaml.isMap)(node)) return void doc.setIn(path, doc.createNode(value));
    if (node.flow && Object.keys(value).length > node.items.length) node.flow = false;
    for (const [key, item] of Object.entries(value)) {
      if (item === void 0) continue;
      const child = node.get(key, true);
      if (child === void 0) node.set(doc.createNode(key), doc.createNode(item));
      else syncNode(doc, [...path, key], child, item);
    }
    return;
  }
  const current = doc.getIn(path);
  if (current !== value) doc.setIn(path, value);
}

// src/release/registry-ops.ts
var RegistryRefusal = class extends Error {
  constructor(id, message) {
    super(message);
    this.id = id;
  }
  id;
  name = "RegistryRefusal";
};
function embedding(reg, name2) {
  return reg.embeddings[name2];
}
function withEmbedding(reg, name2, emb) {
  return { ...reg, embeddings: { ...reg.embeddings, [name2]: emb } };
}
function withChannel(reg, name2, channel, ch) {
  const emb = embedding(reg, name2);
  return withEmbedding(reg, name2, { ...emb, channels: { ...emb.channels ?? {}, [channel]: ch } });
}
function recordDifferences(released, candidate) {
  const out = [];
  for (const role of ["manifest", "vectors", "ids"]) {
    const a = released[role];
    const b = candidate[role];
    if (a && b && a.sha256 !== b.sha256)
      out.push(`${role} ${b.path} hashes to ${b.sha256}, the released ${a.path} to ${a.sha256}`);
    else if (!!a !== !!b)
      out.push(
        `${role}: released ${a ? a.path : "without one"}, candidate ${b ? b.path : "without one"}`
      );
  }
  return out;
}
function promote(reg, c) {
  const emb = embedding(reg, c.name) ?? { versions: {} };
  let next = reg;
  const released = emb.versions[c.version];
  if (released) {
    if (c.record) {
      const diff = recordDifferences(released, c.record);
      if (diff.length) {
        throw new RegistryRefusal(
          "version.immutable",
          `${c.name} ${c.version} was released with other content (${diff.join("; ")}); a released version number is never reused \u2014 give the new content a new version`
        );
      }
    }
    if (released.status !== "active") {
      throw new RegistryRefusal(
        "promote.status",
        `${c.name} ${c.version} is ${released.status}${released.sunset ? ` (sunset ${released.sunset})` : ""}; only active versions are promoted`
      );
    }
  } else {
    if (!c.record) {
      throw new RegistryRefusal(
        "promote.unknown",
        `${c.name} ${c.version} is not in the registry; promote it with its manifest (--report or --candidate) to register it`
      );
    }
    const record = { status: "active", released: c.at, ...c.record };
    next = withEmbedding(next, c.name, {
      ...emb,
      versions: { ...emb.versions, [c.version]: record }
    });
  }
  const current = emb.channels?.[c.channel];
  if (current?.version === c.version) {
    return { message: `${c.name} ${c.channel} is already at ${c.version}; nothing to do` };
  }
  const entry = {
    version: c.version,
    at: c.at,
    actor: c.actor,
    action: "promote",
    ...c.reason ? { reason: c.reason } : {},
    ...current ? { from: current.version } : {},
    ...c.reportSha256 ? { report_sha256: c.reportSha256 } : {}
  };
  next = withChannel(next, c.name, c.channel, {
    version: c.version,
    history: [...current?.history ?? [], entry]
  });
  return {
    next,
    message: `promoted ${c.name} ${c.version} to ${c.channel}${current ? ` (was ${current.version})` : ""}${released ? "" : "; registered the version"}`
  };
}
function rollbackStack(history) {
  const stack = [];
  for (const h of history) {
    if (h.action === "rollback") {
      stack.pop();
      if (stack[stack.length - 1] !== h.version) stack.push(h.version);
    } else {
      stack.push(h.version);
    }
  }
  return stack;
}
function rollback(reg, c) {
  const ch = embedding(reg, c.name)?.channels?.[c.channel];
  if (!ch)
    throw new RegistryRefusal(
      "rollback.none",
      `${c.name} has no channel ${c.channel}; nothing to roll back`
    );
  if (c.from && ch.version !== c.from) {
    return {
      message: `${c.name} ${c.channel} is at ${ch.version}, not ${c.from}; nothing to do (already rolled back?)`
    };
  }
  const stack = rollbackStack(ch.history);
  const target = stack[stack.length - 2];
  if (!target)
    throw new RegistryRefusal(
      "rollback.none",
      `${c.name} ${c.channel} has no earlier version to roll back to (it has only served ${ch.version})`
    );
  const status = embedding(reg, c.name).versions[target].status;
  if (status === "retired")
    throw new RegistryRefusal(
      "rollback.status",
      `${c.name} ${target} is retired; the channel cannot roll back to it`
    );
  const entry = {
    version: target,
    at: c.at,
    actor: c.actor,
    action: "rollback",
    ...c.reason ? { reason: c.reason } : {},
    from: ch.version
  };
  return {
    next: withChannel(reg, c.name, c.channel, { version: target, history: [...ch.history, entry] }),
    message: `rolled ${c.name} ${c.channel} back from ${ch.version} to ${target}${status === "deprecated" ? ` (note: ${target} is deprecated)` : ""}`
  };
}
function deprecate(reg, c) {
  const emb = embedding(reg, c.name);
  const v = emb?.versions[c.version];
  if (!emb || !v)
    throw new RegistryRefusal("deprecate.unknown", `${c.name} ${c.version} is not in the registry`);
  if (v.status === "retired")
    throw new RegistryRefusal("deprecate.status", `${c.name} ${c.version} is already retired`);
  if (v.status === "deprecated" && v.sunset === c.sunset && (c.reason === void 0 || c.reason === v.reason)) {
    return {
      message: `${c.name} ${c.version} is already deprecated with sunset ${c.sunset}; nothing to do`
    };
  }
  const record = {
    ...v,
    status: "deprecated",
    deprecated_at: v.deprecated_at ?? c.at,
    sunset: c.sunset,
    ...c.reason ? { reason: c.reason } : {}
  };
  const serving = Object.entries(emb.channels ?? {}).filter(([, ch]) => ch.version === c.version).map(([name2]) => name2);
  return {
    next: withEmbedding(reg, c.name, {
      ...emb,
      versions: { ...emb.versions, [c.version]: record }
    }),
    message: `deprecated ${c.name} ${c.version}, sunset ${c.sunset}` + (serving.length ? ` (still served by ${serving.join(", ")}: promote a successor before the sunset)` : "")
  };
}
async function updateRegistry(file, change, options = {}) {
  const write = options.write ?? writeFileAtomic;
  return withLock(
    `${file}.lock`,
    async (lock) => {
      const limits = configLimits(options.limits);
      let text;
      try {
        text = decodeSource(file, await readCapped(file, file, limits.maxBytes));
      } catch (err) {
        if (err instanceof ConfigError) throw err;
        if (err.code !== "ENOENT")
          throw new ConfigError(`${file}: cannot read: ${err.message}`, { file });
        if (!options.create)
          throw new ConfigError(`${file}: no such registry; pass --init to create it`, { file });
        text = /\.json$/i.test(file) ? '{\n  "registry": 1,\n  "embeddings": {}\n}\n' : EMPTY_REGISTRY_YAML;
      }
      const registry = requireValid(parseRegistry(file, text, void 0, limits));
      const outcome = change(registry);
      if (outcome.next) {
        const rendered = renderRegistry(file, text, outcome.next);
        requireValid(parseRegistry(file, rendered, void 0, limits));
        await lock.assertHeld();
        await write(file, rendered);
      }
      return outcome;
    },
    options.lock
  );
}

// src/release/registry-check.ts
var ROLES = ["manifest", "vectors", "ids"];
async function checkRegistryHashes(loaded, workspace, cwd, openSource = openLocalSource) {
  const reg = loaded.registry;
  const findings = [];
  for (const [name2, emb] of Object.entries(reg.embeddings)) {
    for (const [version, v] of Object.entries(emb.versions)) {
      for (const role of ROLES) {
        const f = v[role];
        if (!f) continue;
        const fieldPath = ["embeddings", name2, "versions", version, role];
        const path = resolveInWorkspace(loaded.doc, [...fieldPath, "path"], f.path, workspace);
        const shown = relative3(cwd, path) || path;
        const actual = await sha256File(path, openSource, shown).catch(
          (err) => {
            if (err instanceof ConfigError) throw err;
            return err;
          }
        );
        if (actual instanceof Error) {
          if (v.status === "retired" && actual.code === "ENOENT") continue;
          findings.push({
            id: "registry.hash",
            severity: "error",
            message: `${name2} ${version} (${v.status}): released ${role} file ${shown} ${actual.code === "ENOENT" ? "no longer exists" : `cannot be read (${actual.message})`}`,
            location: loaded.doc.locate([...fieldPath, "path"])
          });
        } else if (actual !== f.sha256) {
          findings.push({
            id: "registry.hash",
            severity: "error",
            message: `${name2} ${version} (${v.status}): released ${role} file ${shown} hashes to ${actual}, but the registry recorded ${f.sha256}; released files are immutable`,
            location: loaded.doc.locate([...fieldPath, "sha256"]),
            expected: f.sha256,
            found: actual
          });
        }
      }
    }
  }
  return findings;
}
async function hashRelease(registryFile, files, openSource = openLocalSource) {
  const base = dirname2(resolve2(registryFile));
  const entry = async (abs) => ({
    path: relative3(base, abs).split("\\").join("/"),
    sha256: await sha256File(abs, openSource)
  });
  return {
    manifest: await entry(files.manifest),
    vectors: await entry(files.vectors),
    ...files.ids ? { ids: await entry(files.ids) } : {}
  };
}
function checkImmutable(loaded, name2, version, candidate, location) {
  const released = loaded.registry.embeddings[name2]?.versions[version];
  if (!released) return [];
  const diff = recordDifferences(released, candidate);
  if (diff.length === 0) {
    return [
      {
        id: "version.released",
        severity: "info",
        message: `${name2} ${version} is already released with identical files (${released.status})`,
        location
      }
    ];
  }
  const at = loaded.doc.locate(["embeddings", name2, "versions", version], { key: true });
  return [
    {
      id: "version.immutable",
      severity: "error",
      message: `${name2} ${version} was already released (${loaded.doc.file}:${at.line}) with other content: ${diff.join("; ")}. A released version number is never reused; give this content a new version`,
      location
    }
  ];
}
var DAY = 864e5;
function daysUntil(sunset, now) {
  return Math.ceil((Date.parse(`${sunset}T00:00:00Z`) - now.getTime()) / DAY);
}
function usable(v, now) {
  if (v.status === "retired") return false;
  return !(v.sunset && daysUntil(v.sunset, now) <= 0);
}
function checkDeprecations(reg, contracts, now, channel) {
  const pins = [];
  const findings = [];
  for (const loaded of contracts) {
    const c = loaded.contract;
    const emb = c ? reg.embeddings[c.embedding] : void 0;
    if (!c || !emb) continue;
    const matching = Object.keys(emb.versions).filter((v) => import_semver3.default.satisfies(v, c.accepts, { includePrerelease: true })).sort(import_semver3.default.rcompare);
    const served = channel ? emb.channels?.[channel]?.version : void 0;
    const top = pinnedVersion(matching, served);
    const record = top ? emb.versions[top] : void 0;
    pins.push({
      consumer: c.consumer,
      embedding: c.embedding,
      accepts: c.accepts,
      ...served ? { channel } : {},
      ...top && record ? {
        version: top,
        status: record.status,
        ...record.sunset ? { sunset: record.sunset, daysLeft: daysUntil(record.sunset, now) } : {}
      } : {}
    });
    if (!top || !record) continue;
    const location = loaded.doc.locate(["accepts"]);
    const describe2 = (v) => {
      const r = emb.versions[v];
      return r.status === "retired" ? `${v} (retired)` : `${v} (sunset ${r.sunset})`;
    };
    const alive = matching.filter((v) => usable(emb.versions[v], now));
    if (alive.length === 0) {
      findings.push({
        id: "deprecation.sunset",
        severity: "error",
        consumer: c.consumer,
        message: `${c.consumer} (${c.owner}) accepts ${c.embedding} ${c.accepts}, which only matches versions past their sunset: ${matching.map(describe2).join(", ")}; widen its range to a supported version`,
        location
      });
    } else if (record.status !== "active") {
      const days = record.sunset ? daysUntil(record.sunset, now) : void 0;
      const when = days === void 0 ? "without a sunset date" : days > 0 ? `sunset ${record.sunset}, in ${days} day${days === 1 ? "" : "s"}` : `past its sunset ${record.sunset}; it falls back to ${alive[0]}`;
      findings.push({
        id: "deprecation.sunset",
        severity: "warning",
        consumer: c.consumer,
        message: `${c.consumer} (${c.owner}) is pinned to ${c.embedding} ${top}, which is deprecated (${when}); move it to a supported version`,
        location,
        ...days !== void 0 ? { found: days } : {}
      });
    }
  }
  return { pins: pins.sort((a, b) => a.consumer.localeCompare(b.consumer)), findings };
}
function pinnedVersion(matchingDescending, served) {
  if (served === void 0) return matchingDescending[0];
  return matchingDescending.find((v) => import_semver3.default.lte(v, served)) ?? matchingDescending[0];
}

// src/release/versioning.ts
function versionVectors(v) {
  const m = v.loaded.manifest;
  if (!m || !v.vectors || v.rows === void 0) return void 0;
  return {
    path: v.vectors.path,
    open: v.vectors.open,
    metric: m.metric,
    rows: v.rows,
    ...v.ids ? { ids: v.ids } : {}
  };
}
function effectiveCompatibility(registry, overrides) {
  const options = compatibilityFromRegistry(
    registry?.registry?.compatibility,
    DEFAULT_COMPATIBILITY
  );
  return {
    ...options,
    sampleSize: overrides?.sampleSize ?? options.sampleSize,
    seed: overrides?.seed ?? options.seed
  };
}
async function runVersioning(input) {
  const findings = [];
  const candidate = input.candidate.loaded;
  const cm = candidate.manifest;
  const out = { findings };
  const registry = input.registry;
  if (registry) findings.push(...registry.findings);
  const options = effectiveCompatibility(registry, input.compatibility);
  if (cm) {
    out.candidateManifestSha256 = await sha256File(candidate.doc.path, input.openSource);
    const lineage = checkLineage(candidate, input.pointers);
    findings.push(...lineage.findings);
    if (lineage.checks.length) out.lineage = lineage.checks;
  }
  const bm = input.baseline?.loaded.manifest;
  if (cm && bm && input.baseline) {
    let compat;
    const a = versionVectors(input.baseline);
    const b = versionVectors(input.candidate);
    if (!a || !b) compat = { unmeasured: "the vectors of one version could not be read" };
    else if (!input.open) compat = { unmeasured: "no vectors reader was given to the engine" };
    else {
      try {
        compat = await analyzeCompatibility(
          a,
          b,
          options,
          input.open,
          crossVersionCells(input.suites),
          input.ort,
          input.readSample
        );
      } catch (err) {
        if (!(err instanceof VectorFileError)) throw err;
        compat = { unmeasured: `reading the sample failed: ${err.message}` };
      }
    }
    const classified = classifyChange(bm, cm, compat);
    const bump = checkBump(bm, cm, candidate.doc, classified);
    findings.push(...bump.findings);
    const v = bump.summary;
    out.requiredBump = {
      level: v.required,
      declared: v.declared,
      reasons: v.reasons.map((r) => `${r.level}: ${r.field} ${r.from} \u2192 ${r.to} \u2014 ${r.why}`),
      from: v.from,
      to: v.to,
      sufficient: v.sufficient,
      details: v.reasons
    };
    const where = { file: candidate.doc.file };
    if ("verdict" in compat) {
      out.compatibility = compat;
      findings.push({
        id: "compat.space",
        severity: "info",
        message: `${bm.version} \u2192 ${cm.version}: ${compat.summary} (${count(compat.rows)} of ${count(compat.shared)} shared ids sampled, seed ${compat.seed})`,
        location: where
      });
    } else if (classified.reasons.every((r) => r.level !== "major")) {
      findings.push({
        id: "compat.unmeasured",
        severity: "warning",
        message: `the spaces of ${bm.version} and ${cm.version} were not compared (${compat.unmeasured}); a ${classified.required === "none" ? "release" : classified.required + " bump"} assumes they are compatible, which is unverified`,
        location: where
      });
    }
  }
  if (registry?.registry) {
    findings.push(
      ...await checkRegistryHashes(registry, input.workspace, input.cwd, input.openSource)
    );
    const vectors = input.candidate.vectors;
    if (cm && vectors) {
      const files = await hashRelease(
        registry.doc.path,
        {
          manifest: candidate.doc.path,
          vectors: vectors.path,
          ...vectors.open.idsPath ? { ids: vectors.open.idsPath } : {}
        },
        input.openSource
      ).catch((err) => {
        if (err instanceof ConfigError) throw err;
        return void 0;
      });
      if (files)
        findings.push(
          ...checkImmutable(
            registry,
            cm.name,
            cm.version,
            files,
            candidate.doc.locate(["version"])
          )
        );
    }
    const deprecations = checkDeprecations(
      registry.registry,
      input.contracts,
      input.now,
      input.channel
    );
    findings.push(...deprecations.findings);
    out.pins = deprecations.pins;
  }
  return out;
}
function crossVersionCells(suites = []) {
  return suites.flatMap(
    (s) => (s.cross ?? []).map((c) => ({
      suite: s.suite,
      measure: c.metric,
      newOnNew: c.candidateCandidate,
      newOnOld: c.candidateQueriesBaselineCorpus
    }))
  );
}

// src/staging/step.ts
function stagingVersion(loaded, vectors) {
  const m = loaded.manifest;
  return { loaded, vectors: { ...vectors, info: { dims: m.dims, dtype: m.dtype } } };
}
async function stagingStep(input) {
  const manifest = input.candidate.loaded.manifest;
  const consumers = input.contracts.filter((c) => c.contract?.embedding === manifest.name && c.contract.staging).sort((a, b) => a.contract.consumer.localeCompare(b.contract.consumer));
  const probes = [];
  if (manifest.probe) probes.push({ modality: "model", field: ["probe"] });
  for (const modality of Object.keys(manifest.encoders ?? {}).sort())
    if (manifest.encoders[modality].probe)
      probes.push({ modality, field: ["encoders", modality, "probe"] });
  if (consumers.length === 0 && probes.length === 0) return void 0;
  const side = (version) => ({
    manifest: version.loaded.manifest,
    vectors: version.vectors
  });
  const ctx = {
    workspace: input.workspace,
    cwd: input.cwd,
    ort: await (input.ort ?? loadOrt)(),
    openVectors: input.openVectors ?? openVectors,
    openSource: input.openSource ?? openLocalSource,
    limits: {
      maxModelBytes: input.limits?.maxModelBytes ?? DEFAULT_MAX_MODEL_BYTES,
      maxDataBytes: input.limits?.maxDataBytes ?? DEFAULT_MAX_DATA_BYTES,
      ...input.limits?.threads !== void 0 && { threads: input.limits.threads }
    },
    seed: input.seed,
    candidate: side(input.candidate),
    ...input.baseline && { baseline: side(input.baseline) },
    ...input.consumerRun && { consumerRun: input.consumerRun },
    ...input.probeRun && { probeRun: input.probeRun },
    ...input.recordOnly && { recordOnly: true }
  };
  const findings = [];
  const report2 = {
    consumers: [],
    probes: []
  };
  const { stageConsumer } = await import("./consumer-JGW3OMMR.js");
  const { runProbe } = await import("./probe-VCEKT2XT.js");
  const total = consumers.length + probes.length;
  let done = 0;
  input.onModel?.(done, total);
  for (const contract of consumers) {
    const outcome = await stageConsumer(ctx, contract);
    report2.consumers.push(outcome.result);
    findings.push(...outcome.findings);
    input.onModel?.(++done, total);
  }
  for (const { modality, field } of probes) {
    const decl = modality === "model" && field.length === 1 ? manifest.probe : manifest.encoders[modality].probe;
    const outcome = await runProbe(ctx, input.candidate.loaded, decl, modality, field);
    report2.probes.push(outcome.result);
    findings.push(...outcome.findings);
    input.onModel?.(++done, total);
  }
  return { report: report2, findings };
}

// src/retrieval/knn-graph.ts
var FLT_MIN = 11754943508222875e-54;
var KNN_IO = {
  queries: "queries",
  corpus: "corpus",
  maxNorm2: "max_norm2",
  k: "k",
  values: "values",
  indices: "indices",
  scores: "scores"
};
function scoresNode(g, metric, dtype, dims) {
  const q = g.input(KNN_IO.queries, "float32", ["nq", dims]);
  const raw = g.input(KNN_IO.corpus, dtype, ["b", dims]);
  const c = dtype === "float32" ? raw : g.op("Cast", [raw], { to: 1 });
  let axis;
  const rowAxis = () => axis ??= g.constant("int64", [1], [1], "axis1");
  let squares;
  const norms2 = () => squares ??= g.op("ReduceSumSquare", [c, rowAxis()], { keepdims: 0 });
  switch (metric) {
    case "dot":
      return { scores: g.op("Gemm", [q, c], { transB: 1 }), norms2 };
    case "cosine": {
      const norms = g.op("Unsqueeze", [g.op("Sqrt", [norms2()]), rowAxis()]);
      const floor2 = g.constant("float32", [], [FLT_MIN], "flt_min");
      const inv = g.op("Reciprocal", [g.op("Max", [norms, floor2])]);
      return { scores: g.op("Gemm", [q, g.op("Mul", [c, inv])], { transB: 1 }), norms2 };
    }
    case "l2":
      return {
        scores: g.op("Gemm", [q, c, norms2()], { transB: 1, alpha: float(2), beta: float(-1) }),
        norms2
      };
  }
}
function buildKnnModel(metric, dtype, dims) {
  const g = new GraphBuilder(`knn_${metric}_${dtype}`);
  const { scores, norms2 } = scoresNode(g, metric, dtype, dims);
  const k = g.input(KNN_IO.k, "int64", [1]);
  const [values, indices] = g.node(
    "TopK",
    [scores, k],
    { axis: -1, largest: 1, sorted: 1 },
    { outputs: 2 }
  );
  g.output(values, "float32", ["nq", "k"], KNN_IO.values);
  g.output(g.op("Cast", [indices], { to: 6 }), "int32", ["nq", "k"], KNN_IO.indices);
  g.output(g.op("ReduceMax", [norms2()], { keepdims: 0 }), "float32", [], KNN_IO.maxNorm2);
  return g.build({ docString: `exact kNN block scan: ${metric}, ${dtype}, ${dims} dims` });
}
function buildScoresModel(metric, dtype, dims) {
  const g = new GraphBuilder(`scores_${metric}_${dtype}`);
  g.output(scoresNode(g, metric, dtype, dims).scores, "float32", ["nq", "b"], KNN_IO.scores);
  return g.build({ docString: `block scores: ${metric}, ${dtype}, ${dims} dims` });
}

// src/retrieval/knn-exact.ts
var U2 = 2 ** -24;
function gamma(n) {
  return n * U2 / (1 - n * U2);
}
function screeningInterval(metric, dims, queryNorm, maxRowNorm2) {
  const g = gamma(dims + 1);
  const maxNorm = Math.sqrt(Math.max(0, maxRowNorm2) / (1 - g)) * (1 + 1e-12);
  let eps;
  if (metric === "cosine") {
    eps = 2 * g + 8 * U2;
  } else if (metric === "dot") {
    eps = g * queryNorm * maxNorm;
  } else {
    const r = queryNorm + maxNorm;
    eps = (2.01 * g + 2 * U2) * r * r;
  }
  eps *= 1.01;
  return {
    upper: (v) => v + eps + 2 * U2 * (Math.abs(v) + eps),
    lower: (v) => v - eps - 2 * U2 * (Math.abs(v) + eps)
  };
}
var ExactScorer = class {
  constructor(metric, dtype, query) {
    this.metric = metric;
    const table2 = dtype === "float16" ? float16Table() : void 0;
    this.table = table2;
    this.q = table2 ? Float64Array.from(query, (x) => table2[x]) : Float64Array.from(query);
    let qq = 0;
    for (let i = 0; i < this.q.length; i++) qq += this.q[i] * this.q[i];
    this.qq = qq;
  }
  metric;
  q;
  qq;
  table;
  /** ‖q‖ in float64. */
  get norm() {
    return Math.sqrt(this.qq);
  }
  /**
   * Exact scores of `count` rows starting at `offsets[0..count)`, into `out`: each exactly
   * what {@link score} gives it. Each row's sums run in the same order, but four rows go
   * through one loop, so their independent chains of float64 additions overlap: one
   * row's chain is latency-bound (each addition waits for the previous one).
   */
  scoreRows(values, offsets, count3, out) {
    let r = 0;
    if (!this.table && values instanceof Float32Array) {
      for (; r + 4 <= count3; r += 4) {
        this.score4(
          values,
          offsets[r],
          offsets[r + 1],
          offsets[r + 2],
          offsets[r + 3],
          out,
          r
        );
      }
    }
    for (; r < count3; r++) out[r] = this.score(values, offsets[r]);
  }
  /** Four float32 rows at once, each summed exactly as {@link score} sums it. */
  score4(c, a, b, d, e, out, at) {
    const { q } = this;
    const n = q.length;
    if (this.metric === "l2") {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let i = 0; i < n; i++) {
        const x = q[i];
        const d0 = x - c[a + i];
        const d1 = x - c[b + i];
        const d2 = x - c[d + i];
        const d3 = x - c[e + i];
        s0 += d0 * d0;
        s1 += d1 * d1;
        s2 += d2 * d2;
        s3 += d3 * d3;
      }
      out[at] = Math.fround(-s0);
      out[at + 1] = Math.fround(-s1);
      out[at + 2] = Math.fround(-s2);
      out[at + 3] = Math.fround(-s3);
      return;
    }
    if (this.metric === "dot") {
      let d0 = 0;
      let d1 = 0;
      let d2 = 0;
      let d3 = 0;
      for (let i = 0; i < n; i++) {
        const x = q[i];
        d0 += x * c[a + i];
        d1 += x * c[b + i];
        d2 += x * c[d + i];
        d3 += x * c[e + i];
      }
      out[at] = Math.fround(d0);
      out[at + 1] = Math.fround(d1);
      out[at + 2] = Math.fround(d2);
      out[at + 3] = Math.fround(d3);
      return;
    }
    let p0 = 0;
    let p1 = 0;
    let p2 = 0;
    let p3 = 0;
    let c0 = 0;
    let c1 = 0;
    let c2 = 0;
    let c3 = 0;
    for (let i = 0; i < n; i++) {
      const x = q[i];
      const y0 = c[a + i];
      const y1 = c[b + i];
      const y2 = c[d + i];
      const y3 = c[e + i];
      p0 += x * y0;
      p1 += x * y1;
      p2 += x * y2;
      p3 += x * y3;
      c0 += y0 * y0;
      c1 += y1 * y1;
      c2 += y2 * y2;
      c3 += y3 * y3;
    }
    const qq = this.qq;
    const cos = (p, cc) => qq === 0 || cc === 0 ? 0 : Math.fround(p / Math.sqrt(qq * cc));
    out[at] = cos(p0, c0);
    out[at + 1] = cos(p1, c1);
    out[at + 2] = cos(p2, c2);
    out[at + 3] = cos(p3, c3);
  }
  /** The exact score of the row starting at `values[offset]`. */
  score(values, offset) {
    const { q, table: table2 } = this;
    const n = q.length;
    if (this.metric === "l2") {
      let dist = 0;
      for (let i = 0; i < n; i++) {
        const c = table2 ? table2[values[offset + i]] : values[offset + i];
        const diff = q[i] - c;
        dist += diff * diff;
      }
      return Math.fround(-dist);
    }
    let dot = 0;
    let cc = 0;
    for (let i = 0; i < n; i++) {
      const c = table2 ? table2[values[offset + i]] : values[offset + i];
      dot += q[i] * c;
      cc += c * c;
    }
    if (this.metric === "dot") return Math.fround(dot);
    return this.qq === 0 || cc === 0 ? 0 : Math.fround(dot / Math.sqrt(this.qq * cc));
  }
};

// src/retrieval/ranking.ts
var RELVALUE_NONPOOL = -1;
var RELVALUE_UNJUDGED = -2;
var RELEVANCE_LEVEL = 1;
function compareBytes(a, b) {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      if (x >= 55296 && y >= 55296) {
        x = x >= 57344 ? x - 2048 : x + 8192;
        y = y >= 57344 ? y - 2048 : y + 8192;
      }
      return x < y ? -1 : 1;
    }
  }
  return a.length < b.length ? -1 : 1;
}
function rankOrder(docs) {
  const { docids, scores } = docs;
  const n = docids.length;
  const sorted = Float64Array.from(scores).sort();
  const group = new Int32Array(n);
  const filled = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const x = scores[i];
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = lo + hi >>> 1;
      if (sorted[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    group[i] = lo;
  }
  const order = new Int32Array(n);
  let ties = false;
  for (let i = 0; i < n; i++) {
    const g = group[i];
    const k = filled[g];
    if (k > 0) ties = true;
    filled[g] = k + 1;
    order[n - 1 - (g + k)] = i;
  }
  if (ties) {
    for (let g = 0; g < n; g++) {
      const size = filled[g];
      if (size < 2) continue;
      const from = n - g - size;
      order.subarray(from, from + size).sort((i, j) => compareBytes(docids[j], docids[i]));
    }
  }
  return order;
}
function relevanceLevels(judgments) {
  let max = -1;
  if (judgments) {
    for (const rel of judgments.values()) if (rel > max) max = rel;
  }
  const levels = new Int32Array(max + 1);
  if (judgments) {
    for (const rel of judgments.values()) if (rel >= 0) levels[rel]++;
  }
  return levels;
}
function duplicateError(qid, docs, idx, file) {
  const docid = docs.docids[idx];
  const reason = `document ${JSON.stringify(docid)} is retrieved twice for query ${JSON.stringify(qid)}; trec_eval rejects runs with duplicate documents`;
  if (file !== void 0 && docs.lines) {
    const first = docs.docids.indexOf(docid);
    const lineA = docs.lines[first];
    const lineB = docs.lines[idx];
    return new BenchParseError(
      file,
      Math.max(lineA, lineB),
      `${reason} (also at line ${Math.min(lineA, lineB)})`
    );
  }
  return new InvalidRunError(qid, docid, reason);
}
function judgeRanking(qid, judgments, docs, file) {
  const relLevels = relevanceLevels(judgments);
  let numRel = 0;
  for (let g = RELEVANCE_LEVEL; g < relLevels.length; g++) numRel += relLevels[g];
  const n = docs ? docs.docids.length : 0;
  const rels = new Int32Array(n);
  const relCum = new Int32Array(n + 1);
  let numRelRet = 0;
  let numNonpool = 0;
  let numUnjudged = 0;
  if (docs && n > 0) {
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(docs.scores[i]))
        throw new InvalidRunError(qid, docs.docids[i], "score is NaN");
    }
    const order = rankOrder(docs);
    const seen = /* @__PURE__ */ new Set();
    for (let k = 0; k < n; k++) {
      const idx = order[k];
      const docid = docs.docids[idx];
      const before = seen.size;
      seen.add(docid);
      if (seen.size === before) throw duplicateError(qid, docs, idx, file);
      const judged = judgments?.get(docid);
      let rel;
      if (judged === void 0) {
        rel = RELVALUE_NONPOOL;
        numNonpool++;
      } else if (judged < 0) {
        rel = RELVALUE_UNJUDGED;
        numUnjudged++;
      } else {
        rel = judged;
        if (rel >= RELEVANCE_LEVEL) numRelRet++;
      }
      rels[k] = rel;
      relCum[k + 1] = numRelRet;
    }
  }
  return { rels, relCum, numRet: n, numRel, numRelRet, numNonpool, numUnjudged, relLevels };
}
function relevantInTop(r, k) {
  return r.relCum[Math.min(k, r.numRet)];
}

// src/retrieval/knn-select.ts
var compareIds = compareBytes;
function ranksBefore(aScore, aId, bScore, bId) {
  return aScore > bScore || aScore === bScore && compareIds(aId, bId) > 0;
}
function byRank(a, b) {
  return b.score - a.score || compareIds(b.id, a.id) || a.row - b.row;
}
var TopKList = class {
  constructor(k) {
    this.k = k;
  }
  k;
  hits = [];
  /** True once `k` hits are held: then only hits ranking before the last can enter. */
  get full() {
    return this.hits.length >= this.k;
  }
  /** The score of the k-th hit, or -Infinity while fewer than k are held. */
  get threshold() {
    return this.full ? this.hits[this.k - 1].score : Number.NEGATIVE_INFINITY;
  }
  /** Whether a hit with this score could still enter (its id decides when it equals the threshold). */
  mayEnter(score2) {
    return !this.full || score2 >= this.threshold;
  }
  /** Merges candidates (any order); keeps the best k by the ranking rule. */
  merge(candidates) {
    if (candidates.length === 0) return;
    const last = this.full ? this.hits[this.k - 1] : void 0;
    const entering = last ? candidates.filter((c) => ranksBefore(c.score, c.id, last.score, last.id)) : candidates;
    if (entering.length === 0) return;
    const incoming = entering === candidates ? [...candidates] : entering;
    incoming.sort(byRank);
    const held = this.hits;
    const merged = [];
    let a = 0;
    let b = 0;
    while (merged.length < this.k && (a < held.length || b < incoming.length)) {
      const x = held[a];
      const y = incoming[b];
      if (y === void 0 || x !== void 0 && byRank(x, y) <= 0) {
        merged.push(x);
        a++;
      } else {
        merged.push(y);
        b++;
      }
    }
    this.hits = merged;
  }
  /** The hits, best first. */
  result() {
    return this.hits.slice();
  }
};

// src/retrieval/knn-trec.ts
function formatScore(score2) {
  if (!Number.isFinite(score2)) return String(score2);
  const target = Math.fround(score2);
  let text = target.toPrecision(9);
  for (let p = 6; p < 9; p++) {
    const candidate = target.toPrecision(p);
    if (Math.fround(Number(candidate)) === target) {
      text = candidate;
      break;
    }
  }
  return stripZeros(text);
}
function stripZeros(text) {
  const [mantissa = text, exponent] = text.split("e");
  const trimmed = mantissa.includes(".") ? mantissa.replace(/\.?0+$/, "") : mantissa;
  const sign = trimmed === "-0" ? "0" : trimmed;
  return exponent === void 0 ? sign : `${sign}e${exponent}`;
}
var WHITESPACE = /\s/;
function checkField(value, what) {
  if (value === "" || WHITESPACE.test(value)) {
    throw new KnnInputError(
      "bad-id",
      `TREC run: ${what} ${JSON.stringify(value)} is empty or contains whitespace`
    );
  }
  return value;
}
function* trecRunLines(result2, tag) {
  checkField(tag, "run tag");
  for (let q = 0; q < result2.hits.length; q++) {
    const qid = checkField(result2.queryIds[q] ?? String(q), "query id");
    const hits = result2.hits[q] ?? [];
    for (let r = 0; r < hits.length; r++) {
      const hit = hits[r];
      yield `${qid} Q0 ${checkField(hit.id, "document id")} ${r + 1} ${formatScore(hit.score)} ${tag}
`;
    }
  }
}

// src/retrieval/knn.ts
var DEFAULT_BLOCK_ROWS = 16384;
var SCORE_BUDGET_BYTES = 128 << 20;
var DEFAULT_TIE_SLACK = 16;
var ARRAY_FOR2 = { float32: Float32Array, float16: Uint16Array, int8: Int8Array };
function positiveInt(value, fallback, name2) {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < 1) {
    throw new KnnInputError("bad-option", `${name2} must be a positive integer, got ${v}`);
  }
  return v;
}
async function exactKnn(opts) {
  const { queries, corpus, metric } = opts;
  const k = positiveInt(opts.k, 0, "k");
  const blockRows = positiveInt(opts.blockRows, DEFAULT_BLOCK_ROWS, "blockRows");
  const chunkRows = positiveInt(
    opts.queryChunkRows,
    Math.max(1, Math.floor(SCORE_BUDGET_BYTES / (4 * blockRows))),
    "queryChunkRows"
  );
  const slack = opts.tieSlack ?? DEFAULT_TIE_SLACK;
  if (!Number.isInteger(slack) || slack < 0) {
    throw new KnnInputError("bad-option", `tieSlack must be an integer \u2265 0, got ${slack}`);
  }
  if (!["cosine", "dot", "l2"].includes(metric)) {
    throw new KnnInputError(
      "bad-option",
      `metric must be cosine, dot or l2, got ${String(metric)}`
    );
  }
  checkQueries(queries, corpus);
  const dtype = knnDType(corpus.info.dtype, `corpus ${corpus.info.path}`);
  const { dims, rows: nq } = queries;
  const prepared = prepareQueries(queries, metric);
  const qNorms = prepared.squaredNorms;
  const lists = Array.from({ length: nq }, () => new TopKList(k));
  const scorers = Array.from(
    { length: nq },
    (_, q) => new ExactScorer(metric, dtype, queries.values.subarray(q * dims, (q + 1) * dims))
  );
  const queryIds = queries.ids ? [...queries.ids] : Array.from({ length: nq }, (_, i) => String(i));
  const stats = { corpusRows: 0, blocks: 0, runs: 0, exactScores: 0, fullRescans: 0 };
  if (nq === 0) return { metric, k, dims, queryIds, hits: [], stats };
  const ort = opts.ort ?? await loadOrt();
  const sessionConfig = { threads: opts.threads };
  const session = await createSession(buildKnnModel(metric, dtype, dims), sessionConfig, ort);
  let scoresSession;
  const chunks = [];
  for (let start = 0; start < nq; start += chunkRows) {
    const rows = Math.min(chunkRows, nq - start);
    const data = prepared.values.subarray(start * dims, (start + rows) * dims);
    chunks.push({ start, rows, tensor: new ort.Tensor("float32", data, [rows, dims]) });
  }
  const approx = qNorms ? (q, v) => v - qNorms[q] : (_q, v) => v;
  const admit = (q, view, rows, seen) => {
    const list = lists[q];
    const scorer = scorers[q];
    const candidates = [];
    for (const [row, upper] of rows) {
      if (!list.mayEnter(upper)) continue;
      if (seen?.has(row)) continue;
      const score2 = scorer.score(view.values, row * dims);
      candidates.push({ id: view.idAt(row), row: view.rowAt(row), score: score2 });
    }
    stats.exactScores += candidates.length;
    list.merge(candidates);
  };
  const scanBlock = async (view) => {
    stats.blocks++;
    stats.corpusRows += view.rows;
    const corpusTensor = new ort.Tensor(dtype, view.values, [view.rows, dims]);
    const kb = Math.min(k + slack, view.rows);
    const kTensor = new ort.Tensor("int64", BigInt64Array.of(BigInt(kb)), [1]);
    const offsets = new Float64Array(kb);
    const exact = new Float64Array(kb);
    for (const chunk of chunks) {
      const out = await session.run({
        [KNN_IO.queries]: chunk.tensor,
        [KNN_IO.corpus]: corpusTensor,
        [KNN_IO.k]: kTensor
      });
      stats.runs++;
      const values = out[KNN_IO.values]?.data;
      const indices = out[KNN_IO.indices]?.data;
      const maxNorm2 = (out[KNN_IO.maxNorm2]?.data)[0];
      const unsettled = [];
      for (let i = 0; i < chunk.rows; i++) {
        const q = chunk.start + i;
        const list = lists[q];
        const scorer = scorers[q];
        const { upper, lower } = screeningInterval(metric, dims, scorer.norm, maxNorm2);
        const base = i * kb;
        const floor2 = kb >= k ? lower(approx(q, values[base + k - 1])) : Number.NEGATIVE_INFINITY;
        let count3 = 0;
        for (; count3 < kb; count3++) {
          const u = upper(approx(q, values[base + count3]));
          if (u < floor2 || !list.mayEnter(u)) break;
          offsets[count3] = indices[base + count3] * dims;
        }
        scorer.scoreRows(view.values, offsets, count3, exact);
        const candidates = [];
        for (let j = 0; j < count3; j++) {
          const row = offsets[j] / dims;
          candidates.push({ id: view.idAt(row), row: view.rowAt(row), score: exact[j] });
        }
        stats.exactScores += count3;
        list.merge(candidates);
        const last = upper(approx(q, values[base + kb - 1]));
        if (kb < view.rows && last >= floor2 && list.mayEnter(last)) {
          const seen = /* @__PURE__ */ new Set();
          for (let j = 0; j < kb; j++) seen.add(indices[base + j]);
          unsettled.push({ q, upper, seen });
        }
      }
      if (unsettled.length > 0) await rescan(view, corpusTensor, unsettled);
    }
  };
  const rescan = async (view, corpusTensor, unsettled) => {
    scoresSession ??= await createSession(
      buildScoresModel(metric, dtype, dims),
      sessionConfig,
      ort
    );
    for (let s = 0; s < unsettled.length; s += chunkRows) {
      const part = unsettled.slice(s, s + chunkRows);
      const sub = new Float32Array(part.length * dims);
      part.forEach(
        ({ q }, i) => sub.set(prepared.values.subarray(q * dims, (q + 1) * dims), i * dims)
      );
      const out = await scoresSession.run({
        [KNN_IO.queries]: new ort.Tensor("float32", sub, [part.length, dims]),
        [KNN_IO.corpus]: corpusTensor
      });
      const scores = out[KNN_IO.scores]?.data;
      part.forEach(({ q, upper, seen }, i) => {
        const all = function* () {
          for (let j = 0; j < view.rows; j++)
            yield [j, upper(approx(q, scores[i * view.rows + j]))];
        };
        admit(q, view, all(), seen);
      });
      stats.fullRescans += part.length;
    }
  };
  try {
    await streamBlocks(corpus, dtype, dims, blockRows, async (view) => {
      await scanBlock(view);
      opts.onBlock?.(stats.corpusRows);
    });
  } finally {
    await session.release();
    await scoresSession?.release();
  }
  return { metric, k, dims, queryIds, hits: lists.map((l) => l.result()), stats };
}
async function streamBlocks(corpus, dtype, dims, blockRows, scan) {
  const Ctor = ARRAY_FOR2[dtype];
  let buffer;
  const bufIds = [];
  const bufRows = [];
  let filled = 0;
  const flush = async () => {
    await scan({
      values: buffer.subarray(0, filled * dims),
      rows: filled,
      idAt: (i) => bufIds[i] ?? String(bufRows[i]),
      rowAt: (i) => bufRows[i]
    });
    filled = 0;
  };
  for await (const batch of corpus.batches()) {
    if (batch.dims !== dims || batch.dtype !== dtype || !(batch.values instanceof Ctor)) {
      throw new KnnInputError(
        batch.dims !== dims ? "dims-mismatch" : "dtype-mismatch",
        `corpus ${corpus.info.path}: batch at row ${batch.rowOffset} is ${batch.dtype} \xD7 ${batch.dims} (${batch.values.constructor.name}), expected ${dtype} \xD7 ${dims}`
      );
    }
    const ids = batch.ids;
    let off = 0;
    while (off < batch.rows) {
      if (filled === 0 && batch.rows - off >= blockRows) {
        const first = off;
        await scan({
          values: batch.values.subarray(first * dims, (first + blockRows) * dims),
          rows: blockRows,
          idAt: (i) => ids?.[first + i] ?? String(batch.rowOffset + first + i),
          rowAt: (i) => batch.rowOffset + first + i
        });
        off += blockRows;
        continue;
      }
      buffer ??= new Ctor(blockRows * dims);
      const take = Math.min(blockRows - filled, batch.rows - off);
      buffer.set(
        batch.values.subarray(off * dims, (off + take) * dims),
        filled * dims
      );
      for (let i = 0; i < take; i++) {
        bufIds[filled + i] = ids?.[off + i];
        bufRows[filled + i] = batch.rowOffset + off + i;
      }
      filled += take;
      off += take;
      if (filled === blockRows) await flush();
    }
  }
  if (filled > 0) await flush();
}

// src/gate/bench-knn.ts
import { relative as relative4 } from "node:path";

// src/retrieval/topk-merge.ts
function mergeTopK(lists, k) {
  return lists.flat().sort(byRank).slice(0, k);
}
function mergeKnnResults(results) {
  const first = results[0];
  if (!first) throw new RangeError("nothing to merge");
  for (const r of results) {
    if (r.k !== first.k || r.metric !== first.metric || r.dims !== first.dims || r.queryIds.length !== first.queryIds.length || r.queryIds.some((id, i) => id !== first.queryIds[i]))
      throw new RangeError("results of different queries, k, metric or dims cannot be merged");
  }
  const sum2 = (pick) => results.reduce((t, r) => t + pick(r.stats), 0);
  return {
    metric: first.metric,
    k: first.k,
    dims: first.dims,
    queryIds: first.queryIds,
    hits: first.queryIds.map(
      (_, q) => mergeTopK(
        results.map((r) => r.hits[q]),
        first.k
      )
    ),
    stats: {
      corpusRows: sum2((s) => s.corpusRows),
      blocks: sum2((s) => s.blocks),
      runs: sum2((s) => s.runs),
      exactScores: sum2((s) => s.exactScores),
      fullRescans: sum2((s) => s.fullRescans)
    }
  };
}

// src/vectors/row-slice.ts
var SLICE_BLOCK_ROWS = 65536;
function rowSlice(spec, rows, blockRows = SLICE_BLOCK_ROWS) {
  if (rows === void 0)
    return { kind: "blocks", blockRows, index: spec.index, count: spec.count };
  const at = (i) => Math.floor(rows * i / spec.count);
  return { kind: "range", start: at(spec.index - 1), end: at(spec.index) };
}
function owned(slice, from, n) {
  const to = from + n;
  if (slice.kind === "range") {
    const a = Math.max(from, slice.start);
    const b = Math.min(to, slice.end);
    return a < b ? [[a, b]] : [];
  }
  const out = [];
  const B = slice.blockRows;
  for (let block = Math.floor(from / B); block * B < to; block++) {
    if (block % slice.count !== slice.index - 1) continue;
    out.push([Math.max(from, block * B), Math.min(to, (block + 1) * B)]);
  }
  return out;
}
function sliceSource(source, slice, keepIds, options = {}) {
  const segments2 = [];
  const ids = keepIds && source.info.hasIds ? [] : void 0;
  const { info } = source;
  const width = info.dtype === "binary" ? info.dims + 7 >> 3 : info.dims;
  const rows = info.rows === void 0 ? void 0 : slice.kind === "range" ? slice.end - slice.start : countBlocks(slice, info.rows);
  async function* batches() {
    let local = 0;
    const stream = slice.kind === "range" && slice.start > 0 && source.batchesFrom ? source.batchesFrom(slice.start) : source.batches();
    for await (const batch of stream) {
      if (slice.kind === "range" && batch.rowOffset >= slice.end) break;
      for (const [a, b] of owned(slice, batch.rowOffset, batch.rows)) {
        const r0 = a - batch.rowOffset;
        const r1 = b - batch.rowOffset;
        const cut2 = {
          rowOffset: local,
          rows: r1 - r0,
          dims: batch.dims,
          dtype: batch.dtype,
          values: batch.values.subarray(r0 * width, r1 * width),
          ...batch.ids ? { ids: batch.ids.slice(r0, r1) } : options.rowNumberIds && {
            ids: Array.from({ length: r1 - r0 }, (_, i) => String(a + i))
          },
          ...batch.idBytes && {
            // Offsets are relative to the first one, so the data is cut to match.
            idBytes: {
              offsets: batch.idBytes.offsets.subarray(r0, r1 + 1),
              data: batch.idBytes.data.subarray(
                batch.idBytes.offsets[r0] - batch.idBytes.offsets[0]
              )
            }
          }
        };
        segments2.push({ local, global: a, rows: r1 - r0 });
        if (ids && cut2.ids) for (const id of cut2.ids) ids.push(id);
        local += r1 - r0;
        yield cut2;
      }
    }
  }
  return {
    info: { ...info, ...rows !== void 0 && { rows } },
    batches,
    close: () => source.close(),
    segments: segments2,
    ids,
    globalRow(at) {
      let lo = 0;
      let hi = segments2.length - 1;
      while (lo < hi) {
        const mid = lo + hi + 1 >> 1;
        if (segments2[mid].local <= at) lo = mid;
        else hi = mid - 1;
      }
      const s = segments2[lo];
      return s ? s.global + (at - s.local) : at;
    }
  };
}
function countBlocks(slice, rows) {
  let n = 0;
  for (const [a, b] of owned(slice, 0, rows)) n += b - a;
  return n;
}

// src/gate/partial.ts
import { createHash as createHash3 } from "node:crypto";
var PARTIAL_FORMAT = "embedding-gate/partial";
var PARTIAL_VERSION = 1;
function canonicalJson(value) {
  return JSON.stringify(value, (_key, v) => {
    if (v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date)) {
      const sorted = {};
      for (const k of Object.keys(v).sort()) sorted[k] = v[k];
      return sorted;
    }
    return v;
  });
}
function sha256Text(text) {
  return createHash3("sha256").update(text).digest("hex");
}
function planDigest(toolVersion, request2, inputs) {
  return sha256Text(canonicalJson({ toolVersion, request: request2, inputs }));
}
function serialisePartial(partial) {
  return `${JSON.stringify(partial)}
`;
}
function parsePartial(file, text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(
      `${file}: not a partial result (invalid JSON: ${err.message})`
    );
  }
  const p = data;
  const fail = (what) => {
    throw new ConfigError(`${file}: not a partial result of embedding-gate: ${what}`);
  };
  if (!p || typeof p !== "object" || Array.isArray(p)) return fail("expected a JSON object");
  if (p.format !== PARTIAL_FORMAT)
    return fail(`"format" must be "${PARTIAL_FORMAT}", found ${JSON.stringify(p.format)}`);
  if (p.version !== PARTIAL_VERSION)
    return fail(
      `"version" ${JSON.stringify(p.version)} is not ${PARTIAL_VERSION}, the version this tool reads (merge with the tool version that wrote it)`
    );
  if (p.command !== "check" && p.command !== "knn" && p.command !== "validate")
    return fail(
      `"command" must be "check", "knn" or "validate", found ${JSON.stringify(p.command)}`
    );
  const s = p.shard;
  if (!s || !Number.isInteger(s.index) || !Number.isInteger(s.count) || s.index < 1 || s.index > s.count)
    return fail('"shard" must be {index, count} with 1 \u2264 index \u2264 count');
  if (!p.plan || typeof p.plan.digest !== "string" || !p.plan.request || !Array.isArray(p.plan.inputs))
    return fail('"plan" must hold digest, request and inputs');
  const body2 = p;
  if (body2.command === "validate" && (!body2.scan || typeof body2.scan !== "object"))
    return fail('"scan" must be an object');
  if (body2.command === "check" && (!body2.scans || typeof body2.scans !== "object"))
    return fail('"scans" must be an object');
  if (body2.command === "check" && body2.knn !== void 0 && !Array.isArray(body2.knn))
    return fail('"knn" must be a list of kNN passes');
  if (body2.command === "check" && body2.staging !== void 0 && !Array.isArray(body2.staging))
    return fail('"staging" must be a list of consumer runs');
  if (body2.command === "check" && body2.probes !== void 0 && !Array.isArray(body2.probes))
    return fail('"probes" must be a list of probe comparisons');
  if (body2.command === "knn" && !Array.isArray(body2.result?.hits))
    return fail('"result" must hold the hits of every query');
  return p;
}
function checkShardSet(partials) {
  if (partials.length === 0) throw new ConfigError("merge needs at least one partial result");
  const first = partials[0];
  for (const p of partials.slice(1)) {
    if (p.partial.plan.digest !== first.partial.plan.digest)
      throw new ConfigError(
        `${p.file} and ${first.file} are partials of different plans (digest ${p.partial.plan.digest.slice(0, 12)} \u2260 ${first.partial.plan.digest.slice(0, 12)}${describeDifference(first.partial, p.partial)}); merge only the shards of one run`
      );
    if (p.partial.shard.count !== first.partial.shard.count)
      throw new ConfigError(
        `${p.file} is shard ${p.partial.shard.index}/${p.partial.shard.count} but ${first.file} is shard ${first.partial.shard.index}/${first.partial.shard.count}; every partial must come from the same --shard i/n split`
      );
  }
  const n = first.partial.shard.count;
  const byIndex = /* @__PURE__ */ new Map();
  for (const p of partials) {
    const other = byIndex.get(p.partial.shard.index);
    if (other)
      throw new ConfigError(
        `shard ${p.partial.shard.index}/${n} is given twice: ${other.file} and ${p.file}`
      );
    byIndex.set(p.partial.shard.index, p);
  }
  const missing = [];
  for (let i = 1; i <= n; i++) if (!byIndex.has(i)) missing.push(i);
  if (missing.length > 0)
    throw new ConfigError(
      `missing shard${missing.length > 1 ? "s" : ""} ${missing.map((i) => `${i}/${n}`).join(", ")} (given: ${partials.map((p) => `${p.file} = ${p.partial.shard.index}/${n}`).join(", ")})`
    );
  return [...byIndex.keys()].sort((a, b) => a - b).map((i) => byIndex.get(i));
}
function describeDifference(a, b) {
  if (a.command !== b.command) return `: one is of "${a.command}", the other of "${b.command}"`;
  if (a.tool.version !== b.tool.version) return `: tool ${a.tool.version} vs ${b.tool.version}`;
  if (canonicalJson(a.plan.request) !== canonicalJson(b.plan.request))
    return ": the options differ";
  const other = new Map(b.plan.inputs.map((i) => [i.file, canonicalJson(i)]));
  for (const input of a.plan.inputs) {
    if (other.get(input.file) !== canonicalJson(input)) return `: ${input.file} differs`;
  }
  return ": the inputs differ";
}

// src/gate/bench-knn.ts
function corpusSearch(open4, ort, shard) {
  const slices = /* @__PURE__ */ new Map();
  const search = async (queriesRef, corpusRef, k, metric, tell) => {
    const querySource = await open4(queriesRef.path, queriesRef.open);
    let queries;
    try {
      queries = await readQueries(querySource);
    } finally {
      await querySource.close();
    }
    const whole = await open4(corpusRef.path, corpusRef.open);
    const slice = shard && rowSlice(shard, whole.info.rows);
    const corpus = slice ? sliceSource(whole, slice, false, { rowNumberIds: true }) : void 0;
    if (slice) slices.set(corpusRef, slice);
    try {
      const searched = corpus ?? whole;
      const result2 = await exactKnn({
        queries,
        corpus: searched,
        k,
        metric,
        ...ort && { ort: await ort() },
        ...tell && { onBlock: (rows) => tell(rows, searched.info.rows) }
      });
      if (!corpus) return result2;
      return {
        ...result2,
        hits: result2.hits.map(
          (list) => list.map((h) => ({ id: h.id, row: corpus.globalRow(h.row), score: h.score }))
        )
      };
    } finally {
      await whole.close();
    }
  };
  return Object.assign(search, shard ? { slices } : {});
}
function portable(path, workspace) {
  return URL_LIKE.test(path) ? redactUrl(path) : relative4(workspace, path) || ".";
}
function passKey(queries, corpus, k, metric, workspace) {
  const ref = (r) => ({
    path: portable(r.path, workspace),
    open: {
      ...r.open,
      ...r.open.idsPath !== void 0 && { idsPath: portable(r.open.idsPath, workspace) },
      ...r.open.parts && { parts: r.open.parts.map((p) => portable(p, workspace)) }
    }
  });
  return canonicalJson({ queries: ref(queries), corpus: ref(corpus), k, metric });
}
function survivesJson(result2) {
  return result2.hits.every(
    (list) => list.every((h) => Number.isFinite(h.score) && !Object.is(h.score, -0))
  );
}
function recordingSearch(search, workspace, record) {
  const seen = /* @__PURE__ */ new Set();
  return async (queries, corpus, k, metric, tell) => {
    const key = passKey(queries, corpus, k, metric, workspace);
    const first = !seen.has(key);
    seen.add(key);
    try {
      const result2 = await search(queries, corpus, k, metric, tell);
      const slice = search.slices?.get(corpus);
      if (first)
        record.push(
          survivesJson(result2) ? { key, ...slice && { slice }, result: result2 } : { key, failed: "a score JSON cannot carry (non-finite or \u22120)" }
        );
      return result2;
    } catch (err) {
      if (first) record.push({ key, failed: err instanceof Error ? err.message : String(err) });
      throw err;
    }
  };
}
function mergedPass(entries) {
  const results = [];
  for (const e of entries) {
    const r = e?.result;
    if (!r || e.failed !== void 0 || !Array.isArray(r.hits) || !Array.isArray(r.queryIds))
      return void 0;
    results.push(r);
  }
  try {
    return results.length > 0 ? mergeKnnResults(results) : void 0;
  } catch (err) {
    if (err instanceof RangeError) return void 0;
    throw err;
  }
}
function mergedSearch(shards, workspace, whole, used = { merged: 0, whole: 0 }) {
  const indexed = shards.map((entries) => new Map((entries ?? []).map((e) => [e.key, e])));
  const cache = /* @__PURE__ */ new Map();
  return async (queries, corpus, k, metric, tell) => {
    const key = passKey(queries, corpus, k, metric, workspace);
    if (!cache.has(key)) cache.set(key, mergedPass(indexed.map((m) => m.get(key))));
    const merged = cache.get(key);
    if (merged) {
      used.merged++;
      return merged;
    }
    used.whole++;
    return whole(queries, corpus, k, metric, tell);
  };
}

// src/retrieval/run-file.ts
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
var RunParser = class {
  constructor(file) {
    this.file = file;
  }
  file;
  queries = /* @__PURE__ */ new Map();
  runId = "";
  /** Adds one raw line (1-based `lineNo`); blank lines and `#` comments are skipped. */
  addLine(raw, lineNo) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const cells = line.split(/\s+/);
    if (cells.length < 6) {
      throw new BenchParseError(
        this.file,
        lineNo,
        `expected 6 columns "qid Q0 docid rank score tag", found ${cells.length}`
      );
    }
    const scoreText = cells[4];
    const score2 = Number(scoreText);
    if (!Number.isFinite(score2)) {
      throw new BenchParseError(
        this.file,
        lineNo,
        `score ${JSON.stringify(scoreText)} is not a finite number`
      );
    }
    const qid = cells[0];
    let q = this.queries.get(qid);
    if (!q) {
      q = { docids: [], scores: [], lines: [] };
      this.queries.set(qid, q);
    }
    q.docids.push(cells[2]);
    q.scores.push(score2);
    q.lines.push(lineNo);
    this.runId = cells[5];
  }
  /** The run read so far. @throws BenchParseError when no line carried a result. */
  finish(lastLine) {
    if (this.queries.size === 0) {
      throw new BenchParseError(
        this.file,
        Math.max(1, lastLine),
        "no results found (the run file is empty)"
      );
    }
    const queries = /* @__PURE__ */ new Map();
    for (const [qid, q] of this.queries) {
      queries.set(qid, {
        docids: q.docids,
        scores: Float64Array.from(q.scores),
        lines: Int32Array.from(q.lines)
      });
    }
    return { runId: this.runId, queries, file: this.file };
  }
};
async function readRunFile(path) {
  const parser = new RunParser(path);
  const lines = createInterface({ input: createReadStream(path, "utf8"), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) parser.addLine(line, ++lineNo);
  return parser.finish(lineNo);
}
function runFromLists(lists, runId = "embedding-gate") {
  const queries = /* @__PURE__ */ new Map();
  for (const [qid, docs] of lists) {
    queries.set(qid, {
      docids: docs.map((d) => d.docid),
      scores: Float64Array.from(docs, (d) => d.score)
    });
  }
  return { runId, queries };
}

// src/retrieval/measures-gain.ts
function gainOf(rel, numLevels) {
  return rel >= 0 && rel < numLevels ? rel : 0;
}
var IdealCursor = class {
  constructor(levels) {
    this.levels = levels;
    this.level = levels.length - 1;
    this.gain = this.level >= 0 ? this.level : 0;
  }
  levels;
  level;
  atLevel = 0;
  gain;
  advance() {
    this.atLevel++;
    while (this.level >= 0 && this.atLevel > this.levels[this.level]) {
      this.atLevel = 1;
      this.level--;
      this.gain = this.level >= 0 ? this.level : 0;
    }
  }
};
function discount(i) {
  return Math.log2(i + 2);
}
function idealGains(levels) {
  const out = [];
  for (let g = levels.length - 1; g > 0; g--) for (let c = 0; c < levels[g]; c++) out.push(g);
  return out;
}
function ndcg(r) {
  const L = r.relLevels.length;
  let dcg = 0;
  for (let i = 0; i < r.numRet; i++) {
    const g = gainOf(r.rels[i], L);
    if (g !== 0) dcg += g / discount(i);
  }
  const ideal = idealGains(r.relLevels);
  let idcg = 0;
  for (let i = 0; i < ideal.length; i++) idcg += ideal[i] / discount(i);
  return idcg > 0 ? dcg / idcg : 0;
}
function ndcgCut(r, cutoffs) {
  const L = r.relLevels.length;
  const ideal = idealGains(r.relLevels);
  return cutoffs.map((c) => {
    let dcg = 0;
    for (let i = 0; i < Math.min(c, r.numRet); i++) {
      const g = gainOf(r.rels[i], L);
      if (g !== 0) dcg += g / discount(i);
    }
    let idcg = 0;
    for (let i = 0; i < Math.min(c, ideal.length); i++) idcg += ideal[i] / discount(i);
    return idcg > 0 ? dcg / idcg : 0;
  });
}
function ndcgRel(r) {
  const L = r.relLevels.length;
  const ideal = new IdealCursor(r.relLevels);
  let dcg = 0;
  let idcg = 0;
  let sum2 = 0;
  let numRel = 0;
  let numRelRet = 0;
  let i = 0;
  for (; i < r.numRet && ideal.gain > 0; i++) {
    const g = gainOf(r.rels[i], L);
    if (g !== 0) dcg += g / discount(i);
    ideal.advance();
    if (ideal.gain > 0) {
      numRel++;
      idcg += ideal.gain / discount(i);
    }
    if (g > 0) {
      sum2 += dcg / idcg;
      numRelRet++;
    }
  }
  for (; i < r.numRet; i++) {
    const g = gainOf(r.rels[i], L);
    if (g !== 0) dcg += g / discount(i);
    if (g > 0) {
      sum2 += dcg / idcg;
      numRelRet++;
    }
  }
  for (; ideal.gain > 0; i++) {
    ideal.advance();
    if (ideal.gain > 0) {
      numRel++;
      idcg += ideal.gain / discount(i);
    }
  }
  sum2 += (numRel - numRelRet) * dcg / idcg;
  return sum2 > 0 ? sum2 / numRel : 0;
}
function rndcg(r) {
  if (r.numRel === 0) return 0;
  const L = r.relLevels.length;
  const ideal = new IdealCursor(r.relLevels);
  let oldGain = ideal.gain;
  let dcg = 0;
  let idcg = 0;
  let sum2 = 0;
  let changes = 0;
  let i = 0;
  for (; i < r.numRet && ideal.gain > 0; i++) {
    const g = gainOf(r.rels[i], L);
    ideal.advance();
    if (oldGain !== ideal.gain) {
      if (idcg > 0) {
        sum2 += dcg / idcg;
        changes++;
      }
      oldGain = ideal.gain;
    }
    if (g !== 0) dcg += g / discount(i);
    if (ideal.gain > 0) idcg += ideal.gain / discount(i);
  }
  if (i < r.numRet) {
    for (; i < r.numRet; i++) {
      const g = gainOf(r.rels[i], L);
      if (g !== 0) dcg += g / discount(i);
    }
    if (idcg > 0) {
      sum2 += dcg / idcg;
      changes++;
    }
  }
  for (; ideal.gain > 0; i++) {
    ideal.advance();
    if (oldGain !== ideal.gain) {
      if (idcg > 0) {
        sum2 += dcg / idcg;
        changes++;
      }
      oldGain = ideal.gain;
    }
    if (ideal.gain > 0) idcg += ideal.gain / discount(i);
  }
  return changes > 0 ? sum2 / changes : 0;
}
function gMeasure(r) {
  const L = r.relLevels.length;
  const ideal = new IdealCursor(r.relLevels);
  const minCost = 1;
  let sumResults = 0;
  let sumIdeal = 0;
  let sumCost = 0;
  let g2 = 0;
  let i = 0;
  for (; i < r.numRet && ideal.gain > 0; i++) {
    const g = gainOf(r.rels[i], L);
    sumResults += g;
    ideal.advance();
    if (ideal.gain > 0) sumIdeal += ideal.gain;
    sumCost += ideal.gain >= minCost ? ideal.gain : minCost;
    if (g !== 0) g2 += g / Math.log2(2 + sumCost - sumResults);
  }
  for (; i < r.numRet; i++) {
    const g = gainOf(r.rels[i], L);
    sumResults += g;
    sumCost += minCost;
    if (g !== 0) g2 += g / Math.log2(2 + sumCost - sumResults);
  }
  while (ideal.gain > 0) {
    ideal.advance();
    if (ideal.gain > 0) sumIdeal += ideal.gain;
  }
  return sumIdeal > 0 ? g2 / sumIdeal : 0;
}

// src/retrieval/measures.ts
var MIN_GEO_MEAN = 1e-5;
var INFAP_EPSILON = 1e-5;
var RANKS = [5, 10, 15, 20, 30, 100, 200, 500, 1e3];
var TENTHS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
function isRel(rel) {
  return rel >= RELEVANCE_LEVEL;
}
function averagePrecision(r, limit) {
  let relSoFar = 0;
  let sum2 = 0;
  const n = Math.min(limit, r.numRet);
  for (let i = 0; i < n; i++) {
    if (isRel(r.rels[i])) {
      relSoFar++;
      sum2 += relSoFar / (i + 1);
    }
  }
  return relSoFar > 0 ? sum2 / r.numRel : 0;
}
function bpref(r) {
  let numNonrel = 0;
  for (let g = 0; g < RELEVANCE_LEVEL && g < r.relLevels.length; g++) numNonrel += r.relLevels[g];
  let nonrelSoFar = 0;
  let sum2 = 0;
  for (let j = 0; j < r.numRet; j++) {
    const rel = r.rels[j];
    if (rel === RELVALUE_NONPOOL || rel === RELVALUE_UNJUDGED) continue;
    if (rel < RELEVANCE_LEVEL) nonrelSoFar++;
    else if (nonrelSoFar > 0) {
      sum2 += 1 - Math.min(nonrelSoFar, r.numRel) / Math.min(numNonrel, r.numRel);
    } else sum2 += 1;
  }
  return r.numRel > 0 ? sum2 / r.numRel : sum2;
}
function infAP(r) {
  let relSoFar = 0;
  let nonrelSoFar = 0;
  let unjudgedSoFar = 0;
  let sum2 = 0;
  for (let j = 0; j < r.numRet; j++) {
    const rel = r.rels[j];
    if (rel === RELVALUE_NONPOOL) continue;
    if (rel === RELVALUE_UNJUDGED) {
      unjudgedSoFar++;
      continue;
    }
    if (rel < RELEVANCE_LEVEL) {
      nonrelSoFar++;
      continue;
    }
    relSoFar++;
    if (j === 0) sum2 += 1;
    else {
      const fj = j;
      sum2 += 1 / (fj + 1) + fj / (fj + 1) * ((relSoFar - 1 + nonrelSoFar + unjudgedSoFar) / fj) * ((relSoFar - 1 + INFAP_EPSILON) / (relSoFar - 1 + nonrelSoFar + 2 * INFAP_EPSILON));
    }
  }
  return r.numRel > 0 ? sum2 / r.numRel : sum2;
}
function interpolatedPrecision(r, fractions) {
  const out = fractions.map(() => 0);
  const cutoffs = fractions.map((f) => Math.round(f * r.numRel));
  let cut2 = cutoffs.length - 1;
  while (cut2 >= 0 && cutoffs[cut2] > r.numRelRet) cut2--;
  let intPrecis = r.numRet > 0 ? r.numRelRet / r.numRet : 0;
  let relSoFar = r.numRelRet;
  for (let i = r.numRet; i > 0 && relSoFar > 0; i--) {
    const precis = relSoFar / i;
    if (intPrecis < precis) intPrecis = precis;
    if (isRel(r.rels[i - 1])) {
      while (cut2 >= 0 && relSoFar === cutoffs[cut2]) out[cut2--] = intPrecis;
      relSoFar--;
    }
  }
  while (cut2 >= 0) out[cut2--] = intPrecis;
  return out;
}
function rprecMult(r, fractions) {
  const out = fractions.map(() => 0);
  const cutoffs = fractions.map((f) => Math.trunc(f * r.numRel + 0.9));
  let cut2 = cutoffs.length - 1;
  while (cut2 >= 0 && cutoffs[cut2] > r.numRet) {
    out[cut2] = r.numRelRet / cutoffs[cut2];
    cut2--;
  }
  let relSoFar = r.numRelRet;
  for (let i = r.numRet; i > 0 && relSoFar > 0; i--) {
    const precis = relSoFar / i;
    while (cut2 >= 0 && i === cutoffs[cut2]) out[cut2--] = precis;
    if (isRel(r.rels[i - 1])) relSoFar--;
  }
  return out;
}
function binG(r) {
  let relSoFar = 0;
  let sum2 = 0;
  for (let i = 0; i < r.numRet; i++) {
    if (isRel(r.rels[i])) {
      relSoFar++;
      sum2 += 1 / Math.log2(3 + i - relSoFar);
    }
  }
  return relSoFar > 0 ? sum2 / r.numRel : 0;
}
var RBP_P = 0.9;
function rbp(r) {
  const L = r.relLevels.length;
  const scale = L - 1 > 1 ? L - 1 : 1;
  let sum2 = 0;
  let weight = 1;
  for (let i = 0; i < r.numRet; i++) {
    const rel = r.rels[i];
    const gain = rel >= 0 && rel < L ? rel / scale : 0;
    if (gain !== 0) sum2 += gain * weight;
    weight *= RBP_P;
  }
  return (1 - RBP_P) * sum2;
}
function rbpResidual(r) {
  let unjudged = 0;
  let sum2 = 0;
  let weight = 1;
  for (let i = 0; i < r.numRet; i++) {
    if (r.rels[i] < 0) {
      unjudged++;
      sum2 += weight;
    }
    weight *= RBP_P;
  }
  return unjudged > 0 ? weight + (1 - RBP_P) * sum2 : 0;
}
function unjudgedInTop(r, c) {
  let unj = 0;
  for (let i = 0; i < Math.min(c, r.numRet); i++) if (r.rels[i] < 0) unj++;
  return unj / c;
}
var logFloor = (x) => Math.log(Math.max(x, MIN_GEO_MEAN));
var ratio = (num, den) => den > 0 ? num / den : 0;
function single(name2, compute, extra = {}) {
  return {
    name: name2,
    integer: extra.integer ?? false,
    summary: extra.summary ?? "mean",
    perQuery: extra.perQuery ?? true,
    compute: (r) => [compute(r)]
  };
}
function cut(name2, kind, defaults, compute) {
  return {
    name: name2,
    integer: false,
    summary: "mean",
    perQuery: true,
    cutoffs: { kind, defaults },
    compute
  };
}
var count2 = { integer: true, summary: "sum" };
var MEASURE_FAMILIES = [
  single("num_ret", (r) => r.numRet, count2),
  single("num_rel", (r) => r.numRel, count2),
  single("num_rel_ret", (r) => r.numRelRet, count2),
  single("map", (r) => averagePrecision(r, r.numRet)),
  single("gm_map", (r) => logFloor(averagePrecision(r, r.numRet)), {
    summary: "geometric",
    perQuery: false
  }),
  single("Rprec", (r) => ratio(relevantInTop(r, Math.min(r.numRet, r.numRel)), r.numRel)),
  single("bpref", bpref),
  single("recip_rank", (r) => {
    for (let i = 0; i < r.numRet; i++) if (isRel(r.rels[i])) return 1 / (i + 1);
    return 0;
  }),
  cut("iprec_at_recall", "fraction", TENTHS, interpolatedPrecision),
  cut("P", "rank", RANKS, (r, cs) => cs.map((c) => relevantInTop(r, c) / c)),
  cut("recall", "rank", RANKS, (r, cs) => cs.map((c) => ratio(relevantInTop(r, c), r.numRel))),
  single("infAP", infAP),
  single("gm_bpref", (r) => logFloor(bpref(r)), { summary: "geometric", perQuery: false }),
  cut("Rprec_mult", "fraction", [0.2, 0.4, 0.6, 0.8, 1, 1.2, 1.4, 1.6, 1.8, 2], rprecMult),
  // Default coefficients 1, -1, 0, 0: relevant retrieved minus nonrelevant retrieved.
  single("utility", (r) => r.numRelRet - (r.numRet - r.numRelRet)),
  single(
    "11pt_avg",
    (r) => interpolatedPrecision(r, TENTHS).reduce((a, b) => a + b, 0) / TENTHS.length
  ),
  single("binG", binG),
  single("G", gMeasure),
  single("ndcg", ndcg),
  single("ndcg_rel", ndcgRel),
  single("Rndcg", rndcg),
  cut("ndcg_cut", "rank", RANKS, ndcgCut),
  cut("map_cut", "rank", RANKS, (r, cs) => cs.map((c) => averagePrecision(r, c))),
  cut(
    "relative_P",
    "rank",
    RANKS,
    (r, cs) => cs.map((c) => ratio(relevantInTop(r, c), Math.min(c, r.numRel)))
  ),
  cut("success", "rank", [1, 5, 10], (r, cs) => cs.map((c) => relevantInTop(r, c) > 0 ? 1 : 0)),
  single("set_P", (r) => ratio(r.numRelRet, r.numRet)),
  single("set_relative_P", (r) => ratio(r.numRelRet, Math.min(r.numRet, r.numRel))),
  single("set_recall", (r) => ratio(r.numRelRet, r.numRel)),
  single(
    "set_map",
    (r) => r.numRet > 0 && r.numRel > 0 ? r.numRelRet * r.numRelRet / (r.numRet * r.numRel) : 0
  ),
  single("set_F", (r) => {
    const p = ratio(r.numRelRet, r.numRet);
    const rc = ratio(r.numRelRet, r.numRel);
    return p + rc > 0 ? 2 * p * rc / (p + rc) : 0;
  }),
  single(
    "num_nonrel_judged_ret",
    (r) => r.numRet - r.numNonpool - r.numUnjudged - r.numRelRet,
    count2
  ),
  single("rbp", rbp),
  single("rbp_resid", rbpResidual),
  cut("unj", "rank", [5, 10, 20], (r, cs) => cs.map((c) => unjudgedInTop(r, c)))
];
var FAMILY_BY_NAME = new Map(
  MEASURE_FAMILIES.map((f) => [f.name, f])
);
function relString(r, len = 10) {
  let s = "";
  for (let i = 0; i < Math.min(len, r.numRet); i++) {
    const rel = r.rels[i];
    if (rel > 9) s += ">";
    else if (rel >= 0) s += String(rel);
    else if (rel === RELVALUE_NONPOOL) s += "-";
    else s += ".";
  }
  return s;
}

// src/retrieval/metrics.ts
var METRIC_FORMS = [
  "ndcg@k",
  "recall@k",
  "mrr@k",
  "map@k",
  "precision@k (or p@k)",
  "success@k",
  "ndcg",
  "map",
  "mrr",
  "a trec_eval name: P_k, recall_k, ndcg_cut_k, map_cut_k, success_k, relative_P_k, iprec_at_recall_0.50, Rprec_mult_1.00, map, ndcg, Rprec, recip_rank, bpref, infAP, ..."
];
var FRIENDLY_CUTOFF = {
  ndcg: "ndcg_cut",
  recall: "recall",
  map: "map_cut",
  precision: "P",
  p: "P",
  success: "success"
};
var FRIENDLY_PLAIN = {
  ndcg: "ndcg",
  map: "map",
  mrr: "recip_rank"
};
function reciprocalRankAt(r, k) {
  for (let i = 0; i < Math.min(k, r.numRet); i++)
    if (r.rels[i] >= RELEVANCE_LEVEL) return 1 / (i + 1);
  return 0;
}
function fromFamily(name2, family, cutoff) {
  if (!family.perQuery) {
    throw new UnknownMetricError(
      name2,
      METRIC_FORMS,
      `${family.name} is only defined over all queries`
    );
  }
  if (family.cutoffs && cutoff === void 0) {
    throw new UnknownMetricError(
      name2,
      METRIC_FORMS,
      `${family.name} needs a cutoff, e.g. ${family.name}_${family.cutoffs.defaults[1]}`
    );
  }
  const cutoffs = cutoff === void 0 ? [] : [cutoff];
  const depth = cutoff !== void 0 && family.cutoffs?.kind === "rank" ? { depth: cutoff } : {};
  return { name: name2, score: (r) => family.compute(r, cutoffs)[0], ...depth };
}
function parseCutoff(name2, text, kind) {
  const k = Number(text);
  if (kind === "rank" && !(Number.isInteger(k) && k > 0)) {
    throw new UnknownMetricError(
      name2,
      METRIC_FORMS,
      `the cutoff must be a positive integer, found ${JSON.stringify(text)}`
    );
  }
  return k;
}
function parseMetric(name2) {
  const friendly = /^([a-z]+)@(.+)$/i.exec(name2.trim());
  if (friendly) {
    const head = friendly[1].toLowerCase();
    if (head === "mrr") {
      const k = parseCutoff(name2, friendly[2], "rank");
      return { name: name2, score: (r) => reciprocalRankAt(r, k), depth: k };
    }
    const familyName = FRIENDLY_CUTOFF[head];
    if (!familyName) throw new UnknownMetricError(name2, METRIC_FORMS);
    return fromFamily(
      name2,
      FAMILY_BY_NAME.get(familyName),
      parseCutoff(name2, friendly[2], "rank")
    );
  }
  const plain = FRIENDLY_PLAIN[name2.trim().toLowerCase()];
  if (plain) return fromFamily(name2, FAMILY_BY_NAME.get(plain));
  const family = FAMILY_BY_NAME.get(name2);
  if (family) return fromFamily(name2, family);
  const expanded = /^(.+)_(\d+(?:\.\d+)?)$/.exec(name2);
  const cutFamily = expanded ? FAMILY_BY_NAME.get(expanded[1]) : void 0;
  if (expanded && cutFamily?.cutoffs) {
    return fromFamily(name2, cutFamily, parseCutoff(name2, expanded[2], cutFamily.cutoffs.kind));
  }
  throw new UnknownMetricError(name2, METRIC_FORMS);
}
function perQueryScoresMany(qrels, run, metrics) {
  const parsed = metrics.map((m) => typeof m === "string" ? parseMetric(m) : m);
  const out = new Map(parsed.map((m) => [m.name, /* @__PURE__ */ new Map()]));
  for (const qid of [...qrels.queries.keys()].sort(compareBytes)) {
    const r = judgeRanking(qid, qrels.queries.get(qid), run.queries.get(qid), run.file);
    for (const m of parsed) out.get(m.name).set(qid, m.score(r));
  }
  return out;
}

// node_modules/tinyglobby/dist/index.mjs
import { readdir as readdir2, readdirSync, realpath as realpath2, realpathSync, stat as stat4, statSync } from "fs";
import { isAbsolute, posix, resolve as resolve4 } from "path";
import { fileURLToPath } from "url";

// node_modules/fdir/dist/index.mjs
import { createRequire } from "module";
import { basename as basename3, dirname as dirname3, normalize, relative as relative5, resolve as resolve3, sep as sep2 } from "path";
import * as nativeFs from "fs";
var __require = /* @__PURE__ */ createRequire(import.meta.url);
function cleanPath(path) {
  let normalized = normalize(path);
  if (normalized.length > 1 && normalized[normalized.length - 1] === sep2) normalized = normalized.substring(0, normalized.length - 1);
  return normalized;
}
var SLASHES_REGEX = /[\\/]/g;
function convertSlashes(path, separator) {
  return path.replace(SLASHES_REGEX, separator);
}
var WINDOWS_ROOT_DIR_REGEX = /^[a-z]:[\\/]$/i;
function isRootDirectory(path) {
  return path === "/" || WINDOWS_ROOT_DIR_REGEX.test(path);
}
function normalizePath(path, options) {
  const { resolvePaths, normalizePath: normalizePath$1, pathSeparator } = options;
  const pathNeedsCleaning = process.platform === "win32" && path.includes("/") || path.startsWith(".");
  if (resolvePaths) path = resolve3(path);
  if (normalizePath$1 || pathNeedsCleaning) path = cleanPath(path);
  if (path === ".") return "";
  const needsSeperator = path[path.length - 1] !== pathSeparator;
  return convertSlashes(needsSeperator ? path + pathSeparator : path, pathSeparator);
}
function joinPathWithBasePath(filename, directoryPath) {
  return directoryPath + filename;
}
function joinPathWithRelativePath(root, options) {
  return function(filename, directoryPath) {
    const sameRoot = directoryPath.startsWith(root);
    if (sameRoot) return directoryPath.slice(root.length) + filename;
    else return convertSlashes(relative5(root, directoryPath), options.pathSeparator) + options.pathSeparator + filename;
  };
}
function joinPath(filename) {
  return filename;
}
function joinDirectoryPath(filename, directoryPath, separator) {
  return directoryPath + filename + separator;
}
function build$7(root, options) {
  const { relativePaths, includeBasePath } = options;
  return relativePaths && root ? joinPathWithRelativePath(root, options) : includeBasePath ? joinPathWithBasePath : joinPath;
}
function pushDirectoryWithRelativePath(root) {
  return function(directoryPath, paths) {
    paths.push(directoryPath.substring(root.length) || ".");
  };
}
function pushDirectoryFilterWithRelativePath(root) {
  return function(directoryPath, paths, filters) {
    const relativePath = directoryPath.substring(root.length) || ".";
    if (filters.every((filter) => filter(relativePath, true))) paths.push(relativePath);
  };
}
var pushDirectory = (directoryPath, paths) => {
  paths.push(directoryPath || ".");
};
var pushDirectoryFilter = (directoryPath, paths, filters) => {
  const path = directoryPath || ".";
  if (filters.every((filter) => filter(path, true))) paths.push(path);
};
var empty$2 = () => {
};
function build$6(root, options) {
  const { includeDirs, filters, relativePaths } = options;
  if (!includeDirs) return empty$2;
  if (relativePaths) return filters && filters.length ? pushDirectoryFilterWithRelativePath(root) : pushDirectoryWithRelativePath(root);
  return filters && filters.length ? pushDirectoryFilter : pushDirectory;
}
var pushFileFilterAndCount = (filename, _paths, counts, filters) => {
  if (filters.every((filter) => filter(filename, false))) counts.files++;
};
var pushFileFilter = (filename, paths, _counts, filters) => {
  if (filters.every((filter) => filter(filename, false))) paths.push(filename);
};
var pushFileCount = (_filename, _paths, counts, _filters) => {
  counts.files++;
};
var pushFile = (filename, paths) => {
  paths.push(filename);
};
var empty$1 = () => {
};
function build$5(options) {
  const { excludeFiles, filters, onlyCounts } = options;
  if (excludeFiles) return empty$1;
  if (filters && filters.length) return onlyCounts ? pushFileFilterAndCount : pushFileFilter;
  else if (onlyCounts) return pushFileCount;
  else return pushFile;
}
var getArray = (paths) => {
  return paths;
};
var getArrayGroup = () => {
  return [""].slice(0, 0);
};
function build$4(options) {
  return options.group ? getArrayGroup : getArray;
}
var groupFiles = (groups, directory, files) => {
  groups.push({
    directory,
    files,
    dir: directory
  });
};
var empty = () => {
};
function build$3(options) {
  return options.group ? groupFiles : empty;
}
var resolveSymlinksAsync = function(path, state, callback$1) {
  const { queue, fs, options: { suppressErrors } } = state;
  queue.enqueue();
  fs.realpath(path, (error, resolvedPath) => {
    if (error) return queue.dequeue(suppressErrors ? null : error, state);
    fs.stat(resolvedPath, (error$1, stat7) => {
      if (error$1) return queue.dequeue(suppressErrors ? null : error$1, state);
      if (stat7.isDirectory() && isRecursive(path, resolvedPath, state)) return queue.dequeue(null, state);
      callback$1(stat7, resolvedPath);
      queue.dequeue(null, state);
    });
  });
};
var resolveSymlinks = function(path, state, callback$1) {
  const { queue, fs, options: { suppressErrors } } = state;
  queue.enqueue();
  try {
    const resolvedPath = fs.realpathSync(path);
    const stat7 = fs.statSync(resolvedPath);
    if (stat7.isDirectory() && isRecursive(path, resolvedPath, state)) return;
    callback$1(stat7, resolvedPath);
  } catch (e) {
    if (!suppressErrors) throw e;
  }
};
function build$2(options, isSynchronous) {
  if (!options.resolveSymlinks || options.excludeSymlinks) return null;
  return isSynchronous ? resolveSymlinks : resolveSymlinksAsync;
}
function isRecursive(path, resolved, state) {
  if (state.options.useRealPaths) return isRecursiveUsingRealPaths(resolved, state);
  let parent = dirname3(path);
  let depth = 1;
  while (parent !== state.root && depth < 2) {
    const resolvedPath = state.symlinks.get(parent);
    const isSameRoot = !!resolvedPath && (resolvedPath === resolved || resolvedPath.startsWith(resolved) || resolved.startsWith(resolvedPath));
    if (isSameRoot) depth++;
    else parent = dirname3(parent);
  }
  state.symlinks.set(path, resolved);
  return depth > 1;
}
function isRecursiveUsingRealPaths(resolved, state) {
  return state.visited.includes(resolved + state.options.pathSeparator);
}
var onlyCountsSync = (state) => {
  return state.counts;
};
var groupsSync = (state) => {
  return state.groups;
};
var defaultSync = (state) => {
  return state.paths;
};
var limitFilesSync = (state) => {
  return state.paths.slice(0, state.options.maxFiles);
};
var onlyCountsAsync = (state, error, callback$1) => {
  report(error, callback$1, state.counts, state.options.suppressErrors);
  return null;
};
var defaultAsync = (state, error, callback$1) => {
  report(error, callback$1, state.paths, state.options.suppressErrors);
  return null;
};
var limitFilesAsync = (state, error, callback$1) => {
  report(error, callback$1, state.paths.slice(0, state.options.maxFiles), state.options.suppressErrors);
  return null;
};
var groupsAsync = (state, error, callback$1) => {
  report(error, callback$1, state.groups, state.options.suppressErrors);
  return null;
};
function report(error, callback$1, output, suppressErrors) {
  if (error && !suppressErrors) callback$1(error, output);
  else callback$1(null, output);
}
function build$1(options, isSynchronous) {
  const { onlyCounts, group, maxFiles } = options;
  if (onlyCounts) return isSynchronous ? onlyCountsSync : onlyCountsAsync;
  else if (group) return isSynchronous ? groupsSync : groupsAsync;
  else if (maxFiles) return isSynchronous ? limitFilesSync : limitFilesAsync;
  else return isSynchronous ? defaultSync : defaultAsync;
}
var readdirOpts = { withFileTypes: true };
var walkAsync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
  state.queue.enqueue();
  if (currentDepth < 0) return state.queue.dequeue(null, state);
  const { fs } = state;
  state.visited.push(crawlPath);
  state.counts.directories++;
  fs.readdir(crawlPath || ".", readdirOpts, (error, entries = []) => {
    callback$1(entries, directoryPath, currentDepth);
    state.queue.dequeue(state.options.suppressErrors ? null : error, state);
  });
};
var walkSync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
  const { fs } = state;
  if (currentDepth < 0) return;
  state.visited.push(crawlPath);
  state.counts.directories++;
  let entries = [];
  try {
    entries = fs.readdirSync(crawlPath || ".", readdirOpts);
  } catch (e) {
    if (!state.options.suppressErrors) throw e;
  }
  callback$1(entries, directoryPath, currentDepth);
};
function build(isSynchronous) {
  return isSynchronous ? walkSync : walkAsync;
}
var Queue = class {
  count = 0;
  constructor(onQueueEmpty) {
    this.onQueueEmpty = onQueueEmpty;
  }
  enqueue() {
    this.count++;
    return this.count;
  }
  dequeue(error, output) {
    if (this.onQueueEmpty && (--this.count <= 0 || error)) {
      this.onQueueEmpty(error, output);
      if (error) {
        output.controller.abort();
        this.onQueueEmpty = void 0;
      }
    }
  }
};
var Counter = class {
  _files = 0;
  _directories = 0;
  set files(num) {
    this._files = num;
  }
  get files() {
    return this._files;
  }
  set directories(num) {
    this._directories = num;
  }
  get directories() {
    return this._directories;
  }
  /**
  * @deprecated use `directories` instead
  */
  /* c8 ignore next 3 */
  get dirs() {
    return this._directories;
  }
};
var Aborter = class {
  aborted = false;
  abort() {
    this.aborted = true;
  }
};
var Walker = class {
  root;
  isSynchronous;
  state;
  joinPath;
  pushDirectory;
  pushFile;
  getArray;
  groupFiles;
  resolveSymlink;
  walkDirectory;
  callbackInvoker;
  constructor(root, options, callback$1) {
    this.isSynchronous = !callback$1;
    this.callbackInvoker = build$1(options, this.isSynchronous);
    this.root = normalizePath(root, options);
    this.state = {
      root: isRootDirectory(this.root) ? this.root : this.root.slice(0, -1),
      paths: [""].slice(0, 0),
      groups: [],
      counts: new Counter(),
      options,
      queue: new Queue((error, state) => this.callbackInvoker(state, error, callback$1)),
      symlinks: /* @__PURE__ */ new Map(),
      visited: [""].slice(0, 0),
      controller: new Aborter(),
      fs: options.fs || nativeFs
    };
    this.joinPath = build$7(this.root, options);
    this.pushDirectory = build$6(this.root, options);
    this.pushFile = build$5(options);
    this.getArray = build$4(options);
    this.groupFiles = build$3(options);
    this.resolveSymlink = build$2(options, this.isSynchronous);
    this.walkDirectory = build(this.isSynchronous);
  }
  start() {
    this.pushDirectory(this.root, this.state.paths, this.state.options.filters);
    this.walkDirectory(this.state, this.root, this.root, this.state.options.maxDepth, this.walk);
    return this.isSynchronous ? this.callbackInvoker(this.state, null) : null;
  }
  walk = (entries, directoryPath, depth) => {
    const { paths, options: { filters, resolveSymlinks: resolveSymlinks$1, excludeSymlinks, exclude, maxFiles, signal, useRealPaths, pathSeparator }, controller } = this.state;
    if (controller.aborted || signal && signal.aborted || maxFiles && paths.length > maxFiles) return;
    const files = this.getArray(this.state.paths);
    for (let i = 0; i < entries.length; ++i) {
      const entry = entries[i];
      if (entry.isFile() || entry.isSymbolicLink() && !resolveSymlinks$1 && !excludeSymlinks) {
        const filename = this.joinPath(entry.name, directoryPath);
        this.pushFile(filename, files, this.state.counts, filters);
      } else if (entry.isDirectory()) {
        let path = joinDirectoryPath(entry.name, directoryPath, this.state.options.pathSeparator);
        if (exclude && exclude(entry.name, path)) continue;
        this.pushDirectory(path, paths, filters);
        this.walkDirectory(this.state, path, path, depth - 1, this.walk);
      } else if (this.resolveSymlink && entry.isSymbolicLink()) {
        let path = joinPathWithBasePath(entry.name, directoryPath);
        this.resolveSymlink(path, this.state, (stat7, resolvedPath) => {
          if (stat7.isDirectory()) {
            resolvedPath = normalizePath(resolvedPath, this.state.options);
            if (exclude && exclude(entry.name, useRealPaths ? resolvedPath : path + pathSeparator)) return;
            this.walkDirectory(this.state, resolvedPath, useRealPaths ? resolvedPath : path + pathSeparator, depth - 1, this.walk);
          } else {
            resolvedPath = useRealPaths ? resolvedPath : path;
            const filename = basename3(resolvedPath);
            const directoryPath$1 = normalizePath(dirname3(resolvedPath), this.state.options);
            resolvedPath = this.joinPath(filename, directoryPath$1);
            this.pushFile(resolvedPath, files, this.state.counts, filters);
          }
        });
      }
    }
    this.groupFiles(this.state.groups, directoryPath, files);
  };
};
function promise(root, options) {
  return new Promise((resolve$1, reject) => {
    callback(root, options, (err, output) => {
      if (err) return reject(err);
      resolve$1(output);
    });
  });
}
function callback(root, options, callback$1) {
  let walker = new Walker(root, options, callback$1);
  walker.start();
}
function sync(root, options) {
  const walker = new Walker(root, options);
  return walker.start();
}
var APIBuilder = class {
  constructor(root, options) {
    this.root = root;
    this.options = options;
  }
  withPromise() {
    return promise(this.root, this.options);
  }
  withCallback(cb) {
    callback(this.root, this.options, cb);
  }
  sync() {
    return sync(this.root, this.options);
  }
};
var pm = null;
try {
  __require.resolve("picomatch");
  pm = __require("picomatch");
} catch {
}
var Builder = class {
  globCache = {};
  options = {
    maxDepth: Infinity,
    suppressErrors: true,
    pathSeparator: sep2,
    filters: []
  };
  globFunction;
  constructor(options) {
    this.options = {
      ...this.options,
      ...options
    };
    this.globFunction = this.options.globFunction;
  }
  group() {
    this.options.group = true;
    return this;
  }
  withPathSeparator(separator) {
    this.options.pathSeparator = separator;
    return this;
  }
  withBasePath() {
    this.options.includeBasePath = true;
    return this;
  }
  withRelativePaths() {
    this.options.relativePaths = true;
    return this;
  }
  withDirs() {
    this.options.includeDirs = true;
    return this;
  }
  withMaxDepth(depth) {
    this.options.maxDepth = depth;
    return this;
  }
  withMaxFiles(limit) {
    this.options.maxFiles = limit;
    return this;
  }
  withFullPaths() {
    this.options.resolvePaths = true;
    this.options.includeBasePath = true;
    return this;
  }
  withErrors() {
    this.options.suppressErrors = false;
    return this;
  }
  withSymlinks({ resolvePaths = true } = {}) {
    this.options.resolveSymlinks = true;
    this.options.useRealPaths = resolvePaths;
    return this.withFullPaths();
  }
  withAbortSignal(signal) {
    this.options.signal = signal;
    return this;
  }
  normalize() {
    this.options.normalizePath = true;
    return this;
  }
  filter(predicate) {
    this.options.filters.push(predicate);
    return this;
  }
  onlyDirs() {
    this.options.excludeFiles = true;
    this.options.includeDirs = true;
    return this;
  }
  exclude(predicate) {
    this.options.exclude = predicate;
    return this;
  }
  onlyCounts() {
    this.options.onlyCounts = true;
    return this;
  }
  crawl(root) {
    return new APIBuilder(root || ".", this.options);
  }
  withGlobFunction(fn) {
    this.globFunction = fn;
    return this;
  }
  /**
  * @deprecated Pass options using the constructor instead:
  * ```ts
  * new fdir(options).crawl("/path/to/root");
  * ```
  * This method will be removed in v7.0
  */
  /* c8 ignore next 4 */
  crawlWithOptions(root, options) {
    this.options = {
      ...this.options,
      ...options
    };
    return new APIBuilder(root || ".", this.options);
  }
  glob(...patterns) {
    if (this.globFunction) return this.globWithOptions(patterns);
    return this.globWithOptions(patterns, ...[{ dot: true }]);
  }
  globWithOptions(patterns, ...options) {
    const globFn = this.globFunction || pm;
    if (!globFn) throw new Error("Please specify a glob function to use glob matching.");
    var isMatch = this.globCache[patterns.join("\0")];
    if (!isMatch) {
      isMatch = globFn(patterns, ...options);
      this.globCache[patterns.join("\0")] = isMatch;
    }
    this.options.filters.push((path) => isMatch(path));
    return this;
  }
};

// node_modules/tinyglobby/dist/index.mjs
var import_picomatch = __toESM(require_picomatch2(), 1);
var isReadonlyArray = Array.isArray;
var BACKSLASHES = /\\/g;
var DRIVE_RELATIVE_PATH = /^[A-Za-z]:$/;
var isWin = process.platform === "win32";
var ONLY_PARENT_DIRECTORIES = /^(\/?\.\.)+$/;
function getPartialMatcher(patterns, options = {}) {
  const patternsCount = patterns.length;
  const patternsParts = Array(patternsCount);
  const matchers = Array(patternsCount);
  let i, j;
  for (i = 0; i < patternsCount; i++) {
    const parts = splitPattern(patterns[i]);
    patternsParts[i] = parts;
    const partsCount = parts.length;
    const partMatchers = Array(partsCount);
    for (j = 0; j < partsCount; j++) partMatchers[j] = (0, import_picomatch.default)(parts[j], options);
    matchers[i] = partMatchers;
  }
  return (input) => {
    const inputParts = input.split("/");
    if (inputParts[0] === ".." && ONLY_PARENT_DIRECTORIES.test(input)) return true;
    for (i = 0; i < patternsCount; i++) {
      const patternParts = patternsParts[i];
      const matcher = matchers[i];
      const inputPatternCount = inputParts.length;
      const minParts = Math.min(inputPatternCount, patternParts.length);
      j = 0;
      while (j < minParts) {
        const part = patternParts[j];
        if (part.includes("/")) return true;
        if (!matcher[j](inputParts[j])) break;
        if (!options.noglobstar && part === "**") return true;
        j++;
      }
      if (j === inputPatternCount) return true;
    }
    return false;
  };
}
var WIN32_ROOT_DIR = /^[A-Z]:\/$/i;
var isRoot = isWin ? (p) => WIN32_ROOT_DIR.test(p) : (p) => p === "/";
function buildFormat(cwd, root, absolute) {
  if (cwd === root || root.startsWith(`${cwd}/`)) {
    if (absolute) {
      const start = cwd.length + +!isRoot(cwd);
      return (p, isDir) => p.slice(start, isDir ? -1 : void 0) || ".";
    }
    const prefix = root.slice(cwd.length + 1);
    if (prefix) return (p, isDir) => {
      if (p === ".") return prefix;
      const result2 = `${prefix}/${p}`;
      return isDir ? result2.slice(0, -1) : result2;
    };
    return (p, isDir) => isDir && p !== "." ? p.slice(0, -1) : p;
  }
  if (absolute) return (p) => posix.relative(cwd, p) || ".";
  return (p) => posix.relative(cwd, `${root}/${p}`) || ".";
}
function buildRelative(cwd, root) {
  if (root.startsWith(`${cwd}/`)) {
    const prefix = root.slice(cwd.length + 1);
    return (p) => `${prefix}/${p}`;
  }
  return (p) => {
    const result2 = posix.relative(cwd, `${root}/${p}`);
    return p[p.length - 1] === "/" && result2 !== "" ? `${result2}/` : result2 || ".";
  };
}
function ensureNonDriveRelativePath(path) {
  return path.replace(DRIVE_RELATIVE_PATH, (match) => `${match}/`);
}
var splitPatternOptions = { parts: true };
function splitPattern(path) {
  var _result$parts;
  const result2 = import_picomatch.default.scan(path, splitPatternOptions);
  return ((_result$parts = result2.parts) === null || _result$parts === void 0 ? void 0 : _result$parts.length) ? result2.parts : [path];
}
var POSIX_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}*?|]|^!|[!+@](?=\()|\\(?![()[\]{}!*+?@|]))/g;
var WIN32_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}]|^!|[!+@](?=\())/g;
var escapePosixPath = (path) => path.replace(POSIX_UNESCAPED_GLOB_SYMBOLS, "\\$&");
var escapeWin32Path = (path) => path.replace(WIN32_UNESCAPED_GLOB_SYMBOLS, "\\$&");
var escapePath = isWin ? escapeWin32Path : escapePosixPath;
function isDynamicPattern(pattern, options) {
  if ((options === null || options === void 0 ? void 0 : options.caseSensitiveMatch) === false) return true;
  const scan = import_picomatch.default.scan(pattern);
  return scan.isGlob || scan.negated;
}
function log(...tasks) {
  console.log(`[tinyglobby ${(/* @__PURE__ */ new Date()).toLocaleTimeString("es")}]`, ...tasks);
}
function ensureStringArray(value) {
  return typeof value === "string" ? [value] : value !== null && value !== void 0 ? value : [];
}
var PARENT_DIRECTORY = /^(\/?\.\.)+/;
var ESCAPING_BACKSLASHES = /\\(?=[()[\]{}!*+?@|])/g;
function normalizePattern(pattern, opts, props, isIgnore) {
  var _PARENT_DIRECTORY$exe;
  const cwd = opts.cwd;
  let result2 = pattern;
  if (pattern[pattern.length - 1] === "/") result2 = pattern.slice(0, -1);
  if (result2[result2.length - 1] !== "*" && opts.expandDirectories) result2 += "/**";
  const escapedCwd = escapePath(cwd);
  result2 = isAbsolute(result2.replace(ESCAPING_BACKSLASHES, "")) ? posix.relative(escapedCwd, result2) : posix.normalize(result2);
  const parentDir = (_PARENT_DIRECTORY$exe = PARENT_DIRECTORY.exec(result2)) === null || _PARENT_DIRECTORY$exe === void 0 ? void 0 : _PARENT_DIRECTORY$exe[0];
  const parts = splitPattern(result2);
  if (parentDir) {
    const n = (parentDir.length + 1) / 3;
    let i = 0;
    const cwdParts = escapedCwd.split("/");
    while (i < n && parts[i + n] === cwdParts[cwdParts.length + i - n]) {
      result2 = result2.slice(0, (n - i - 1) * 3) + result2.slice((n - i) * 3 + parts[i + n].length + 1) || ".";
      i++;
    }
    const potentialRoot = posix.join(cwd, parentDir.slice(i * 3));
    if (potentialRoot[0] !== "." && props.root.length > potentialRoot.length) {
      props.root = ensureNonDriveRelativePath(potentialRoot);
      props.depthOffset = -n + i;
    }
  }
  if (!isIgnore && props.depthOffset >= 0) {
    var _props$commonPath;
    (_props$commonPath = props.commonPath) !== null && _props$commonPath !== void 0 || (props.commonPath = parts);
    const newCommonPath = [];
    const length = Math.min(props.commonPath.length, parts.length);
    for (let i = 0; i < length; i++) {
      const part = parts[i];
      if (part === "**" && !parts[i + 1]) {
        newCommonPath.pop();
        break;
      }
      if (i === parts.length - 1 || part !== props.commonPath[i] || isDynamicPattern(part)) break;
      newCommonPath.push(part);
    }
    props.depthOffset = newCommonPath.length;
    props.commonPath = newCommonPath;
    props.root = ensureNonDriveRelativePath(newCommonPath.length > 0 ? posix.join(cwd, ...newCommonPath) : cwd);
  }
  return result2;
}
function processPatterns(options, patterns, props) {
  const matchPatterns = [];
  const ignorePatterns = [];
  for (const pattern of options.ignore) {
    if (!pattern) continue;
    if (pattern[0] !== "!" || pattern[1] === "(") ignorePatterns.push(normalizePattern(pattern, options, props, true));
  }
  for (const pattern of patterns) {
    if (!pattern) continue;
    if (pattern[0] !== "!" || pattern[1] === "(") matchPatterns.push(normalizePattern(pattern, options, props, false));
    else if (pattern[1] !== "!" || pattern[2] === "(") ignorePatterns.push(normalizePattern(pattern.slice(1), options, props, true));
  }
  return {
    match: matchPatterns,
    ignore: ignorePatterns
  };
}
function buildCrawler(options, patterns) {
  const cwd = options.cwd;
  const props = {
    root: cwd,
    depthOffset: 0
  };
  const processed = processPatterns(options, patterns, props);
  if (options.debug) log("internal processing patterns:", processed);
  const { absolute, caseSensitiveMatch, debug, dot, followSymbolicLinks, onlyDirectories } = options;
  const root = props.root.replace(BACKSLASHES, "");
  const matchOptions = {
    dot,
    nobrace: options.braceExpansion === false,
    nocase: !caseSensitiveMatch,
    noextglob: options.extglob === false,
    noglobstar: options.globstar === false,
    posix: true
  };
  const matcher = (0, import_picomatch.default)(processed.match, matchOptions);
  const ignore = (0, import_picomatch.default)(processed.ignore, matchOptions);
  const partialMatcher = getPartialMatcher(processed.match, matchOptions);
  const format = buildFormat(cwd, root, absolute);
  const excludeFormatter = absolute ? format : buildFormat(cwd, root, true);
  const excludePredicate = (_, p) => {
    const relativePath = excludeFormatter(p, true);
    return relativePath !== "." && !partialMatcher(relativePath) || ignore(relativePath);
  };
  let maxDepth;
  if (options.deep !== void 0) maxDepth = Math.round(options.deep - props.depthOffset);
  const crawler = new Builder({
    filters: [debug ? (p, isDirectory2) => {
      const path = format(p, isDirectory2);
      const matches2 = matcher(path) && !ignore(path);
      if (matches2) log(`matched ${path}`);
      return matches2;
    } : (p, isDirectory2) => {
      const path = format(p, isDirectory2);
      return matcher(path) && !ignore(path);
    }],
    exclude: debug ? (_, p) => {
      const skipped = excludePredicate(_, p);
      log(`${skipped ? "skipped" : "crawling"} ${p}`);
      return skipped;
    } : excludePredicate,
    fs: options.fs,
    pathSeparator: "/",
    relativePaths: !absolute,
    resolvePaths: absolute,
    includeBasePath: absolute,
    resolveSymlinks: followSymbolicLinks,
    excludeSymlinks: !followSymbolicLinks,
    excludeFiles: onlyDirectories,
    includeDirs: onlyDirectories || !options.onlyFiles,
    maxDepth,
    signal: options.signal
  }).crawl(root);
  if (options.debug) log("internal properties:", {
    ...props,
    root
  });
  return [crawler, cwd !== root && !absolute && buildRelative(cwd, root)];
}
function formatPaths(paths, mapper) {
  if (mapper) for (let i = paths.length - 1; i >= 0; i--) paths[i] = mapper(paths[i]);
  return paths;
}
var defaultOptions = {
  caseSensitiveMatch: true,
  debug: !!process.env.TINYGLOBBY_DEBUG,
  expandDirectories: true,
  followSymbolicLinks: true,
  onlyFiles: true
};
function getOptions(options) {
  const opts = Object.assign({}, options);
  for (const key in defaultOptions) if (opts[key] === void 0) Object.assign(opts, { [key]: defaultOptions[key] });
  opts.cwd = (opts.cwd instanceof URL ? fileURLToPath(opts.cwd) : resolve4(opts.cwd || process.cwd())).replace(BACKSLASHES, "/");
  opts.ignore = ensureStringArray(opts.ignore);
  opts.fs && (opts.fs = {
    readdir: opts.fs.readdir || readdir2,
    readdirSync: opts.fs.readdirSync || readdirSync,
    realpath: opts.fs.realpath || realpath2,
    realpathSync: opts.fs.realpathSync || realpathSync,
    stat: opts.fs.stat || stat4,
    statSync: opts.fs.statSync || statSync
  });
  if (opts.debug) log("globbing with options:", opts);
  return opts;
}
function getCrawler(globInput, inputOptions = {}) {
  var _ref;
  if (globInput && (inputOptions === null || inputOptions === void 0 ? void 0 : inputOptions.patterns)) throw new Error("Cannot pass patterns as both an argument and an option");
  const isModern = isReadonlyArray(globInput) || typeof globInput === "string";
  const patterns = ensureStringArray((_ref = isModern ? globInput : globInput.patterns) !== null && _ref !== void 0 ? _ref : "**/*");
  const options = getOptions(isModern ? inputOptions : globInput);
  return patterns.length > 0 ? buildCrawler(options, patterns) : [];
}
async function glob(globInput, options) {
  const [crawler, relative10] = getCrawler(globInput, options);
  return crawler ? formatPaths(await crawler.withPromise(), relative10) : [];
}

// src/config/suite.ts
var DEFAULT_SUITE_K = 100;
async function loadSuite(file, cwd, options) {
  const doc = await loadDocument(file, cwd, options);
  const findings = validateDocument("suite", doc);
  return findings.length ? { doc, findings } : { doc, suite: doc.data, findings };
}
async function discoverSuites(patterns, cwd) {
  const files = /* @__PURE__ */ new Set();
  for (const pattern of patterns.map((p) => p.trim()).filter(Boolean)) {
    const matched = await glob(pattern, { cwd, onlyFiles: true, expandDirectories: false });
    if (matched.length === 0) throw new ConfigError(`--suites ${pattern}: no file matches`);
    matched.forEach((m) => files.add(m));
  }
  return [...files].sort();
}
function resolveSuiteVectors(loaded, field, ref, workspace, cwd, allowRemote = false) {
  const where = resolveVectorsPath(loaded.doc, [...field, "path"], ref.path, {
    workspace,
    cwd,
    allowRemote
  });
  const idsPath = ref.ids ? resolveInWorkspace(loaded.doc, [...field, "ids"], ref.ids, workspace) : void 0;
  return {
    path: where.path,
    displayPath: where.displayPath,
    open: {
      format: ref.format,
      idColumn: ref.id_column,
      vectorColumn: ref.vector_column,
      idsPath,
      ...where.parts && { parts: where.parts, partNames: where.partNames }
    }
  };
}

// src/retrieval/regression.ts
function pairScores(s) {
  const { metric } = s.rule;
  const qids = [...s.baseline.keys()].sort(compareBytes);
  if (qids.length === 0) throw new EvaluationError(`${metric}: no query scores to compare`);
  const onlyCandidate = [...s.candidate.keys()].filter((q) => !s.baseline.has(q));
  const onlyBaseline = qids.filter((q) => !s.candidate.has(q));
  if (onlyCandidate.length > 0 || onlyBaseline.length > 0) {
    const example = onlyBaseline[0] ?? onlyCandidate[0];
    throw new EvaluationError(
      `${metric}: baseline and candidate were scored on different queries (${onlyBaseline.length} only in the baseline, ${onlyCandidate.length} only in the candidate, e.g. ${JSON.stringify(example)})`
    );
  }
  const base = Float64Array.from(qids, (q) => s.baseline.get(q));
  const cand = Float64Array.from(qids, (q) => s.candidate.get(q));
  const bad = qids.findIndex((_, i) => !Number.isFinite(base[i]) || !Number.isFinite(cand[i]));
  if (bad >= 0)
    throw new EvaluationError(
      `${metric}: query ${JSON.stringify(qids[bad])} has a non-finite score`
    );
  return { qids, base, cand };
}
function regressionVerdict(metrics, options) {
  const { alpha = 0.05, seed, iterations = 1e4, permutations = 1e4, worst = 10 } = options;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  const prepared = metrics.map((s) => {
    const { qids, base, cand } = pairScores(s);
    const deltas = cand.map((c, i) => c - base[i]);
    const label2 = s.rule.metric;
    const ci = pairedBootstrapCI(deltas, {
      iterations,
      level: 1 - alpha,
      seed: deriveSeed(seed, `${label2}:bootstrap`)
    });
    const p = signFlipTest(deltas, {
      permutations,
      seed: deriveSeed(seed, `${label2}:sign-flip`),
      alternative: "less",
      margin: s.rule.max_drop ?? 0
    });
    return { s, qids, base, cand, deltas, ci, p };
  });
  const gated = prepared.flatMap((m, k) => m.s.rule.max_drop !== void 0 ? [k] : []);
  const adjustedGated = holmBonferroni(gated.map((k) => prepared[k].p));
  const adjusted = new Map(gated.map((k, j) => [k, adjustedGated[j]]));
  const family = gated.length;
  const verdicts = prepared.map(({ s, qids, base, cand, deltas, ci, p }, k) => {
    const { metric, min, max_drop: maxDrop } = s.rule;
    const pHolm = adjusted.get(k);
    const baselineMean = mean(base);
    const candidateMean = mean(cand);
    const delta = ci.mean;
    const n = qids.length;
    const level = `${percent(ci.level)} CI ${interval(ci)}`;
    const change = `${metric} changed by ${signed(delta)} (${score(baselineMean)} \u2192 ${score(candidateMean)}; ${level}, n = ${count(n)})`;
    let power;
    if (maxDrop !== void 0) {
      const mde = minimumDetectableDrop(sampleSd(deltas) / Math.sqrt(n), { alpha, family });
      power = {
        mde,
        powered: isPowered(Number.isNaN(mde) ? void 0 : mde, maxDrop),
        queriesNeeded: unitsNeeded(n, mde, maxDrop),
        family
      };
    }
    const decision = decide({
      direction: "higher-is-better",
      candidate: candidateMean,
      paired: {
        baseline: baselineMean,
        delta,
        low: ci.low,
        high: ci.high,
        p,
        ...pHolm !== void 0 && { pAdjusted: pHolm },
        alpha,
        ...power && !Number.isNaN(power.mde) && { mde: power.mde }
      },
      ...min !== void 0 && { min },
      ...maxDrop !== void 0 && { maxDrop }
    });
    const significantDrop = maxDrop === void 0 && p < alpha && delta < 0;
    const pText = (relation) => pHolm === void 0 || family === 1 ? `p = ${pValue(p)}${relation} \u03B1 = ${alpha}` : `p = ${pValue(p)}, Holm-adjusted over ${family} floors ${pValue(pHolm)}${relation} \u03B1 = ${alpha}`;
    let message;
    if (decision.by === "min")
      message = floorMessage(metric, "min", min, candidateMean, baselineMean);
    else if (maxDrop === void 0)
      message = significantDrop ? `${change}: a significant drop (p = ${pValue(p)} < \u03B1 = ${alpha}, one-sided test of no drop, not adjusted), which this floor does not limit: it sets only min = ${score(min)}` : change;
    else if (decision.status === "fail")
      message = `${change}: a drop larger than the allowed ${score(maxDrop)} (${pText(" <")})`;
    else if (decision.status === "inconclusive")
      message = ci.high < -maxDrop ? `${change}: the whole CI lies below -${score(maxDrop)}, yet the drop beyond the allowed ${score(maxDrop)} is not significant${family > 1 ? " after Holm's adjustment" : ""} (${pText(" \u2265")})` : power?.powered ? `${change}: the mean dropped by more than the allowed ${score(maxDrop)}, but not significantly (${pText(" \u2265")})` : `${change}: the suite cannot rule out a drop larger than the allowed ${score(maxDrop)} (the CI reaches below -${score(maxDrop)}; ${pText(" \u2265")})`;
    else message = `${change}, within the allowed drop of ${score(maxDrop)}`;
    const regressed = qids.map((qid, i) => ({ qid, baseline: base[i], candidate: cand[i], delta: deltas[i] })).filter((q) => q.delta < 0).sort((a, b) => a.delta - b.delta || compareBytes(a.qid, b.qid)).slice(0, worst);
    return {
      metric,
      status: decision.status,
      message,
      queries: n,
      baselineMean,
      candidateMean,
      delta,
      ci,
      p,
      ...pHolm !== void 0 && { pHolm },
      ...significantDrop && { significantDrop },
      ...power && { power },
      ...min !== void 0 ? { min } : {},
      ...maxDrop !== void 0 ? { maxDrop } : {},
      worst: regressed
    };
  });
  const status = verdicts.some((v) => v.status === "fail") ? "fail" : verdicts.some((v) => v.status === "inconclusive") ? "inconclusive" : "pass";
  return { status, alpha, seed, metrics: verdicts };
}

// src/gate/checks/quality-floors.ts
function underpoweredMessage(metric, maxDrop, power, queries) {
  const what = `${metric} allows a drop of ${score(maxDrop)}, but`;
  if (!Number.isFinite(power.mde))
    return `${what} ${count(queries)} judged queries give no spread to estimate the suite's power from`;
  const family = power.family > 1 ? `, \u03B1/${power.family} for Holm over ${power.family} floors` : "";
  return `${what} the suite blocks drops only from ${score(maxDrop + power.mde)} on with 80% power (minimum detectable effect ${score(power.mde)} beyond max_drop at \u03B1 = 0.05${family}, n = ${count(queries)}); about ${count(power.queriesNeeded)} judged queries would resolve max_drop ${score(maxDrop)}`;
}
function meanOf(scores) {
  return mean(Float64Array.from(scores.values()));
}
function judgeConsumers(seed, suite, floors, cand, base, findings) {
  const byContract = /* @__PURE__ */ new Map();
  for (const f of floors) byContract.set(f.contract, [...byContract.get(f.contract) ?? [], f]);
  const rows = [];
  const regressions = [];
  const contracts = [...byContract].sort(
    ([a], [b]) => a.contract.consumer.localeCompare(b.contract.consumer)
  );
  for (const [contract, located] of contracts) {
    const c = contract.contract;
    const where = (l) => contract.doc.locate(["quality", l.index]);
    if (!base) {
      for (const l of located) {
        const candidateMean = meanOf(cand.get(l.floor.metric));
        const decision = decide({
          direction: "higher-is-better",
          candidate: candidateMean,
          ...l.floor.min !== void 0 && { min: l.floor.min }
        });
        if (decision.status === "fail") {
          findings.push({
            id: "bench.regression",
            severity: "error",
            consumer: c.consumer,
            message: `${c.consumer} requires ${l.floor.metric} \u2265 ${score(l.floor.min)} on ${suite}, candidate scores ${score(candidateMean)}`,
            location: where(l)
          });
        }
        if (l.floor.max_drop !== void 0) {
          findings.push({
            id: "bench.no-baseline",
            severity: "warning",
            consumer: c.consumer,
            message: `${c.consumer} allows a drop of at most ${l.floor.max_drop} in ${l.floor.metric} on ${suite}; that needs a baseline with query embeddings for this suite, so it was not verified`,
            location: where(l)
          });
        }
      }
      continue;
    }
    const rules = located.map((l) => l.floor);
    const verdict = regressionVerdict(
      rules.map((rule2) => ({
        rule: rule2,
        baseline: base.get(rule2.metric),
        candidate: cand.get(rule2.metric)
      })),
      { seed }
    );
    verdict.metrics.forEach((m, i) => {
      const floor2 = located[i].floor;
      const block = floor2.on_inconclusive === "block";
      const power = m.power;
      const mde = power && Number.isFinite(power.mde) ? power.mde : void 0;
      rows.push({
        suite,
        consumer: c.consumer,
        metric: m.metric,
        baseline: m.baselineMean,
        candidate: m.candidateMean,
        delta: m.delta,
        ci: { low: m.ci.low, high: m.ci.high, level: m.ci.level },
        status: m.status,
        queries: m.queries,
        p: m.p,
        ...m.pHolm !== void 0 && { pHolm: m.pHolm },
        ...m.min !== void 0 && { min: m.min },
        ...m.maxDrop !== void 0 && { maxDrop: m.maxDrop },
        ...mde !== void 0 && { mde },
        ...power && !power.powered && Number.isFinite(power.queriesNeeded) && {
          queriesNeeded: power.queriesNeeded
        },
        ...block && m.maxDrop !== void 0 && { onInconclusive: "block" }
      });
      if (m.worst.length)
        regressions.push({ consumer: c.consumer, metric: m.metric, worst: m.worst });
      findings.push(...floorFindings(m, floor2, c.consumer, suite, where(located[i])));
    });
  }
  return { rows, regressions };
}
function floorFindings(m, floor2, consumer, suite, location) {
  const block = floor2.on_inconclusive === "block" && m.maxDrop !== void 0;
  const power = m.power;
  const mde = power && Number.isFinite(power.mde) ? power.mde : void 0;
  const base = {
    consumer,
    ...location && { location },
    expected: { min: m.min, max_drop: m.maxDrop, ...block && { on_inconclusive: "block" } },
    found: {
      baseline: m.baselineMean,
      candidate: m.candidateMean,
      delta: m.delta,
      ci: [m.ci.low, m.ci.high],
      p: m.p,
      ...m.pHolm !== void 0 && { pHolm: m.pHolm },
      ...mde !== void 0 && { mde }
    }
  };
  const out = [];
  const underpowered = power !== void 0 && !power.powered;
  const folded = m.status === "inconclusive" && !block && underpowered;
  const said = `${consumer} on ${suite}: ${m.message}`;
  if (m.status === "fail")
    out.push({ id: "bench.regression", severity: "error", message: said, ...base });
  else if (m.status === "inconclusive" && !folded)
    out.push({
      id: "bench.inconclusive",
      severity: block ? "error" : "warning",
      message: block ? `${said} (on_inconclusive: block)` : said,
      ...base
    });
  if (underpowered) {
    const why = underpoweredMessage(m.metric, m.maxDrop, power, m.queries);
    out.push({
      id: "bench.underpowered",
      severity: "warning",
      message: `${consumer} on ${suite}: ${why}${folded ? `. This run is inconclusive: ${m.message}` : ""}`,
      ...base
    });
  }
  if (m.significantDrop)
    out.push({ id: "bench.significant-drop", severity: "info", message: said, ...base });
  return out;
}

// src/gate/checks/benchmarks.ts
var RECORDED_TOLERANCE = 1e-4;
var DEFAULT_METRICS = ["ndcg@10", "recall@100"];
var SuiteProblem = class extends Error {
  constructor(id, message, location) {
    super(message);
    this.id = id;
    this.location = location;
  }
  id;
  location;
};
async function runBenchmarks(ctx) {
  const suites = [];
  const rows = [];
  const findings = [];
  const runs = [];
  const floorsBySuite = /* @__PURE__ */ new Map();
  for (const contract of ctx.contracts) {
    contract.contract?.quality?.forEach((floor2, index) => {
      try {
        parseMetric(floor2.metric);
      } catch (err) {
        if (!(err instanceof UnknownMetricError)) throw err;
        findings.push({
          id: "bench.metric",
          severity: "error",
          consumer: contract.contract?.consumer,
          message: `${contract.contract?.consumer}: ${err.message}`,
          location: contract.doc.locate(["quality", index, "metric"])
        });
        return;
      }
      const list = floorsBySuite.get(floor2.suite) ?? [];
      list.push({ floor: floor2, contract, index });
      floorsBySuite.set(floor2.suite, list);
    });
  }
  const seen = /* @__PURE__ */ new Set();
  for (const resolved of ctx.suites) {
    const loaded = resolved.loaded;
    if (!loaded.suite) continue;
    const name2 = loaded.suite.suite;
    if (seen.has(name2)) {
      findings.push({
        id: "bench.suite-duplicate",
        severity: "error",
        message: `two suite files are named "${name2}"; suite names must be unique`,
        location: loaded.doc.locate(["suite"])
      });
      continue;
    }
    seen.add(name2);
    const floors = floorsBySuite.get(name2) ?? [];
    floorsBySuite.delete(name2);
    try {
      const outcome = await runSuite(ctx, resolved, floors);
      suites.push(outcome.report);
      rows.push(...outcome.rows);
      findings.push(...outcome.findings);
      runs.push(...outcome.runs);
    } catch (err) {
      const problem = asSuiteProblem(err, loaded);
      const blocking = floors.some((f) => (f.contract.contract?.status ?? "active") === "active");
      findings.push({
        id: problem.id,
        severity: blocking ? "error" : "warning",
        message: `suite ${name2}: ${problem.message}`,
        location: problem.location ?? loaded.doc.locate([])
      });
    }
  }
  for (const [suite, floors] of floorsBySuite) {
    for (const { floor: floor2, contract, index } of floors) {
      findings.push({
        id: "bench.suite-missing",
        severity: "error",
        consumer: contract.contract?.consumer,
        message: `${contract.contract?.consumer} requires ${floor2.metric} on suite "${suite}", but no suite of that name was given (list it in the candidate manifest's suites or pass --suites)`,
        location: contract.doc.locate(["quality", index, "suite"])
      });
    }
  }
  return { suites, rows, findings, runs };
}
function asSuiteProblem(err, loaded) {
  if (err instanceof SuiteProblem) return err;
  if (err instanceof BenchParseError)
    return new SuiteProblem("bench.qrels", err.message, { file: err.file, line: err.line });
  if (err instanceof VectorFileError)
    return new SuiteProblem("bench.vectors", err.message, { file: err.file, ...err.where ?? {} });
  if (err instanceof KnnInputError) return new SuiteProblem("bench.knn", err.message);
  if (err instanceof UnknownMetricError || err instanceof EvaluationError || err instanceof InvalidRunError) {
    return new SuiteProblem("bench.evaluation", err.message, loaded.doc.locate([]));
  }
  throw err;
}
function setUpSuite(ctx, resolved, floors) {
  const loaded = resolved.loaded;
  const suite = loaded.suite;
  const candVersion = ctx.candidate.manifest.version;
  const candRefs = resolved.versions.get(candVersion);
  if (!candRefs) {
    throw new SuiteProblem(
      "bench.suite-version",
      `has no query embeddings for the candidate version ${candVersion} (versions: ${Object.keys(suite.versions).join(", ")}); add versions."${candVersion}".queries`,
      loaded.doc.locate(["versions"])
    );
  }
  const recorded = resolved.recorded ?? {};
  const metrics = metricNames(floors, recorded);
  const k = suite.k ?? Math.max(DEFAULT_SUITE_K, ...metrics.map((m) => parseMetric(m).depth ?? 0));
  for (const m of metrics) {
    const cutoff = parseMetric(m).depth ?? 0;
    if (cutoff > k) {
      throw new SuiteProblem(
        "bench.depth",
        `${m} needs ${cutoff} documents per query, but the suite retrieves k = ${k}`,
        loaded.doc.locate(["k"])
      );
    }
  }
  if (resolved.qrels instanceof BenchParseError || !resolved.qrels)
    throw resolved.qrels ?? new Error(`suite ${suite.suite}: the plan holds no qrels`);
  const baseRefs = ctx.baseline && resolved.versions.get(ctx.baseline.manifest.version);
  return {
    suite,
    metrics,
    k,
    qrels: resolved.qrels,
    candidate: { queries: candRefs.queries, corpus: candRefs.corpus ?? ctx.candidate.vectors },
    ...baseRefs && ctx.baseline && {
      baseline: { queries: baseRefs.queries, corpus: baseRefs.corpus ?? ctx.baseline.vectors }
    },
    recorded
  };
}
async function runSuite(ctx, resolved, floors) {
  const setup = setUpSuite(ctx, resolved, floors);
  const { suite, metrics, k, qrels, recorded } = setup;
  const findings = [];
  const runs = [];
  const score2 = async (label2, queries2, corpus, metric) => {
    const run = await knnRun(ctx, queries2, corpus, k, metric, `${suite.suite} ${label2}`);
    if (ctx.keepRuns) runs.push({ suite: suite.suite, label: label2, lines: run.lines });
    return perQueryScoresMany(qrels, run.run, metrics);
  };
  const cand = ctx.candidate;
  const candScores = await score2(
    "candidate",
    setup.candidate.queries,
    setup.candidate.corpus,
    cand.manifest.metric
  );
  let baseScores;
  let cross;
  if (ctx.baseline && setup.baseline) {
    const base = ctx.baseline;
    const b = setup.baseline;
    baseScores = await score2("baseline", b.queries, b.corpus, base.manifest.metric);
    if (base.manifest.dims === cand.manifest.dims && base.manifest.dtype === cand.manifest.dtype) {
      const newOld = await score2(
        "candidate-queries.baseline-corpus",
        setup.candidate.queries,
        b.corpus,
        base.manifest.metric
      );
      const oldNew = await score2(
        "baseline-queries.candidate-corpus",
        b.queries,
        setup.candidate.corpus,
        cand.manifest.metric
      );
      cross = metrics.map((metric) => ({
        metric,
        baselineBaseline: meanOf(baseScores.get(metric)),
        candidateCandidate: meanOf(candScores.get(metric)),
        candidateQueriesBaselineCorpus: meanOf(newOld.get(metric)),
        baselineQueriesCandidateCorpus: meanOf(oldNew.get(metric))
      }));
    }
  } else if (ctx.baseline) {
    findings.push({
      id: "bench.no-baseline",
      severity: "info",
      message: `suite ${suite.suite} has no query embeddings for the baseline version ${ctx.baseline.manifest.version}; only the candidate's floors (min) are checked`,
      location: resolved.loaded.doc.locate(["versions"])
    });
  }
  const scores = metrics.map((metric) => {
    const c = meanOf(candScores.get(metric));
    const b = baseScores ? meanOf(baseScores.get(metric)) : void 0;
    return {
      metric,
      candidate: c,
      ...b !== void 0 && { baseline: b, delta: c - b },
      ...recorded[metric] !== void 0 && { recorded: recorded[metric] }
    };
  });
  findings.push(...recordedFindings(suite.suite, scores, cand.vectors.displayPath));
  const judged = judgeConsumers(ctx.seed, suite.suite, floors, candScores, baseScores, findings);
  const queries = qrels.queries.size;
  return {
    rows: judged.rows.map((r) => ({ ...r, queries })),
    report: {
      suite: suite.suite,
      file: resolved.loaded.doc.file,
      queries,
      k,
      seed: ctx.seed,
      candidate: { version: cand.manifest.version, metric: cand.manifest.metric },
      ...ctx.baseline && baseScores && {
        baseline: {
          version: ctx.baseline.manifest.version,
          metric: ctx.baseline.manifest.metric
        }
      },
      scores,
      ...cross && { cross },
      perQuery: perQueryScores(metrics, candScores, baseScores),
      regressions: judged.regressions
    },
    findings,
    runs
  };
}
function perQueryScores(metrics, cand, base) {
  const ids = /* @__PURE__ */ new Set();
  for (const m of metrics) {
    for (const q of cand.get(m).keys()) ids.add(q);
    if (base) for (const q of base.get(m).keys()) ids.add(q);
  }
  const qids = [...ids].sort();
  return {
    qids,
    metrics: metrics.map((metric) => {
      const c = cand.get(metric);
      const b = base?.get(metric);
      return {
        metric,
        candidate: qids.map((q) => c.get(q) ?? 0),
        ...b && { baseline: qids.map((q) => b.get(q) ?? 0) }
      };
    })
  };
}
function recordedFindings(suite, scores, vectorsFile) {
  return scores.filter(
    (s) => s.recorded !== void 0 && Math.abs(s.recorded - s.candidate) > RECORDED_TOLERANCE
  ).map((s) => ({
    id: "bench.recorded",
    severity: "warning",
    message: `manifest records ${s.metric} = ${score(s.recorded)} on ${suite}, the gate measured ${score(s.candidate)}: the vectors or the suite changed since the result was recorded`,
    location: { file: vectorsFile }
  }));
}
function metricNames(floors, recorded) {
  const names = [.../* @__PURE__ */ new Set([...floors.map((f) => f.floor.metric), ...Object.keys(recorded)])];
  return names.length ? names : DEFAULT_METRICS;
}
async function knnRun(ctx, queriesRef, corpusRef, k, metric, what) {
  const search = ctx.search ?? corpusSearch(ctx.openVectors, ctx.ort);
  const result2 = await search(queriesRef, corpusRef, k, metric, ctx.progress?.(what));
  const run = runFromLists(
    result2.queryIds.map(
      (qid, q) => [qid, (result2.hits[q] ?? []).map((h) => ({ docid: h.id, score: h.score }))]
    )
  );
  return { run, lines: () => trecRunLines(result2, "embedding-gate") };
}

// src/gate/observer.ts
function progressOf(observer, step, unit, what) {
  const tell = observer?.progress?.bind(observer);
  if (!tell) return void 0;
  return (done, total) => tell(step, { done, unit, ...total !== void 0 && { total }, ...what && { what } });
}
async function observeStep(observer, step, body2, facts, before) {
  observer?.stepStarted(step, before);
  let result2;
  try {
    result2 = await body2();
  } catch (err) {
    observer?.stepFinished(step, { failed: true });
    throw err;
  }
  observer?.stepFinished(step, facts?.(result2));
  return result2;
}

// src/gate/benchmark-step.ts
async function benchmarkStep(plan, deps, baseline) {
  const candidate = plan.candidate;
  const manifest = candidate.loaded.manifest;
  const applicable = plan.contracts.filter(
    (c) => c.contract && c.contract.embedding === manifest.name
  );
  if (plan.suites.length === 0 && !applicable.some((c) => c.contract.quality?.length))
    return void 0;
  const findings = plan.suites.flatMap((s) => s.loaded.findings);
  const side = (version) => ({
    manifest: version.loaded.manifest,
    vectors: version.vectors
  });
  const outcome = await runBenchmarks({
    candidate: side(candidate),
    ...baseline?.loaded.manifest && { baseline: side(baseline) },
    contracts: applicable,
    suites: plan.suites,
    seed: plan.seed,
    keepRuns: plan.request.keepRuns ?? false,
    openVectors: deps.openVectors ?? openVectors,
    ...deps.ort && { ort: deps.ort },
    progress: (what) => progressOf(deps.observer, "benchmarks", "corpus rows", `kNN ${what}`),
    ...deps.benchmarkSearch && { search: deps.benchmarkSearch }
  });
  return { ...outcome, findings: [...findings, ...outcome.findings] };
}

// src/gate/checks/dataset.ts
var NAMES_SHOWN = 10;
function datasetPartFindings(declared, found2, display, location) {
  const now = new Map(found2.map((p) => [p.name, p]));
  const was = new Map(declared.map((p) => [p.path, p]));
  const added = found2.filter((p) => !was.has(p.name)).map((p) => p.name);
  const missing = declared.filter((p) => !now.has(p.path)).map((p) => p.path);
  const changed3 = declared.filter((p) => {
    const f = now.get(p.path);
    return f !== void 0 && (f.sha256 !== p.sha256 || p.size !== void 0 && f.size !== p.size);
  }).map((p) => p.path);
  if (added.length + missing.length + changed3.length === 0) return [];
  const list = (names) => names.slice(0, NAMES_SHOWN).join(", ") + (names.length > NAMES_SHOWN ? ` and ${names.length - NAMES_SHOWN} more` : "");
  const said = [
    added.length ? `added ${list(added)}` : "",
    missing.length ? `missing ${list(missing)}` : "",
    changed3.length ? `changed ${list(changed3)}` : ""
  ].filter(Boolean);
  return [
    {
      id: "vectors.parts",
      severity: "error",
      message: `${display}: the parts differ from those the manifest records (${said.join("; ")}); the dataset changed after the manifest was written (released versions are immutable)`,
      ...location && { location },
      expected: declared.length,
      found: { added, missing, changed: changed3 }
    }
  ];
}

// src/gate/checks/baseline.ts
var SAMPLE = 5;
function compareManifests(baseline, candidate, candidateDoc) {
  const changes = [];
  const fields = [
    ["dims", String(baseline.dims), String(candidate.dims), ["dims"]],
    ["dtype", baseline.dtype, candidate.dtype, ["dtype"]],
    ["metric", baseline.metric, candidate.metric, ["metric"]],
    ["normalization", baseline.normalization, candidate.normalization, ["normalization"]],
    ["model", baseline.model.name, candidate.model.name, ["model", "name"]],
    ["model.revision", baseline.model.revision, candidate.model.revision, ["model", "revision"]],
    ["inputs", baseline.inputs.dataset, candidate.inputs.dataset, ["inputs", "dataset"]]
  ];
  const findings = [];
  for (const [field, from, to, path] of fields) {
    if (from === to) continue;
    changes.push({ field, from, to });
    findings.push({
      id: "baseline.changed",
      severity: "info",
      message: `${field} changed from ${from} (${baseline.version}) to ${to} (${candidate.version})`,
      location: candidateDoc.locate(path),
      expected: from,
      found: to
    });
  }
  return { changes, findings };
}
function missingTolerance(baselineIds) {
  return Math.max(1, Math.floor(baselineIds * 1e-3));
}
function compareIds2(baselineIds, candidateIds, candidateFile, removals) {
  let missing = 0;
  let removed = 0;
  const firstMissing = [];
  for (const id of baselineIds) {
    if (candidateIds.has(id)) continue;
    if (removals?.ids.has(id)) {
      removed++;
      continue;
    }
    missing++;
    if (firstMissing.length < SAMPLE) firstMissing.push(id);
  }
  let added = 0;
  const firstAdded = [];
  for (const id of candidateIds) {
    if (baselineIds.has(id)) continue;
    added++;
    if (firstAdded.length < SAMPLE) firstAdded.push(id);
  }
  let present = 0;
  const firstPresent = [];
  for (const id of removals?.ids ?? []) {
    if (!candidateIds.has(id)) continue;
    present++;
    if (firstPresent.length < SAMPLE) firstPresent.push(id);
  }
  const tolerance = missingTolerance(baselineIds.size);
  const coverage = {
    baselineIds: baselineIds.size,
    candidateIds: candidateIds.size,
    missing,
    added,
    firstMissing,
    firstAdded,
    tolerance,
    ...removals ? { removed, removalsPresent: present } : {}
  };
  const findings = [];
  const list = (ids, n) => ids.map((i) => JSON.stringify(i)).join(", ") + (n > ids.length ? ", \u2026" : "");
  if (missing > 0) {
    const blocking = missing > tolerance;
    const declared = removals ? ` (besides ${count(removed)} declared in ${removals.file})` : "";
    findings.push({
      id: "baseline.ids-missing",
      severity: blocking ? "error" : "warning",
      message: `${count(missing)} of ${count(baselineIds.size)} baseline ids are missing from the candidate${declared} (${list(firstMissing, missing)}); consumers looking them up will miss. ` + (blocking ? `More than the ${count(tolerance)} tolerated: a partial dataset? Declare intended removals in the manifest's removals.ids` : `Within the ${count(tolerance)} tolerated`),
      location: { file: candidateFile },
      expected: `at most ${tolerance} undeclared`,
      found: missing
    });
  }
  if (removals && present > 0) {
    findings.push({
      id: "baseline.removal-present",
      severity: "warning",
      message: `${count(present)} ids ${removals.file} declares removed are still in the candidate (${list(firstPresent, present)}): the removal did not happen, or the list is wrong`,
      location: { file: removals.file },
      found: present
    });
  }
  if (added > 0) {
    findings.push({
      id: "baseline.ids-added",
      severity: "info",
      message: `${count(added)} ids are new in the candidate (${list(firstAdded, added)})`,
      location: { file: candidateFile },
      found: added
    });
  }
  return { coverage, findings };
}
function checkExpectedRows(manifest, rows, candidateDoc) {
  const expected = manifest.expected_rows;
  if (expected === void 0 || expected === rows) return [];
  return [
    {
      id: "vectors.rows",
      severity: "error",
      message: `manifest expects ${count(expected)} rows (expected_rows), the vectors file holds ${count(rows)}${rows < expected ? ": a partial dataset?" : ""}`,
      location: candidateDoc.locate(["expected_rows"]),
      expected,
      found: rows
    }
  ];
}

// src/gate/checks/consumers.ts
var import_semver4 = __toESM(require_semver2(), 1);

// src/config/contract.ts
import { stat as stat5 } from "node:fs/promises";
import { resolve as resolve5 } from "node:path";
var DEFAULT_NORM_TOLERANCE = 1e-3;
async function loadContract(file, cwd, options) {
  const doc = await loadDocument(file, cwd, options);
  const findings = validateDocument("contract", doc);
  return findings.length ? { doc, findings } : { doc, contract: doc.data, findings };
}
var CONTRACT_FILES = "*.{yaml,yml,json}";
async function discoverContracts(patterns, cwd) {
  const files = /* @__PURE__ */ new Set();
  for (const pattern of patterns) {
    const trimmed = pattern.trim();
    if (!trimmed) continue;
    let matched;
    const info = await stat5(resolve5(cwd, trimmed)).catch(() => void 0);
    if (info?.isDirectory()) {
      matched = await glob(CONTRACT_FILES, { cwd: resolve5(cwd, trimmed) });
      matched = matched.map((m) => joinRelative(trimmed, m));
    } else if (info?.isFile()) {
      matched = [trimmed];
    } else {
      matched = await glob(trimmed, { cwd, onlyFiles: true, expandDirectories: false });
    }
    if (matched.length === 0) {
      throw new ConfigError(
        info?.isDirectory() ? `--contracts ${trimmed}: the directory holds no .yaml, .yml or .json contract files` : `--contracts ${trimmed}: no file or directory matches`
      );
    }
    matched.forEach((m) => files.add(m));
  }
  return [...files].sort();
}
function joinRelative(dir, file) {
  return `${dir.replace(/\/+$/, "")}/${file}`;
}

// src/gate/checks/vectors.ts
var MANIFEST_NORM_TOLERANCE = 1e-3;
function maxNormDeviation(summary) {
  if (!summary.norms) return 0;
  return Math.max(Math.abs(summary.norms.min - 1), Math.abs(summary.norms.max - 1));
}
function quoteIds(ids, total) {
  const shown = ids.map((id) => JSON.stringify(id)).join(", ");
  return total > ids.length ? `${shown}, \u2026` : shown;
}
function checkVectors(expect, summary, outOfTolerance) {
  const findings = [];
  const file = summary.file;
  const at = (...field) => expect.locate?.(field) ?? { file };
  if (summary.rows === 0) {
    findings.push({
      id: "vectors.empty",
      severity: "error",
      message: `expected at least one vector, found 0 rows in ${file}`,
      location: at("vectors", "path")
    });
  }
  if (expect.dims !== void 0 && summary.dims !== expect.dims) {
    findings.push({
      id: "vectors.dims",
      severity: "error",
      message: `expected dims ${expect.dims}, ${file} holds ${summary.dims}-dimensional vectors`,
      location: at("dims"),
      expected: expect.dims,
      found: summary.dims
    });
  }
  if (expect.dtype !== void 0 && summary.dtype !== expect.dtype) {
    findings.push({
      id: "vectors.dtype",
      severity: "error",
      message: `expected dtype ${expect.dtype}, ${file} holds ${summary.dtype}`,
      location: at("dtype"),
      expected: expect.dtype,
      found: summary.dtype
    });
  }
  if (summary.nonFinite.rows > 0) {
    findings.push({
      id: "vectors.non-finite",
      severity: "error",
      message: `expected finite values, found ${count(summary.nonFinite.values)} NaN/Inf value(s) in ${count(summary.nonFinite.rows)} of ${count(summary.rows)} rows (ids ${quoteIds(summary.nonFinite.firstIds, summary.nonFinite.rows)})`,
      location: { file, id: summary.nonFinite.firstIds[0] },
      found: summary.nonFinite.rows
    });
  }
  if (summary.zero.rows > 0) {
    findings.push({
      id: "vectors.zero",
      severity: "warning",
      message: `${count(summary.zero.rows)} of ${count(summary.rows)} vectors are all zeros (ids ${quoteIds(summary.zero.firstIds, summary.zero.rows)}); they have no direction, so cosine similarity is undefined for them`,
      location: { file, id: summary.zero.firstIds[0] },
      found: summary.zero.rows
    });
  }
  if (expect.normalization === "l2" && summary.dtype !== "binary" && outOfTolerance && outOfTolerance.rows > 0) {
    const n = summary.norms;
    findings.push({
      id: "vectors.normalization",
      severity: "error",
      message: `expected l2-normalised vectors (\u2016v\u2016 = 1 \xB1 ${MANIFEST_NORM_TOLERANCE}), found ${count(outOfTolerance.rows)} of ${count(summary.rows)} outside` + (n ? ` (norms from ${statistic(n.min)} to ${statistic(n.max)})` : "") + `; ids ${quoteIds(outOfTolerance.firstIds, outOfTolerance.rows)}`,
      location: at("normalization"),
      expected: 1,
      found: n ? [n.min, n.max] : void 0
    });
  }
  if (expect.normalization === "none" && summary.dtype !== "binary" && summary.rows > 0 && summary.norms && maxNormDeviation(summary) <= MANIFEST_NORM_TOLERANCE) {
    findings.push({
      id: "vectors.normalization",
      severity: "info",
      message: `normalization is declared none, but every vector has unit L2 norm; declaring l2 would let consumers rely on it`,
      location: at("normalization")
    });
  }
  if (!summary.hasIds && summary.rows > 0) {
    findings.push({
      id: "vectors.ids-absent",
      severity: "warning",
      message: `${file} carries no ids; 0-based row numbers stand in, so rows cannot be matched across versions if the order changes`,
      location: at("vectors")
    });
  }
  if (summary.duplicateIds && summary.duplicateIds.count > 0) {
    findings.push({
      id: "vectors.ids-duplicate",
      severity: "error",
      message: `expected unique ids, found ${count(summary.duplicateIds.count)} duplicate(s) (${quoteIds(summary.duplicateIds.firstIds, summary.duplicateIds.count)})`,
      location: { file, id: summary.duplicateIds.firstIds[0] },
      found: summary.duplicateIds.count
    });
  }
  return findings;
}
function unreadableFinding(err, displayPath, context, path) {
  const shown = [path, path && redactUrl(path)].find((p) => p && err.file.startsWith(`${p} part `));
  const file = shown ? `${displayPath}${err.file.slice(shown.length)}` : displayPath;
  const detail = err.message.replace(err.file, file);
  return {
    id: "vectors.readable",
    severity: "error",
    message: context ? `cannot read the vectors of ${context}: ${detail}` : detail,
    location: { file: displayPath, ...err.where ?? {} }
  };
}

// src/gate/checks/consumers.ts
function checkConsumer(loaded, manifest, measured, coverage) {
  const contract = loaded.contract;
  const status = contract.status ?? "active";
  const base = {
    consumer: contract.consumer,
    owner: contract.owner,
    contract: loaded.doc.file,
    status
  };
  if (contract.embedding !== manifest.name) {
    return { result: { ...base, applies: false, satisfied: true, requirements: [] }, findings: [] };
  }
  const requirements = [];
  const req = contract.requires;
  requirements.push({
    requirement: "version",
    field: ["accepts"],
    expected: contract.accepts,
    found: manifest.version,
    ok: import_semver4.default.satisfies(manifest.version, contract.accepts, { includePrerelease: true })
  });
  if (req.dims !== void 0) {
    const found2 = measured?.dims ?? manifest.dims;
    requirements.push({
      requirement: "dims",
      field: ["requires", "dims"],
      expected: String(req.dims),
      found: String(found2),
      ok: found2 === req.dims && manifest.dims === req.dims
    });
  }
  if (req.dtype !== void 0) {
    const accepted = Array.isArray(req.dtype) ? req.dtype : [req.dtype];
    requirements.push({
      requirement: "dtype",
      field: ["requires", "dtype"],
      expected: accepted.join(" | "),
      found: manifest.dtype,
      ok: accepted.includes(manifest.dtype)
    });
  }
  if (req.normalization !== void 0) {
    const tolerance = req.norm_tolerance ?? DEFAULT_NORM_TOLERANCE;
    let ok = manifest.normalization === req.normalization;
    let found2 = manifest.normalization;
    if (ok && req.normalization === "l2" && measured?.norms) {
      const deviation = maxNormDeviation(measured);
      ok = deviation <= tolerance;
      found2 = `l2, measured \u2016v\u2016 in [${statistic(measured.norms.min)}, ${statistic(measured.norms.max)}]`;
    }
    requirements.push({
      requirement: "normalization",
      field: ["requires", "normalization"],
      expected: req.normalization === "l2" ? `l2 (\u2016v\u2016 = 1 \xB1 ${tolerance})` : "none",
      found: found2,
      ok
    });
  }
  if (req.metric !== void 0) {
    requirements.push({
      requirement: "metric",
      field: ["requires", "metric"],
      expected: req.metric,
      found: manifest.metric,
      ok: metricCompatible(req.metric, manifest)
    });
  }
  const findings = [];
  if (req.min_rows !== void 0 && measured) {
    requirements.push({
      requirement: "rows",
      field: ["requires", "min_rows"],
      expected: `at least ${count(req.min_rows)}`,
      found: count(measured.rows),
      ok: measured.rows >= req.min_rows
    });
  }
  if (req.min_coverage !== void 0) {
    if (coverage) {
      const held = coverage.baselineIds - coverage.missing - (coverage.removed ?? 0);
      const fraction = coverage.baselineIds === 0 ? 1 : held / coverage.baselineIds;
      requirements.push({
        requirement: "coverage",
        field: ["requires", "min_coverage"],
        expected: `at least ${percent(req.min_coverage, 2)} of baseline ids`,
        found: `${percent(fraction, 2)} (${count(held)} of ${count(coverage.baselineIds)})`,
        ok: fraction >= req.min_coverage
      });
    } else {
      findings.push({
        id: "contract.coverage",
        severity: "warning",
        consumer: contract.consumer,
        message: `${contract.consumer} (${contract.owner}) requires ${percent(req.min_coverage, 2)} of the baseline's ids, which was not measured: gate with a baseline whose vectors and the candidate's have ids`,
        location: loaded.doc.locate(["requires", "min_coverage"])
      });
    }
  }
  for (const r of requirements) {
    if (r.ok) continue;
    findings.push({
      id: `contract.${r.requirement}`,
      severity: "error",
      consumer: contract.consumer,
      message: `${contract.consumer} (${contract.owner}) requires ${r.requirement} ${r.expected}, candidate ${manifest.version} has ${r.found}`,
      location: loaded.doc.locate(r.field),
      expected: r.expected,
      found: r.found
    });
  }
  const cleaned = requirements.map(({ field: _field, ...rest }) => rest);
  return {
    result: {
      ...base,
      applies: true,
      satisfied: cleaned.every((r) => r.ok),
      requirements: cleaned
    },
    findings
  };
}
function metricCompatible(required, manifest) {
  if (required === manifest.metric) return true;
  const pair = /* @__PURE__ */ new Set([required, manifest.metric]);
  return manifest.normalization === "l2" && pair.has("cosine") && pair.has("dot");
}

// src/gate/steps.ts
async function scanStep(plan, deps, findings, sample) {
  const { candidate, baseline } = plan;
  const cm = candidate.loaded.manifest;
  const wantIds = wantsIds(plan);
  const keep = wantIds ? sample : void 0;
  const candidateFindings = [];
  const baselineFindings = [];
  const [c, b] = await Promise.allSettled([
    scanVersion(candidate, deps, wantIds, candidateFindings, "candidate", keep),
    baseline && scanVersion(baseline, deps, wantIds, baselineFindings, "baseline", keep)
  ]);
  if (c.status === "rejected") throw c.reason;
  if (b.status === "rejected") throw b.reason;
  findings.push(...candidateFindings, ...baselineFindings);
  const candidateScan = c.value;
  const baselineScan = b.value;
  if (cm && candidateScan) {
    findings.push(
      ...checkVectors(
        { ...cm, locate: (field) => candidate.loaded.doc.locate(field) },
        candidateScan.summary,
        candidateScan.outOfTolerance
      ),
      ...checkExpectedRows(cm, candidateScan.summary.rows, candidate.loaded.doc)
    );
  }
  return {
    ...candidateScan && { candidate: candidateScan },
    ...baselineScan && { baseline: baselineScan }
  };
}
function wantsIds(plan) {
  return Boolean(plan.baseline?.loaded.manifest && plan.candidate.loaded.manifest);
}
function scanRequestFor(version, collectIds) {
  const manifest = version.loaded.manifest;
  const vectors = version.vectors;
  if (!manifest || !vectors) return void 0;
  return {
    path: vectors.path,
    displayPath: vectors.displayPath,
    open: vectors.open,
    expectUnitNorm: manifest.normalization === "l2",
    normTolerance: MANIFEST_NORM_TOLERANCE,
    collectIds
  };
}
async function scanVersion(version, deps, collectIds, findings, side, sample) {
  const manifest = version.loaded.manifest;
  const vectors = version.vectors;
  if (!manifest || !vectors) return void 0;
  const declaredHash = manifest.vectors.sha256;
  const declaredParts = manifest.vectors.parts;
  const hash = Boolean(declaredHash || declaredParts);
  let outcome;
  try {
    const onRows = progressOf(deps.observer, "scan", "rows", side);
    outcome = await deps.scan({
      ...scanRequestFor(version, collectIds),
      ...hash && { hash },
      ...onRows && { onRows },
      ...sample && { sample }
    });
  } catch (err) {
    if (!(err instanceof VectorFileError)) throw err;
    findings.push(
      unreadableFinding(
        err,
        vectors.displayPath,
        `${manifest.name} ${manifest.version}`,
        vectors.path
      )
    );
  }
  let digest;
  if (hash) {
    try {
      if (outcome?.digestError) throw outcome.digestError;
      digest = outcome?.digest ?? await digestOfVectors(vectors.path, vectors.open, deps.openSource);
    } catch (e) {
      if (!(e instanceof SourceError)) throw e;
      findings.push({
        id: "vectors.sha256",
        severity: "error",
        message: `cannot verify the recorded sha256 of ${vectors.displayPath}: ${e.message}`,
        location: version.loaded.doc.locate(["vectors", declaredHash ? "sha256" : "parts"]),
        ...declaredHash && { expected: declaredHash }
      });
    }
  }
  const actual = digest?.sha256;
  if (declaredParts && digest?.parts) {
    findings.push(
      ...datasetPartFindings(
        declaredParts,
        digest.parts,
        vectors.displayPath,
        version.loaded.doc.locate(["vectors", "parts"])
      )
    );
  }
  if (declaredHash && actual && actual !== declaredHash) {
    findings.push({
      id: "vectors.sha256",
      severity: "error",
      message: `manifest records sha256 ${declaredHash} for ${vectors.displayPath}, but the file hashes to ${actual}; the vectors changed after the manifest was written (released versions are immutable)`,
      location: version.loaded.doc.locate(["vectors", "sha256"]),
      expected: declaredHash,
      found: actual
    });
  }
  return outcome;
}
function idsStep(plan, scans) {
  const c = scans.candidate;
  const b = scans.baseline;
  if (!plan.candidate.loaded.manifest || !plan.baseline?.loaded.manifest) return void 0;
  if (!c?.ids || !b?.ids) return void 0;
  return compareIds2(b.ids, c.ids, c.summary.file, plan.removals);
}
function consumersStep(plan, summary, findings, coverage) {
  const { candidate, contracts } = plan;
  const cm = candidate.loaded.manifest;
  if (!cm) return [];
  const consumers = [];
  for (const c of contracts) {
    if (!c.contract) continue;
    const { result: result2, findings: f } = checkConsumer(c, cm, summary, coverage);
    consumers.push(result2);
    findings.push(...f);
  }
  const active = consumers.filter((c) => c.applies && c.status === "active");
  if (contracts.length > 0 && active.length === 0 && contracts.every((c) => c.contract)) {
    findings.push({
      id: "contract.none-active",
      severity: "warning",
      message: `no active consumer contract names embedding "${cm.name}"; nothing downstream vouches for this version`,
      location: candidate.loaded.doc.locate(["name"])
    });
  }
  return consumers.sort((a, b) => a.consumer.localeCompare(b.consumer));
}
function baselineStep(plan, ids, findings) {
  const cm = plan.candidate.loaded.manifest;
  const bm = plan.baseline?.loaded.manifest;
  if (!bm || !cm) return {};
  const compared = compareManifests(bm, cm, plan.candidate.loaded.doc);
  findings.push(...compared.findings);
  if (!ids) return { changes: compared.changes };
  findings.push(...ids.findings);
  return { changes: compared.changes, coverage: ids.coverage };
}
function stagingInput(plan, deps, readableBaseline) {
  const { request: request2, candidate } = plan;
  const onModel = progressOf(deps.observer, "staging", "models");
  return {
    ...onModel && { onModel },
    workspace: request2.workspace,
    cwd: request2.cwd,
    seed: plan.seed,
    limits: request2.staging,
    ort: deps.ort,
    openVectors: deps.openVectors,
    openSource: deps.openSource,
    candidate: stagingVersion(candidate.loaded, candidate.vectors),
    baseline: readableBaseline && stagingVersion(readableBaseline.loaded, readableBaseline.vectors),
    contracts: plan.contracts,
    ...deps.consumerRun && { consumerRun: deps.consumerRun },
    ...deps.probeRun && { probeRun: deps.probeRun }
  };
}
function scannedVersion(version, scan) {
  return {
    loaded: version.loaded,
    vectors: version.vectors,
    rows: scan?.summary.rows,
    ids: scan?.ids
  };
}

// src/gate/checks/placeholders.ts
var TODO = "TODO";
var TODO_SHA256 = "0".repeat(64);
function checkPlaceholders(manifests, contracts) {
  const findings = [];
  for (const m of manifests) {
    if (!m.manifest) continue;
    const fields = [
      [["model", "name"], m.manifest.model.name],
      [["model", "revision"], m.manifest.model.revision],
      [["inputs", "dataset"], m.manifest.inputs.dataset],
      [["inputs", "sha256"], m.manifest.inputs.sha256],
      [["tag"], m.manifest.tag]
    ];
    findings.push(...placeholders("manifest.placeholder", m.doc, fields));
  }
  for (const c of contracts) {
    if (!c.contract) continue;
    const fields = [
      [["consumer"], c.contract.consumer],
      [["owner"], c.contract.owner]
    ];
    findings.push(
      ...placeholders("contract.placeholder", c.doc, fields).map((f) => ({
        ...f,
        consumer: c.contract.consumer
      }))
    );
  }
  return findings;
}
function placeholders(id, doc, fields) {
  return fields.filter(([, value]) => value === TODO || value === TODO_SHA256).map(([field, value]) => ({
    id,
    severity: "error",
    message: `${field.join(".")} is still the placeholder ${JSON.stringify(value)} that embedding-gate init wrote; fill in the real value before this file gates a release`,
    location: doc.locate(field),
    found: value
  }));
}

// src/gate/judge.ts
import { createHash as createHash4 } from "node:crypto";
import { isAbsolute as isAbsolute2, posix as posix2, relative as relative6, resolve as resolve6, sep as sep3 } from "node:path";

// src/gate/report-model.ts
var REPORT_SCHEMA_VERSION = 1;
function decideVerdict(findings, failOn) {
  if (failOn === "never") return "pass";
  const blocking = failOn === "warning" ? ["error", "warning"] : ["error"];
  return findings.some((f) => !f.suppressed && !f.pending && blocking.includes(f.severity)) ? "fail" : "pass";
}
function isBlocking(finding, failOn) {
  return decideVerdict([finding], failOn) === "fail";
}
function countFindings(findings) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) if (!f.suppressed) counts[f.severity]++;
  return counts;
}

// src/gate/override.ts
var OVERRIDABLE_PREFIXES = ["contract.", "baseline."];
function isOverridable(id) {
  return OVERRIDABLE_PREFIXES.some((p) => id.startsWith(p)) && !id.endsWith(".schema");
}
function applyOverride(findings, declaration, failOn) {
  let lifted = 0;
  const out = findings.map((f) => {
    if (!isBlocking(f, failOn) || !isOverridable(f.id)) return f;
    lifted++;
    return {
      ...f,
      suppressed: {
        kind: "override",
        label: declaration.label,
        by: declaration.by,
        reason: declaration.reason
      }
    };
  });
  return { findings: out, record: { ...declaration, lifted } };
}

// src/gate/judge.ts
var FINGERPRINT_HEX = 16;
function fingerprintFinding(f) {
  const shown = f.location?.workspaceFile ?? f.location?.file;
  const file = shown ? posix2.normalize(shown.replace(/\\/g, "/")).replace(/^\.\//, "") : "";
  const parts = [f.id, f.consumer ?? "", file, f.location?.path ?? ""];
  return createHash4("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, FINGERPRINT_HEX);
}
function expiryInstant(expires) {
  if (/^\d{4}-\d{2}-\d{2}$/.test(expires)) return Date.parse(`${expires}T00:00:00Z`) + 864e5;
  return Date.parse(expires);
}
function applyWaivers(findings, loaded, now) {
  const out = [];
  const used = /* @__PURE__ */ new Set();
  const expired = /* @__PURE__ */ new Set();
  loaded.waivers.forEach((w, i) => {
    if (now.getTime() >= expiryInstant(w.expires)) expired.add(i);
  });
  for (const f of findings) {
    const index = f.id.startsWith("waiver.") ? -1 : loaded.waivers.findIndex((w2) => matches(w2, f));
    const w = loaded.waivers[index];
    if (!w) {
      out.push(f);
      continue;
    }
    used.add(index);
    if (expired.has(index) || f.suppressed) {
      out.push(f);
      continue;
    }
    out.push({
      ...f,
      suppressed: {
        kind: "waiver",
        reason: w.reason,
        owner: w.owner,
        expires: w.expires,
        location: loaded.doc.locate(["waivers", index])
      }
    });
  }
  out.push(...loaded.findings);
  loaded.waivers.forEach((w, i) => {
    const subject = `waiver for ${w.check}${w.consumer ? ` (${w.consumer})` : ""}, owner ${w.owner}`;
    if (expired.has(i)) {
      out.push({
        id: "waiver.expired",
        severity: "error",
        message: `${subject}, expired ${w.expires}: renew it with a new date and a reason, or fix the finding and delete the waiver${used.has(i) ? "" : " (it no longer matches any finding)"}`,
        location: loaded.doc.locate(["waivers", i, "expires"]),
        expected: `expires after ${now.toISOString()}`,
        found: w.expires
      });
    } else if (!used.has(i)) {
      out.push({
        id: "waiver.unused",
        severity: "info",
        message: `${subject} matches no finding (fingerprint ${w.fingerprint}): the finding is gone, or the fingerprint is not the one in the report; delete the waiver or copy the fingerprint from the JSON report`,
        location: loaded.doc.locate(["waivers", i, "fingerprint"])
      });
    }
  });
  return out;
}
function matches(w, f) {
  return w.check === f.id && (w.consumer ?? "") === (f.consumer ?? "") && w.fingerprint === f.fingerprint;
}
var PENDING_NOTE = " \u2014 pending consumer: reported, does not block";
function pendingConsumers(contracts) {
  const pending = /* @__PURE__ */ new Set();
  const active = /* @__PURE__ */ new Set();
  for (const { contract } of contracts) {
    if (!contract) continue;
    ((contract.status ?? "active") === "pending" ? pending : active).add(contract.consumer);
  }
  for (const name2 of active) pending.delete(name2);
  return pending;
}
function downgradePending(findings, pending) {
  return findings.map((f) => {
    if (f.consumer === void 0 || !pending.has(f.consumer)) return f;
    if (f.severity !== "error") return f.pending ? f : { ...f, pending: true };
    return { ...f, severity: "warning", message: f.message + PENDING_NOTE, pending: true };
  });
}
function placeFinding(f, workspace, cwd) {
  const loc = f.location;
  if (!loc || loc.workspaceFile !== void 0 || !loc.file) return f;
  const rel = relative6(resolve6(workspace), resolve6(cwd, loc.file));
  const workspaceFile = isAbsolute2(rel) ? rel : rel.split(sep3).join("/");
  return { ...f, location: { ...loc, workspaceFile: workspaceFile || "." } };
}
function judgeFindings(findings, options) {
  const judged = options.pendingConsumers ? downgradePending(findings, options.pendingConsumers) : findings;
  const paths = options.paths;
  const identify = (f) => {
    const placed = paths ? placeFinding(f, paths.workspace, paths.cwd) : f;
    return placed.fingerprint ? placed : { ...placed, fingerprint: fingerprintFinding(placed) };
  };
  let out = judged.map(identify);
  if (options.waivers) {
    out = applyWaivers(out, options.waivers, options.now());
    out = out.map(identify);
  }
  if (!options.override) return { findings: out };
  const { findings: lifted, record } = applyOverride(out, options.override, options.failOn);
  return { findings: lifted, override: record };
}

// src/gate/runtime-use.ts
function trackRuntime(load) {
  let used;
  return {
    ort: async () => used = await (load ?? loadOrt)(),
    record() {
      const resolved = used && runtimeOf(used);
      if (!resolved) return void 0;
      if (resolved.source !== "wasm") {
        return {
          backend: "native",
          package: "onnxruntime-node",
          version: resolved.version,
          source: resolved.source === "offline-dir" ? "dir" : resolved.source
        };
      }
      return {
        backend: "wasm",
        package: "onnxruntime-web",
        version: resolved.version,
        source: resolved.forced ? "forced" : "wasm-fallback",
        ...resolved.reason && { reason: resolved.reason }
      };
    }
  };
}
function runtimeFindings(record) {
  if (record?.source !== "wasm-fallback") return [];
  return [
    {
      id: "runtime.wasm",
      severity: "info",
      message: `ran on WebAssembly (${record.package} ${record.version}) because ${record.reason ?? "no native onnxruntime could be had"}: the results are the same, only slower (about 2\u20134\xD7 here). For the native runtime, let the gate download ${ORT_PIN.name} ${ORT_PIN.version} from the npm registry (it follows npm's registry and proxy settings, or ${REGISTRY_ENV}), or set ${ORT_DIR_ENV} to a folder of its binaries`,
      found: record.source
    }
  ];
}

// src/gate/plan.ts
import { stat as stat6 } from "node:fs/promises";
import { relative as relative8, resolve as resolve7 } from "node:path";

// src/config/manifest.ts
async function loadManifest(file, cwd, options) {
  const doc = await loadDocument(file, cwd, options);
  const findings = validateDocument("manifest", doc);
  return findings.length ? { doc, findings } : { doc, manifest: doc.data, findings };
}

// src/retrieval/qrels.ts
var INTEGER = /^[+-]?\d+$/;
var BEIR_HEADER = ["query-id", "corpus-id", "score"];
function isBeirHeader(line) {
  const cells = line.trim().split(/\s+/);
  return cells.length === 3 && cells.every((c, i) => c.toLowerCase() === BEIR_HEADER[i]);
}
function forEachContentLine(text, visit) {
  let start = 0;
  let lineNo = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    lineNo++;
    let line = text.slice(start, end);
    if (line.endsWith("\r")) line = line.slice(0, -1);
    const trimmed = line.trim();
    if (trimmed !== "" && !trimmed.startsWith("#")) visit(line, lineNo);
    start = end + 1;
  }
}
function parseQrels(text, file, format = "auto") {
  const queries = /* @__PURE__ */ new Map();
  const lineOf = /* @__PURE__ */ new Map();
  let detected = format === "auto" ? void 0 : format;
  let first = true;
  const add = (qid, docid, relText, lineNo) => {
    if (!INTEGER.test(relText)) {
      throw new BenchParseError(
        file,
        lineNo,
        `relevance ${JSON.stringify(relText)} is not an integer`
      );
    }
    let docs = queries.get(qid);
    let lines = lineOf.get(qid);
    if (!docs || !lines) {
      docs = /* @__PURE__ */ new Map();
      lines = /* @__PURE__ */ new Map();
      queries.set(qid, docs);
      lineOf.set(qid, lines);
    }
    const earlier = lines.get(docid);
    if (earlier !== void 0) {
      throw new BenchParseError(
        file,
        lineNo,
        `document ${JSON.stringify(docid)} is judged twice for query ${JSON.stringify(qid)} (first at line ${earlier})`
      );
    }
    docs.set(docid, Number.parseInt(relText, 10));
    lines.set(docid, lineNo);
  };
  forEachContentLine(text, (line, lineNo) => {
    if (first) {
      first = false;
      const header2 = isBeirHeader(line);
      detected ??= header2 ? "beir" : "trec";
      if (detected === "beir") {
        if (!header2) {
          throw new BenchParseError(
            file,
            lineNo,
            `expected the BEIR header "query-id\\tcorpus-id\\tscore", found ${JSON.stringify(line.trim())}`
          );
        }
        return;
      }
    }
    if (detected === "beir") {
      const cells = line.split("	").map((c) => c.trim());
      if (cells.length !== 3 || cells.some((c) => c === "")) {
        const found2 = cells.filter((c) => c !== "").length;
        throw new BenchParseError(
          file,
          lineNo,
          `expected 3 tab-separated columns "query-id corpus-id score", found ${found2}`
        );
      }
      add(cells[0], cells[1], cells[2], lineNo);
    } else {
      const cells = line.trim().split(/\s+/);
      if (cells.length !== 4) {
        const hint = cells.length === 3 ? ' (a BEIR qrels file starts with the header "query-id\\tcorpus-id\\tscore")' : "";
        throw new BenchParseError(
          file,
          lineNo,
          `expected 4 columns "qid 0 docid rel", found ${cells.length}${hint}`
        );
      }
      add(cells[0], cells[2], cells[3], lineNo);
    }
  });
  if (queries.size === 0) {
    throw new BenchParseError(
      file,
      1,
      "no judgments found (the file is empty or has only a header and comments)"
    );
  }
  return { format: detected ?? "trec", queries };
}
async function readQrelsFile(path, format = "auto", workspace) {
  let text;
  try {
    text = await readTextFile(path, workspace);
  } catch (err) {
    throw new ConfigError(`${path}: cannot read the qrels: ${err.detail}`);
  }
  return parseQrels(text, path, format);
}

// src/config/waivers.ts
async function loadWaivers(file, cwd, options) {
  const doc = await loadDocument(file, cwd, options);
  const findings = validateDocument("waivers", doc);
  if (findings.length) return { doc, waivers: [], findings };
  return { doc, waivers: doc.data.waivers, findings };
}

// src/gate/plan-baseline.ts
import { relative as relative7 } from "node:path";
function channelBaseline(channel, request2, loaded, candidate) {
  if (request2.baseline)
    throw new ConfigError(
      `give a baseline manifest or a baseline channel (${channel}), not both: the channel names the baseline`
    );
  if (!loaded)
    throw new ConfigError(
      `baseline channel ${channel} needs a registry (--registry): the channel's version is read from it`
    );
  const registry = loaded.registry;
  if (!registry) {
    const first = loaded.findings[0];
    throw new ConfigError(
      `${loaded.doc.file}: the registry is invalid${first ? ` (${first.message})` : ""}, so baseline channel ${channel} cannot be read`,
      first?.location
    );
  }
  const name2 = candidate.manifest?.name;
  if (!name2) return void 0;
  const embedding2 = registry.embeddings[name2];
  const version = embedding2?.channels?.[channel]?.version;
  if (!embedding2 || !version) {
    const known = Object.keys(embedding2?.channels ?? {});
    throw new ConfigError(
      `${loaded.doc.file}: ${name2} has no channel ${channel}` + (known.length ? ` (its channels: ${known.join(", ")})` : " (no channel serves it yet)") + `; for a first release, gate without a baseline`,
      loaded.doc.locate(embedding2 ? ["embeddings", name2] : ["embeddings"])
    );
  }
  const field = ["embeddings", name2, "versions", version, "manifest", "path"];
  const recorded = embedding2.versions[version].manifest.path;
  const path = resolveInWorkspace(loaded.doc, field, recorded, request2.workspace);
  return { file: relative7(request2.cwd, path) || path, channel, version };
}
async function readRemovals(candidate, workspace, cwd) {
  const value = candidate.manifest?.removals?.ids;
  if (value === void 0) return void 0;
  const field = ["removals", "ids"];
  const path = resolveInWorkspace(candidate.doc, field, value, workspace);
  await requireRegularFile(
    candidate.doc,
    field,
    value,
    path,
    "a text file of removed ids, one per line, inside the workspace"
  );
  const file = relative7(cwd, path) || path;
  let text;
  try {
    text = await readTextFile(path, workspace);
  } catch (err) {
    throw new ConfigError(
      `${file}: cannot read (${err instanceof TextReadError ? err.detail : err.message})`
    );
  }
  const ids = /* @__PURE__ */ new Set();
  for (const line of text.split("\n")) {
    const id = line.endsWith("\r") ? line.slice(0, -1) : line;
    if (id !== "") ids.add(id);
  }
  return { ids, file };
}

// src/gate/plan-table.ts
function tableVectors(loaded, manifest, allowRemote) {
  const path = manifest.vectors.path;
  const at = (field) => {
    const location2 = loaded.doc.locate(field);
    return { location: location2, prefix: `${location2.file}:${location2.line}:${location2.column}` };
  };
  if (typeof path !== "string") {
    const i = path.findIndex(isPgRef);
    if (i >= 0) {
      const { location: location2, prefix: prefix2 } = at(["vectors", "path", String(i)]);
      throw new ConfigError(
        `${prefix2}: vectors.path.${i} is a postgres:// table; a list names file or object parts: name the table alone as vectors.path`,
        location2
      );
    }
  }
  if (typeof path !== "string" || !isPgRef(path)) {
    if (manifest.vectors.where === void 0) return void 0;
    const { location: location2, prefix: prefix2 } = at(["vectors", "where"]);
    throw new ConfigError(
      `${prefix2}: vectors.where filters the rows of a postgres:// table; vectors.path is a file here: remove where or point path at the table`,
      location2
    );
  }
  for (const field of ["sha256", "ids", "format", "parts"]) {
    if (manifest.vectors[field] === void 0) continue;
    const { location: location2, prefix: prefix2 } = at(["vectors", field]);
    throw new ConfigError(
      `${prefix2}: vectors.${field} does not apply to a postgres:// table (it has no bytes to hash, no ids file and no file format): remove it`,
      location2
    );
  }
  const { location, prefix } = at(["vectors", "path"]);
  let ref;
  try {
    ref = pgRefFromManifest(path, manifest.vectors);
  } catch (e) {
    if (e instanceof PgSourceError)
      throw new ConfigError(`${prefix}: vectors.path ${e.message}`, location);
    throw e;
  }
  if (!allowRemote)
    throw new ConfigError(
      `${prefix}: vectors.path ${redact(ref.display)} is a database table; remote reads are off by default so that a pull request cannot make CI connect to arbitrary servers: pass --allow-remote (Action input allow-remote: true) to read it`,
      location
    );
  return {
    path: ref.display,
    displayPath: ref.display,
    open: manifest.dtype === "binary" ? { dims: manifest.dims } : {}
  };
}

// src/gate/plan.ts
var DEFAULT_SEED = 20240917;
async function resolvePlan(request2) {
  const { cwd, workspace, configLimits: limits } = request2;
  const load = { limits, workspace };
  const candidateLoaded = await loadManifest(request2.candidate, cwd, load);
  const registry = request2.registry ? await loadRegistry(request2.registry, cwd, load) : void 0;
  if (registry) checkRegistryPaths(registry, workspace);
  const fromChannel = request2.baselineChannel ? channelBaseline(request2.baselineChannel, request2, registry, candidateLoaded) : void 0;
  const baselineFile = fromChannel ? fromChannel.file : request2.baseline;
  const baselineLoaded = baselineFile ? await loadManifest(baselineFile, cwd, load) : void 0;
  const contractFiles = await discoverContracts(request2.contracts, cwd);
  const waivers = request2.waivers ? await loadWaivers(request2.waivers, cwd, load) : void 0;
  const contracts = [];
  for (const file of contractFiles) contracts.push(await loadContract(file, cwd, load));
  const candidate = await resolveVersion(candidateLoaded, request2);
  const removals = await readRemovals(candidateLoaded, workspace, cwd);
  const baseline = baselineLoaded && await resolveVersion(baselineLoaded, request2);
  const suites = candidate.loaded.manifest ? await resolveSuites(request2, candidate.loaded, baseline?.loaded) : [];
  if (candidate.loaded.manifest) await checkStagingFiles(candidate.loaded, contracts, workspace);
  const pointers = candidate.loaded.manifest ? await readPointers(candidate.loaded, workspace, cwd, limits) : [];
  return Object.freeze({
    request: request2,
    seed: request2.seed ?? DEFAULT_SEED,
    candidate,
    ...baseline && { baseline },
    ...fromChannel && {
      baselineChannel: { channel: fromChannel.channel, version: fromChannel.version }
    },
    ...removals && { removals },
    contracts,
    ...waivers && { waivers },
    suites,
    ...registry && { registry },
    pointers
  });
}
async function resolveVersion(loaded, request2) {
  const m = loaded.manifest;
  if (!m) return { loaded };
  const table2 = tableVectors(loaded, m, request2.allowRemote === true);
  if (table2) return { loaded, vectors: table2 };
  const vectors = declaredVectors(loaded, m, request2);
  await requireVectorsFiles(loaded, ["vectors", "path"], m.vectors.path, vectors);
  if (m.vectors.ids && vectors.open.idsPath)
    await requireRegularFile(
      loaded.doc,
      ["vectors", "ids"],
      m.vectors.ids,
      vectors.open.idsPath,
      "a text file of ids, one per line, inside the workspace"
    );
  return { loaded, vectors };
}
async function requireVectorsFiles(loaded, field, value, ref) {
  if (typeof value === "string") return requireVectorsFile(loaded, field, value, ref.path);
  const parts = ref.open.parts ?? [];
  for (let i = 0; i < value.length; i++)
    await requireListedPart(loaded, [...field, i], value[i], parts[i]);
}
async function requireListedPart(loaded, field, value, path) {
  if (REMOTE_REF.test(path)) return;
  await requireRegularFile(
    loaded.doc,
    field,
    value,
    path,
    "a vectors file inside the workspace (each entry of a list names one part)"
  );
}
async function requireVectorsFile(loaded, field, value, path) {
  if (REMOTE_REF.test(path)) return;
  const isDirectory2 = await stat6(path).then(
    (s) => s.isDirectory(),
    () => false
  );
  if (isDirectory2 || isDatasetPattern(path)) {
    if ((await listLocalDataset(path)).parts.length > 0) return;
    const location = loaded.doc.locate(field);
    throw new ConfigError(
      `${location.file}:${location.line}:${location.column}: ${field.join(".")} "${value}": names no parts; expected a vectors file, or a directory or glob of parts, inside the workspace`,
      location
    );
  }
  await requireRegularFile(loaded.doc, field, value, path, "a vectors file inside the workspace");
}
async function requireIdsFile(loaded, field, value, ref) {
  if (value !== void 0 && ref.open.idsPath)
    await requireRegularFile(
      loaded.doc,
      field,
      value,
      ref.open.idsPath,
      "a text file of ids, one per line, inside the workspace"
    );
}
function checkRegistryPaths(loaded, workspace) {
  for (const [name2, emb] of Object.entries(loaded.registry?.embeddings ?? {}))
    for (const [version, v] of Object.entries(emb.versions))
      for (const role of ["manifest", "vectors", "ids"]) {
        const f = v[role];
        if (f)
          resolveInWorkspace(
            loaded.doc,
            ["embeddings", name2, "versions", version, role, "path"],
            f.path,
            workspace
          );
      }
}
async function resolveSuites(request2, candidate, baseline) {
  const { cwd, workspace } = request2;
  const manifest = candidate.manifest;
  const files = /* @__PURE__ */ new Map();
  for (const file of await discoverSuites(request2.suites ?? [], cwd))
    files.set(resolve7(cwd, file), { display: file });
  for (const [index, entry] of (manifest.suites ?? []).entries()) {
    const field = ["suites", index, "path"];
    const path = resolveInWorkspace(candidate.doc, field, entry.path, workspace);
    await requireRegularFile(
      candidate.doc,
      field,
      entry.path,
      path,
      "a benchmark suite (YAML or JSON) inside the workspace"
    );
    files.set(path, {
      display: relative8(cwd, path) || path,
      ...entry.results && { recorded: entry.results }
    });
  }
  const versions = [manifest.version, ...baseline?.manifest ? [baseline.manifest.version] : []];
  const suites = [];
  for (const { display, recorded } of [...files.values()].sort(
    (a, b) => a.display.localeCompare(b.display)
  )) {
    const loaded = await loadSuite(display, cwd, { limits: request2.configLimits, workspace });
    const suite = loaded.suite;
    if (!suite) {
      suites.push({ loaded, display, ...recorded && { recorded }, versions: /* @__PURE__ */ new Map() });
      continue;
    }
    const qrelsPath = resolveInWorkspace(loaded.doc, ["qrels"], suite.qrels, workspace);
    await requireRegularFile(
      loaded.doc,
      ["qrels"],
      suite.qrels,
      qrelsPath,
      "a qrels file (TREC or BEIR TSV) inside the workspace"
    );
    let qrels;
    try {
      qrels = await readQrelsFile(qrelsPath, suite.qrels_format ?? "auto", workspace);
    } catch (err) {
      if (!(err instanceof BenchParseError)) throw err;
      qrels = err;
    }
    const refs = /* @__PURE__ */ new Map();
    for (const version of versions) {
      const entry = suite.versions[version];
      if (!entry) continue;
      const field = ["versions", version];
      const allowRemote = request2.allowRemote === true;
      const queries = resolveSuiteVectors(
        loaded,
        [...field, "queries"],
        entry.queries,
        workspace,
        cwd,
        allowRemote
      );
      await requireVectorsFiles(loaded, [...field, "queries", "path"], entry.queries.path, queries);
      await requireIdsFile(loaded, [...field, "queries", "ids"], entry.queries.ids, queries);
      const corpus = entry.corpus && resolveSuiteVectors(
        loaded,
        [...field, "corpus"],
        entry.corpus,
        workspace,
        cwd,
        allowRemote
      );
      if (corpus)
        await requireVectorsFiles(loaded, [...field, "corpus", "path"], entry.corpus.path, corpus);
      if (corpus)
        await requireIdsFile(loaded, [...field, "corpus", "ids"], entry.corpus.ids, corpus);
      refs.set(version, { queries, ...corpus && { corpus } });
    }
    suites.push({ loaded, display, ...recorded && { recorded }, qrels, versions: refs });
  }
  return suites;
}
async function checkStagingFiles(candidate, contracts, workspace) {
  const manifest = candidate.manifest;
  const need = async (doc, field, value, what) => {
    if (value === void 0) return;
    const path = resolveInWorkspace(doc, field, value, workspace);
    await requireRegularFile(doc, field, value, path, what);
  };
  for (const c of contracts) {
    const staging = c.contract?.embedding === manifest.name ? c.contract.staging : void 0;
    if (!staging) continue;
    await need(
      c.doc,
      ["staging", "model"],
      staging.model,
      "an ONNX model file inside the workspace"
    );
    await need(
      c.doc,
      ["staging", "labels"],
      staging.labels,
      "a labels file (CSV or TSV) inside the workspace"
    );
  }
  const probes = [];
  if (manifest.probe) probes.push({ field: ["probe"], decl: manifest.probe });
  for (const [modality, encoder] of Object.entries(manifest.encoders ?? {}))
    if (encoder.probe) probes.push({ field: ["encoders", modality, "probe"], decl: encoder.probe });
  for (const { field, decl } of probes) {
    await need(
      candidate.doc,
      [...field, "model"],
      decl.model,
      "an ONNX model file inside the workspace"
    );
    await need(
      candidate.doc,
      [...field, "set"],
      decl.set,
      "a probe set (Arrow or Parquet) inside the workspace"
    );
    await need(
      candidate.doc,
      [...field, "vectors", "path"],
      decl.vectors?.path,
      "a vectors file inside the workspace"
    );
    await need(
      candidate.doc,
      [...field, "vectors", "ids"],
      decl.vectors?.ids,
      "a text file of ids inside the workspace"
    );
  }
}

// src/gate/run.ts
async function runGate(request2, deps) {
  const plan = await observeStep(
    deps.observer,
    "plan",
    () => resolvePlan(request2),
    (p) => ({
      candidate: p.candidate.loaded.doc.file,
      baseline: p.baseline?.loaded.doc.file,
      contracts: p.contracts.length,
      suites: p.suites.length,
      registry: p.registry ? "yes" : void 0,
      waivers: p.waivers ? "yes" : void 0,
      workspace: request2.workspace
    })
  );
  return executePlan(plan, deps);
}
function scanFacts(side, v) {
  if (!v) return { [side]: "unreadable or absent" };
  const key = (fact) => side + "." + fact;
  return {
    [key("file")]: v.file,
    [key("format")]: v.format,
    [key("rows")]: v.rows,
    [key("dims")]: v.dims,
    [key("bytes")]: v.bytes
  };
}
async function executePlan(plan, givenDeps) {
  const { request: request2, candidate, baseline, contracts } = plan;
  const runtime = trackRuntime(givenDeps.ort);
  const deps = { ...givenDeps, ort: runtime.ort };
  const findings = [
    ...candidate.loaded.findings,
    ...baseline?.loaded.findings ?? [],
    ...contracts.flatMap((c) => c.findings)
  ];
  findings.push(
    ...checkPlaceholders([candidate.loaded, ...baseline ? [baseline.loaded] : []], contracts)
  );
  const o = deps.observer;
  const sample = sampleToKeep(plan, deps);
  const scans = await observeStep(
    o,
    "scan",
    () => scanStep(plan, deps, findings, sample),
    (s) => ({
      ...scanFacts("candidate", s.candidate?.summary),
      ...plan.baseline ? scanFacts("baseline", s.baseline?.summary) : {}
    })
  );
  const ids = idsStep(plan, scans);
  const consumers = await observeStep(
    o,
    "consumers",
    () => consumersStep(plan, scans.candidate?.summary, findings, ids?.coverage),
    (c) => ({ consumers: c.length, satisfied: c.filter((x) => x.satisfied).length })
  );
  const readableBaseline = scans.baseline ? baseline : void 0;
  const bench = scans.candidate ? await observeStep(
    o,
    "benchmarks",
    () => benchmarkStep(plan, deps, readableBaseline),
    (b) => ({ suites: plan.suites.length, rows: b?.rows.length ?? 0 })
  ) : void 0;
  if (bench) findings.push(...bench.findings);
  const staging = scans.candidate ? await observeStep(
    o,
    "staging",
    () => stagingStep(stagingInput(plan, deps, readableBaseline)),
    (s) => ({ findings: s?.findings.length ?? 0 })
  ) : void 0;
  if (staging) findings.push(...staging.findings);
  const compared = await observeStep(
    o,
    "baseline",
    () => baselineStep(plan, ids, findings),
    (c) => ({ changes: c.changes?.length, missing: c.coverage?.missing })
  );
  const versioning = await observeStep(
    o,
    "versioning",
    () => runVersioning({
      workspace: request2.workspace,
      cwd: request2.cwd,
      registry: plan.registry,
      pointers: plan.pointers,
      compatibility: request2.compatibility,
      candidate: scannedVersion(candidate, scans.candidate),
      baseline: baseline && scannedVersion(baseline, scans.baseline),
      contracts,
      now: (deps.now ?? (() => /* @__PURE__ */ new Date()))(),
      open: deps.openVectors,
      openSource: deps.openSource,
      ort: runtime.ort,
      ...(deps.compatibilitySample || sample) && {
        readSample: deps.compatibilitySample ?? sampleReader(plan, scans, deps)
      },
      suites: bench?.suites,
      ...plan.baselineChannel && { channel: plan.baselineChannel.channel }
    }),
    (v) => ({ requiredBump: v.requiredBump?.level, findings: v.findings.length })
  );
  findings.push(...versioning.findings);
  const onnxRuntime = runtime.record() ?? givenDeps.shardsRuntime;
  findings.push(...runtimeFindings(onnxRuntime));
  o?.stepStarted("judge", { findings: findings.length });
  const judged = judgeFindings(findings, {
    waivers: plan.waivers,
    override: request2.override,
    failOn: request2.failOn,
    now: deps.now ?? (() => /* @__PURE__ */ new Date()),
    pendingConsumers: pendingConsumers(contracts),
    paths: { workspace: request2.workspace, cwd: request2.cwd }
  });
  const sorted = sortFindings(judged.findings);
  const report2 = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: "embedding-gate", version: deps.toolVersion },
    verdict: decideVerdict(sorted, request2.failOn),
    failOn: request2.failOn,
    candidate: {
      ...versionInfo(candidate.loaded, scans.candidate?.summary),
      ...versioning.candidateManifestSha256 ? { manifestSha256: versioning.candidateManifestSha256 } : {}
    },
    ...baseline ? { baseline: versionInfo(baseline.loaded, scans.baseline?.summary) } : {},
    consumers,
    ...compared.changes ? { changes: compared.changes } : {},
    ...compared.coverage ? { coverage: compared.coverage } : {},
    ...bench?.rows.length ? { benchmarks: bench.rows } : {},
    ...bench?.suites.length ? { suites: bench.suites } : {},
    ...staging ? { staging: staging.report } : {},
    ...versioning.requiredBump ? { requiredBump: versioning.requiredBump } : {},
    ...versioning.compatibility ? { compatibility: versioning.compatibility } : {},
    ...versioning.pins ? { pins: versioning.pins } : {},
    ...versioning.lineage ? { lineage: versioning.lineage } : {},
    findings: sorted,
    counts: countFindings(sorted),
    ...judged.override ? { override: judged.override } : {},
    ...onnxRuntime ? { onnxRuntime } : {}
  };
  o?.stepFinished("judge", {
    verdict: report2.verdict,
    errors: report2.counts.error,
    warnings: report2.counts.warning,
    info: report2.counts.info
  });
  return { report: report2, runs: bench?.runs ?? [] };
}
function versionInfo(loaded, vectors) {
  const m = loaded.manifest;
  if (!m) return { manifest: loaded.doc.file };
  return {
    manifest: loaded.doc.file,
    name: m.name,
    version: m.version,
    tag: m.tag,
    model: `${m.model.name}@${m.model.revision}`,
    dims: m.dims,
    dtype: m.dtype,
    normalization: m.normalization,
    metric: m.metric,
    ...vectors ? { vectors } : {},
    created: m.created,
    dataset: m.inputs.dataset,
    ...m.preprocessing ? { preprocessing: m.preprocessing } : {},
    ...m.parameters ? { parameters: m.parameters } : {}
  };
}
function sampleToKeep(plan, deps) {
  if (deps.compatibilitySample || !deps.openVectors) return void 0;
  const compat = effectiveCompatibility(plan.registry, plan.request.compatibility);
  return {
    seed: compat.seed,
    keep: keepFor(Math.min(Math.max(compat.sampleSize, 1), MAX_SAMPLE), 1)
  };
}
function sampleReader(plan, scans, deps) {
  const byPath = /* @__PURE__ */ new Map();
  for (const side of ["candidate", "baseline"]) {
    const path = plan[side]?.vectors?.path;
    if (path) byPath.set(path, [scans[side]?.sample]);
  }
  return candidatesReader(byPath, readWhole(deps.openVectors));
}

// src/report/format.ts
function cell(s) {
  return s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\n/g, " ");
}
function pad(s, width) {
  return s.length >= width ? s : s + " ".repeat(width - s.length);
}
function truncate(s, max) {
  if (max === void 0 || s.length <= max) return s;
  return s.slice(0, Math.max(0, max - 1)) + "\u2026";
}

// src/report/describe.ts
function versionLabel(v) {
  if (!v.version) return v.manifest;
  return `${v.name} ${v.version}${v.tag ? ` (${v.tag})` : ""}`;
}
function shapeLabel(s) {
  return `${s.dtype} \xD7 ${s.dims}, ${count(s.rows)} rows, ${s.format}`;
}
function normsLabel(s) {
  const n = s.norms;
  if (!n) return "";
  const [min, p1, mean2, p99, max] = [n.min, n.p1, n.mean, n.p99, n.max].map(statistic);
  return `\u2016v\u2016 min ${min}, p1 ${p1}, mean ${mean2}, p99 ${p99}, max ${max}`;
}
function runtimeLabel(r) {
  const backend = r.backend === "native" ? "native" : "WebAssembly";
  const source = r.source === "wasm-fallback" ? `fallback: ${r.reason ?? "no native runtime could be had"}` : r.source === "forced" ? "chosen by EMBEDDING_GATE_ONNXRUNTIME=wasm" : r.source === "dir" ? "from EMBEDDING_GATE_ONNXRUNTIME_DIR" : r.source === "download" ? "downloaded by this run" : r.source === "cache" ? "from the tool cache" : "installed";
  return `${backend} (${r.package} ${r.version}, ${source})`;
}
function countsLabel(report2) {
  return `${plural(report2.counts.error, "error")}, ${plural(report2.counts.warning, "warning")}, ${plural(report2.counts.info, "note")}`;
}
function verdictSentence(report2) {
  const what = report2.verdict === "pass" ? "PASS \u2014 may be promoted" : "BLOCKED \u2014 must not be promoted";
  const suffix = report2.failOn === "never" ? "; fail-on never: reported only" : `; fail-on ${report2.failOn}`;
  return `${what} (${countsLabel(report2)}${suffix})`;
}
function whereLabel(f) {
  return formatLocation(f.location) || "-";
}
function duration(ms) {
  const s = Math.max(1, Math.ceil(ms / 1e3));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}
function progressText(p, sinceMs) {
  const parts = [
    `${count(p.done)}${p.total !== void 0 ? ` / ${count(p.total)}` : ""} ${p.unit}`
  ];
  const rate = sinceMs > 0 ? p.done * 1e3 / sinceMs : 0;
  if (rate > 0) {
    parts.push(`${count(Math.round(rate))} ${p.unit}/s`);
    if (p.total !== void 0 && p.total > p.done)
      parts.push(`ETA ${duration((p.total - p.done) * 1e3 / rate)}`);
  }
  return parts.join(" \xB7 ");
}

// src/report/html-svg.ts
var PALETTE = {
  candidate: "#0072B2",
  baseline: "#E69F00",
  threshold: "#D55E00",
  band: "#56B4E9",
  good: "#009E73",
  ink: "#000000",
  grid: "#d0d0d0"
};
var W = 560;
var H = 300;
var M = { left: 58, right: 18, top: 14, bottom: 44 };
function esc(s) {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]
  );
}
function tick(v, step) {
  const digits = Math.max(1, Math.ceil(Math.log10(Math.abs(v) / step || 1)) + 2);
  return String(Number(v.toPrecision(Math.min(15, Math.max(4, digits))))).replace(/^-0$/, "0");
}
var stepOf = (ticks) => ticks.length > 1 ? ticks[1] - ticks[0] : 1;
function niceTicks(min, max) {
  if (!(max > min)) return [min];
  const raw = (max - min) / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => (max - min) / s <= 7);
  const out = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step)
    out.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  return out;
}
function domain(values, label2, pad2 = 0.04) {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) return { min: 0, max: 1, label: label2 };
  if (min === max) return { min: min - 0.5, max: max + 0.5, label: label2 };
  const p = (max - min) * pad2;
  return { min: min - p, max: max + p, label: label2 };
}
function frame(x, y) {
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const sx = (v) => M.left + (v - x.min) / (x.max - x.min) * pw;
  const sy = (v) => M.top + ph - (v - y.min) / (y.max - y.min) * ph;
  const parts = [];
  const xt = niceTicks(x.min, x.max);
  const yt = niceTicks(y.min, y.max);
  for (const t of xt) {
    const px = sx(t).toFixed(1);
    parts.push(
      `<line x1="${px}" x2="${px}" y1="${M.top}" y2="${M.top + ph}" stroke="${PALETTE.grid}" stroke-width="0.5"/>`,
      `<text x="${px}" y="${M.top + ph + 14}" text-anchor="middle">${tick(t, stepOf(xt))}</text>`
    );
  }
  for (const t of yt) {
    const py = sy(t).toFixed(1);
    parts.push(
      `<line x1="${M.left}" x2="${M.left + pw}" y1="${py}" y2="${py}" stroke="${PALETTE.grid}" stroke-width="0.5"/>`,
      `<text x="${M.left - 5}" y="${py}" dy="0.32em" text-anchor="end">${tick(t, stepOf(yt))}</text>`
    );
  }
  parts.push(
    `<rect x="${M.left}" y="${M.top}" width="${pw}" height="${ph}" fill="none" stroke="#888"/>`,
    `<text x="${M.left + pw / 2}" y="${H - 6}" text-anchor="middle">${esc(x.label)}</text>`,
    `<text transform="translate(13 ${M.top + ph / 2}) rotate(-90)" text-anchor="middle">${esc(y.label)}</text>`
  );
  return { sx, sy, body: parts.join("") };
}
function svg(id, title, body2, extra = "") {
  return `<svg id="${esc(id)}" class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="${esc(id)}-t"${extra}><title id="${esc(id)}-t">${esc(title)}</title>${body2}</svg>`;
}
function markers(f, ms, y0, y1) {
  return ms.map((m, i) => {
    const a = f.sx(m.at);
    const right = a > M.left + (W - M.left - M.right) * 2 / 3;
    const label2 = `<text x="${(right ? a - 3 : a + 3).toFixed(1)}" y="${(y0 + 11 + i * 12).toFixed(1)}"${right ? ' text-anchor="end"' : ""} fill="${m.color}" class="mk">${esc(m.label)}</text>`;
    if (m.to !== void 0) {
      const b = f.sx(m.to);
      return `<rect class="band" x="${Math.min(a, b).toFixed(1)}" y="${y0}" width="${Math.abs(b - a).toFixed(1)}" height="${y1 - y0}" fill="${m.color}" fill-opacity="0.25"/>${label2}`;
    }
    return `<line class="marker" x1="${a.toFixed(1)}" x2="${a.toFixed(1)}" y1="${y0}" y2="${y1}" stroke="${m.color}" stroke-width="2"${m.dashed ? ' stroke-dasharray="5 3"' : ""}/>${label2}`;
  }).join("");
}
function scatterSvg(opts) {
  const f = frame(opts.x, opts.y);
  const lo = Math.max(opts.x.min, opts.y.min);
  const hi = Math.min(opts.x.max, opts.y.max);
  const diag = hi > lo ? `<line x1="${f.sx(lo).toFixed(1)}" y1="${f.sy(lo).toFixed(1)}" x2="${f.sx(hi).toFixed(1)}" y2="${f.sy(hi).toFixed(1)}" stroke="${PALETTE.ink}" stroke-dasharray="4 3"/>` : "";
  const sides = [
    { name: "candidate better", color: PALETTE.good, d: [] },
    { name: "unchanged", color: "#555555", d: [] },
    { name: "candidate worse", color: PALETTE.threshold, d: [] }
  ];
  for (let i = 0; i < opts.xs.length; i++) {
    const x = opts.xs[i];
    const y = opts.ys[i];
    sides[y > x ? 0 : y === x ? 1 : 2].d.push(`M${f.sx(x).toFixed(1)} ${f.sy(y).toFixed(1)}h0`);
  }
  const paths = sides.map(
    (s, k) => `<path class="points" data-points="${s.d.length}" d="${s.d.join("")}" stroke="${s.color}"/><text x="${M.left + 8}" y="${M.top + 14 + k * 14}" fill="${s.color}" class="legend">\u25CF ${s.name} (${s.d.length})</text>`
  ).join("");
  return svg(
    opts.id,
    opts.title,
    `${f.body}${diag}<g stroke-opacity="0.5" stroke-width="4.5" stroke-linecap="round" fill="none">${paths}</g>`,
    ` data-points="${opts.xs.length}"`
  );
}
function bin(values, bins, min, max) {
  const width = (max - min) / bins || 1;
  const out = Array.from({ length: bins }, (_, i) => ({
    lo: min + i * width,
    hi: min + (i + 1) * width,
    count: 0
  }));
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    out[Math.max(0, Math.min(bins - 1, Math.floor((v - min) / width)))].count++;
  }
  return out;
}
function histogramSvg(opts) {
  const top = Math.max(1, ...opts.bins.map((b) => b.count));
  const f = frame(opts.x, { min: 0, max: top * 1.1, label: opts.yLabel });
  const bars = opts.bins.map((b) => {
    const x0 = f.sx(b.lo);
    const x1 = f.sx(b.hi);
    const y = f.sy(b.count);
    return `<rect x="${x0.toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(0.5, x1 - x0 - 1).toFixed(1)}" height="${(f.sy(0) - y).toFixed(1)}"/>`;
  }).join("");
  return svg(
    opts.id,
    opts.title,
    `${f.body}<g class="bars" fill="${PALETTE.candidate}">${bars}</g>${markers(f, opts.markers ?? [], M.top, H - M.bottom)}`,
    ` data-bins="${opts.bins.length}"`
  );
}
function linesSvg(opts) {
  const f = frame(opts.x, opts.y);
  const paths = opts.series.map((s, k) => {
    const d = s.xs.map((x, i) => `${i ? "L" : "M"}${f.sx(x).toFixed(1)} ${f.sy(s.ys[i]).toFixed(1)}`).join("");
    const legend = `<text x="${M.left + 8}" y="${M.top + 14 + k * 14}" fill="${s.color}" class="legend">${k ? "- - " : "\u2014\u2014 "}${esc(s.name)}</text>`;
    return `<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2"${k ? ' stroke-dasharray="6 3"' : ""}/>${legend}`;
  }).join("");
  return svg(
    opts.id,
    opts.title,
    `${f.body}${markers(f, opts.markers ?? [], M.top + 30, H - M.bottom)}<g class="series" data-series="${opts.series.length}">${paths}</g>`
  );
}
function dotsSvg(opts) {
  const rowH = 34;
  const h = M.top + M.bottom + rowH * opts.rows.length;
  const left = 170;
  const pw = W - left - M.right;
  const sx = (v) => left + (v - opts.x.min) / (opts.x.max - opts.x.min) * pw;
  const parts = [];
  const xt = niceTicks(opts.x.min, opts.x.max);
  for (const t of xt)
    parts.push(
      `<line x1="${sx(t).toFixed(1)}" x2="${sx(t).toFixed(1)}" y1="${M.top}" y2="${h - M.bottom}" stroke="${PALETTE.grid}" stroke-width="0.5"/>`,
      `<text x="${sx(t).toFixed(1)}" y="${h - M.bottom + 14}" text-anchor="middle">${tick(t, stepOf(xt))}</text>`
    );
  parts.push(
    `<text x="${left + pw / 2}" y="${h - 6}" text-anchor="middle">${esc(opts.x.label)}</text>`
  );
  opts.rows.forEach((r, i) => {
    const cy = M.top + rowH * i + rowH / 2;
    parts.push(
      `<text x="${left - 8}" y="${cy}" dy="0.32em" text-anchor="end">${esc(r.label)}</text>`
    );
    if (r.low !== void 0 && r.high !== void 0)
      parts.push(
        `<line x1="${sx(r.low).toFixed(1)}" x2="${sx(r.high).toFixed(1)}" y1="${cy}" y2="${cy}" stroke="${PALETTE.candidate}" stroke-width="2"/>`
      );
    if (r.threshold !== void 0)
      parts.push(
        `<line class="threshold" x1="${sx(r.threshold).toFixed(1)}" x2="${sx(r.threshold).toFixed(1)}" y1="${cy - 11}" y2="${cy + 11}" stroke="${PALETTE.threshold}" stroke-width="3"/>`
      );
    parts.push(
      `<circle class="dot" cx="${sx(r.value).toFixed(1)}" cy="${cy}" r="5" fill="${PALETTE.candidate}"/>`
    );
  });
  for (const m of opts.markers ?? [])
    parts.push(
      `<line class="marker" x1="${sx(m.at).toFixed(1)}" x2="${sx(m.at).toFixed(1)}" y1="${M.top}" y2="${h - M.bottom}" stroke="${m.color}" stroke-width="2" stroke-dasharray="5 3"/>`
    );
  return `<svg id="${esc(opts.id)}" class="chart" viewBox="0 0 ${W} ${h}" width="${W}" height="${h}" role="img" aria-labelledby="${esc(opts.id)}-t" data-points="${opts.rows.length}"><title id="${esc(opts.id)}-t">${esc(opts.title)}</title>${parts.join("")}</svg>`;
}

// src/report/html-sections.ts
function table(caption, head, rows) {
  return `<table><caption>${esc(caption)}</caption><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join("")}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("")}</tbody></table>`;
}
function figure(chart, tables) {
  return `<div class="figure"><div class="plot">${chart}</div><div class="numbers">${tables}</div></div>`;
}
var GRID = Array.from({ length: 21 }, (_, i) => i / 20);
function normsSection(report2) {
  const versions = [
    {
      name: `candidate ${report2.candidate.version ?? ""}`.trim(),
      v: report2.candidate,
      color: PALETTE.candidate
    },
    ...report2.baseline ? [
      {
        name: `baseline ${report2.baseline.version ?? ""}`.trim(),
        v: report2.baseline,
        color: PALETTE.baseline
      }
    ] : []
  ].filter((s) => s.v.vectors?.norms);
  if (!versions.length) return "";
  const series = versions.filter((s) => s.v.vectors.norms.quantiles?.length === GRID.length).map((s) => ({ name: s.name, xs: s.v.vectors.norms.quantiles, ys: GRID, color: s.color }));
  const chart = series.length ? linesSvg({
    id: "norms-cdf",
    title: "Cumulative distribution of vector norms, candidate and baseline",
    series,
    x: domain(
      series.flatMap((s) => s.xs),
      "vector norm"
    ),
    y: { min: 0, max: 1, label: "share of rows at or below" }
  }) : "<p>The report carries no norm quantiles (made by an older version); the summary is in the table.</p>";
  const stats = table(
    "Vector norms",
    ["version", "rows", "min", "p1", "mean", "p99", "max"],
    versions.map((s) => {
      const n = s.v.vectors.norms;
      return [
        esc(s.name),
        count(s.v.vectors.rows),
        statistic(n.min),
        statistic(n.p1),
        statistic(n.mean),
        statistic(n.p99),
        statistic(n.max)
      ];
    })
  );
  const quant = series.length ? `<details><summary>Quantiles</summary>${table(
    "Norm quantiles",
    ["q", ...series.map((s) => s.name)],
    GRID.map((q, i) => [percent(q), ...series.map((s) => statistic(s.xs[i]))])
  )}</details>` : "";
  return `<section id="norms" aria-labelledby="norms-h"><h2 id="norms-h">Vector norms</h2>${figure(chart, stats + quant)}</section>`;
}
function compatibilitySection(report2) {
  const c = report2.compatibility;
  if (!c) return "";
  const t = c.thresholds;
  let cosine = "";
  const q = c.sameIdCosine?.quantiles;
  if (c.sameIdCosine && q?.length === GRID.length) {
    cosine = figure(
      linesSvg({
        id: "compat-cosine",
        title: "Cumulative distribution of the same-id cosine (each id\u2019s old vector against its new one), thresholds marked",
        series: [{ name: "same-id cosine", xs: q, ys: GRID, color: PALETTE.candidate }],
        x: domain([...q, t.sameIdMean, t.sameIdP5], "cosine of an id\u2019s old and new vector"),
        y: { min: 0, max: 1, label: "share of sampled ids at or below" },
        markers: [
          {
            at: t.sameIdP5,
            label: `p5 threshold ${score(t.sameIdP5)}`,
            color: PALETTE.threshold,
            dashed: true
          },
          {
            at: t.sameIdMean,
            label: `mean threshold ${score(t.sameIdMean)}`,
            color: PALETTE.baseline,
            dashed: true
          }
        ]
      }),
      table(
        "Same-id cosine",
        ["measure", "value", "needed to mix"],
        [
          ["mean", score(c.sameIdCosine.mean), `\u2265 ${score(t.sameIdMean)}`],
          ["p5", score(c.sameIdCosine.p5), `\u2265 ${score(t.sameIdP5)}`],
          ["median", score(c.sameIdCosine.median), MISSING],
          ["min", score(c.sameIdCosine.min), MISSING]
        ]
      )
    );
  }
  const rows = [];
  const sr = c.selfRetrieval;
  if (sr) {
    const need = sr.oldOnOld.recall1 * t.selfRecallRatio;
    rows.push(
      {
        label: "self recall@1 new\u2192old",
        value: sr.newToOld.recall1,
        threshold: need,
        need: `\u2265 ${score(need)}`
      },
      {
        label: "self recall@1 old\u2192new",
        value: sr.oldToNew.recall1,
        threshold: need,
        need: `\u2265 ${score(need)}`
      },
      {
        label: "nearer than neighbour",
        value: sr.nearerThanNeighbour,
        threshold: t.nearerThanNeighbour,
        need: `\u2265 ${score(t.nearerThanNeighbour)}`
      },
      { label: "mixed-index overlap", value: sr.mixedOverlap, need: MISSING }
    );
  }
  rows.push(
    {
      label: `kNN overlap@${c.k}`,
      value: c.knnOverlap,
      threshold: t.knnOverlap,
      need: `\u2265 ${score(t.knnOverlap)}`
    },
    { label: "CKA (linear)", value: c.cka, threshold: t.cka, need: `\u2265 ${score(t.cka)}` },
    { label: "CKA (debiased)", value: c.ckaDebiased, need: MISSING }
  );
  const measures = figure(
    dotsSvg({
      id: "compat-measures",
      title: "Compatibility measures (dots) against their thresholds (red ticks)",
      rows,
      x: { min: Math.min(0, ...rows.map((r) => r.value)), max: 1, label: "value" }
    }),
    table(
      "Compatibility measures",
      ["measure", "value", "threshold"],
      rows.map((r) => [esc(r.label), score(r.value), r.need])
    )
  );
  return `<section id="compatibility" aria-labelledby="compat-h"><h2 id="compat-h">Compatibility</h2><p><strong>${c.verdict === "mixable" ? "Mixable" : "Re-index"}</strong>: ${esc(c.summary)} (${count(c.shared)} shared ids, sample of ${count(c.rows)}, seed ${c.seed}).</p>${cosine}${measures}</section>`;
}
function stagingSection(report2) {
  const st = report2.staging;
  if (!st || !st.consumers.length && !st.probes.length) return "";
  const parts = [];
  const withDelta = st.consumers.filter((c) => c.delta !== void 0);
  if (withDelta.length) {
    const rows = withDelta.map((c) => ({
      label: `${c.consumer} ${c.metric}`,
      value: c.delta,
      ...c.ci && { low: c.ci.low, high: c.ci.high }
    }));
    const drops = [
      ...new Set(withDelta.flatMap((c) => c.maxDrop !== void 0 ? [c.maxDrop] : []))
    ];
    parts.push(
      figure(
        dotsSvg({
          id: "staging-deltas",
          title: "Consumer models: candidate \u2212 baseline with confidence intervals; dashed lines at -max_drop",
          rows,
          x: domain(
            [
              ...rows.flatMap((r) => [r.value, r.low ?? r.value, r.high ?? r.value]),
              0,
              ...drops.map((d) => -d)
            ],
            "\u0394 metric (candidate \u2212 baseline)"
          ),
          markers: drops.map((d) => ({ at: -d, label: "-max_drop", color: PALETTE.threshold }))
        }),
        ""
      )
    );
  }
  if (st.consumers.length)
    parts.push(
      table(
        "Consumer models",
        [
          "consumer",
          "model",
          "metric",
          "outcome",
          "baseline",
          "candidate",
          "\u0394",
          "CI",
          "max_drop",
          "p"
        ],
        st.consumers.map((c) => [
          esc(c.consumer),
          esc(c.model),
          esc(c.metric),
          `<span class="st st-${c.outcome}">${c.outcome}</span>`,
          score(c.baseline),
          score(c.candidate),
          signed(c.delta),
          c.ci ? interval(c.ci) : MISSING,
          score(c.maxDrop),
          pValue(c.p)
        ])
      )
    );
  for (const p of st.probes)
    parts.push(
      `<h3>Probe: ${esc(p.modality)} (${esc(p.model)})</h3><p><span class="st st-${p.outcome}">${p.outcome}</span> \u2014 ${count(p.compared)} compared, ${count(p.exceeding)} over the tolerance ${sci(p.tolerance)}, max 1 \u2212 cos ${sci(p.maxDeviation)}.</p>` + (p.worst?.length ? table(
        `Probe ${p.modality}: worst ids`,
        ["id", "1 \u2212 cos", "over tolerance"],
        p.worst.map((w) => [
          esc(w.id),
          sci(w.deviation),
          w.deviation > p.tolerance ? "yes" : "no"
        ])
      ) : "")
    );
  return `<section id="staging" aria-labelledby="staging-h"><h2 id="staging-h">Staging</h2>${parts.join("")}</section>`;
}

// src/report/html-benchmarks.ts
var slug = (s) => s.replace(/[^A-Za-z0-9_-]+/g, "-");
function benchmarksSection(report2) {
  const suites = report2.suites ?? [];
  if (!suites.length) return "";
  const parts = suites.map((s) => suiteBlock(report2, s));
  return `<section id="benchmarks" aria-labelledby="benchmarks-h"><h2 id="benchmarks-h">Benchmarks</h2>${parts.join("")}</section>`;
}
function suiteBlock(report2, s) {
  const head = `<h3>${esc(s.suite)}</h3><p>${count(s.queries)} judged queries, k = ${s.k}, seed ${s.seed}; candidate ${esc(s.candidate.version)}${s.baseline ? `, baseline ${esc(s.baseline.version)}` : ""}.</p>`;
  const scores = table(
    `${s.suite}: mean scores`,
    ["metric", "baseline", "candidate", "\u0394"],
    s.scores.map((r) => [esc(r.metric), score(r.baseline), score(r.candidate), signed(r.delta)])
  );
  const metrics = s.perQuery ? s.perQuery.metrics.map((m) => metricBlock(report2, s, m)) : (
    // A report from before per-query scores: no plots, but the most regressed queries it kept.
    s.regressions.map(
      (g) => table(
        `${g.metric} (${g.consumer}): queries that lost most`,
        ["query", "baseline", "candidate", "\u0394"],
        g.worst.map((w) => [esc(w.qid), score(w.baseline), score(w.candidate), signed(w.delta)])
      )
    )
  );
  return `<div class="suite">${head}${scores}${metrics.join("")}</div>`;
}
function metricBlock(report2, s, m) {
  const qids = s.perQuery.qids;
  const id = `q-${slug(s.suite)}-${slug(m.metric)}`;
  const h = `<h4>${esc(m.metric)}</h4>`;
  if (!m.baseline) {
    const bins2 = bin(m.candidate, 20, 0, Math.max(1, ...m.candidate));
    return h + figure(
      histogramSvg({
        id: `${id}-dist`,
        title: `${m.metric} per query, candidate (no baseline to compare with)`,
        bins: bins2,
        x: { min: 0, max: Math.max(1, ...m.candidate), label: `${m.metric} per query` },
        yLabel: "queries"
      }),
      binsTable(`${m.metric} per query, candidate`, bins2)
    );
  }
  const base = m.baseline;
  const deltas = m.candidate.map((c, i) => c - base[i]);
  const floors = (report2.benchmarks ?? []).filter(
    (b) => b.suite === s.suite && b.metric === m.metric
  );
  const marks = [];
  const first = floors[0];
  if (first?.ci)
    marks.push({
      at: first.ci.low,
      to: first.ci.high,
      label: `${Math.round(first.ci.level * 100)}% CI of mean \u0394`,
      color: PALETTE.band
    });
  if (first)
    marks.push({ at: first.delta, label: `mean \u0394 ${signed(first.delta)}`, color: PALETTE.ink });
  for (const f of floors) {
    if (f.maxDrop === void 0) continue;
    const who = f.consumer ? ` (${f.consumer})` : "";
    marks.push({
      at: -f.maxDrop,
      label: `-max_drop${who}`,
      color: PALETTE.threshold,
      dashed: true
    });
    if (f.mde !== void 0)
      marks.push({
        at: -(f.maxDrop + f.mde),
        label: `detectable drop${who}`,
        color: PALETTE.baseline,
        dashed: true
      });
  }
  const x = domain(
    [...deltas, ...marks.flatMap((k) => [k.at, k.to ?? k.at])],
    "\u0394 per query (candidate \u2212 baseline)"
  );
  const bins = bin(deltas, 40, x.min, x.max);
  const both = domain([...base, ...m.candidate], "");
  const scatter = scatterSvg({
    id: `${id}-scatter`,
    title: `${m.metric} per query: baseline (x) against candidate (y), ${count(qids.length)} queries; above the diagonal the candidate scores higher`,
    xs: base,
    ys: m.candidate,
    x: { ...both, label: `baseline ${m.metric}` },
    y: { ...both, label: `candidate ${m.metric}` }
  });
  const hist = histogramSvg({
    id: `${id}-delta`,
    title: `Distribution of per-query \u0394 ${m.metric}, with the CI, max_drop and the detectable drop marked`,
    bins,
    x,
    yLabel: "queries",
    markers: marks
  });
  const better = deltas.filter((d) => d > 0).length;
  const worse = deltas.filter((d) => d < 0).length;
  const split = table(
    `${m.metric}: queries by direction`,
    ["candidate better", "unchanged", "candidate worse"],
    [[count(better), count(deltas.length - better - worse), count(worse)]]
  );
  const floorTable = floors.length ? table(
    `${m.metric}: floors`,
    [
      "consumer",
      "status",
      "\u0394",
      "CI",
      "min",
      "max_drop",
      "MDE",
      "detectable drop",
      "p",
      "p (Holm)"
    ],
    floors.map((f) => [
      esc(f.consumer ?? MISSING),
      `<span class="st st-${f.status}">${f.status}</span>`,
      signed(f.delta),
      f.ci ? interval(f.ci) : MISSING,
      score(f.min),
      score(f.maxDrop),
      score(f.mde),
      f.maxDrop !== void 0 && f.mde !== void 0 ? signed(-(f.maxDrop + f.mde)) : MISSING,
      pValue(f.p),
      pValue(f.pHolm)
    ])
  ) : "";
  const worst = deltas.map((d, i) => i).filter((i) => deltas[i] < 0).sort((a, b) => deltas[a] - deltas[b] || (qids[a] < qids[b] ? -1 : 1)).slice(0, 10);
  const worstTable = table(
    `${m.metric}: queries that lost most`,
    ["query", "baseline", "candidate", "\u0394"],
    worst.map((i) => [esc(qids[i]), score(base[i]), score(m.candidate[i]), signed(deltas[i])])
  );
  return h + floorTable + figure(scatter, split + worstTable) + figure(
    hist,
    `<details><summary>Histogram bins</summary>${binsTable(`\u0394 ${m.metric} per query`, bins)}</details>`
  );
}
function binsTable(caption, bins) {
  return table(
    caption,
    ["from", "to", "queries"],
    bins.map((b) => [signed(b.lo), signed(b.hi), count(b.count)])
  );
}

// src/report/html.ts
var CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'";
var STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#111;background:#fff}
header,main{max-width:1200px;margin:0 auto;padding:0 20px}
nav a{margin-right:12px}
section{border-top:1px solid #ccc;padding:8px 0 16px}
table{border-collapse:collapse;margin:8px 0;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:2px 0}
th,td{border:1px solid #ccc;padding:2px 8px;text-align:left;vertical-align:top}
.figure{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
.chart{font:11px system-ui,sans-serif;background:#fff;max-width:100%;height:auto}
.chart .mk,.chart .legend{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
.verdict{font-size:22px;font-weight:700;padding:6px 12px;display:inline-block;border:3px solid}
.v-pass{color:#005a3c;border-color:#009E73}.v-fail{color:#8a2c00;border-color:#D55E00}
.st{font-weight:600}.st-pass,.ok{color:#005a3c}.st-fail,.st-error,.bad{color:#8a2c00}.st-inconclusive{color:#7a5200}
.sev-error{color:#8a2c00;font-weight:600}.sev-warning{color:#7a5200;font-weight:600}
.filters{display:flex;flex-wrap:wrap;gap:12px;margin:8px 0}
select{font:inherit;padding:2px 4px}
:focus-visible{outline:3px solid #0072B2;outline-offset:2px}
tr[hidden]{display:none}
`;
var SCRIPT = `
(function(){
  var sel=document.querySelectorAll('#findings select');
  var rows=document.querySelectorAll('#findings tbody tr');
  var out=document.getElementById('findings-shown');
  function apply(){
    var want={};sel.forEach(function(s){want[s.name]=s.value});
    var n=0;
    rows.forEach(function(r){
      var ok=Object.keys(want).every(function(k){return !want[k]||r.dataset[k]===want[k]});
      r.hidden=!ok;if(ok)n++;
    });
    out.textContent=n+' of '+rows.length+' findings shown';
  }
  sel.forEach(function(s){s.addEventListener('change',apply)});
  if(out)apply();
})();
`;
function formatHtml(report2) {
  const title = `embedding-gate: ${report2.candidate.name ?? report2.candidate.manifest} ${report2.candidate.version ?? ""} \u2014 ${report2.verdict}`;
  const sections = [
    verdictSection(report2),
    consumersSection(report2),
    benchmarksSection(report2),
    normsSection(report2),
    compatibilitySection(report2),
    stagingSection(report2),
    bumpSection(report2),
    findingsSection(report2),
    cardSection(report2)
  ].filter(Boolean);
  const nav = [
    ...sections.join("").matchAll(/<section id="([^"]+)" aria-labelledby="[^"]+"><h2 id="[^"]+">([^<]+)<\/h2>/g)
  ].map((m) => `<a href="#${m[1]}">${m[2]}</a>`).join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${CSP}"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title><style>${STYLE}</style></head><body><header><h1>${esc(title)}</h1><nav aria-label="Sections">${nav}</nav></header><main>${sections.join("\n")}</main><script>${SCRIPT}</script></body></html>
`;
}
function verdictSection(report2) {
  const blocking = report2.findings.filter((f) => isBlocking(f, report2.failOn));
  const c = report2.counts;
  const why = blocking.length ? `<p>Blocked by ${plural(blocking.length, "finding")} at or above <code>${report2.failOn}</code>:</p><ul>${blocking.map((f) => `<li><code>${esc(f.id)}</code> ${esc(f.message)}</li>`).join("")}</ul>` : `<p>No finding at or above <code>${report2.failOn}</code> blocks promotion.</p>`;
  const versions = report2.baseline ? `${versionLabel2(report2.baseline)} \u2192 ${versionLabel2(report2.candidate)}` : versionLabel2(report2.candidate);
  return `<section id="verdict" aria-labelledby="verdict-h"><h2 id="verdict-h">Verdict</h2><p><span class="verdict v-${report2.verdict}">${report2.verdict === "pass" ? "PASS" : "BLOCKED"}</span> ${esc(versions)}</p><p>${plural(c.error, "error")}, ${plural(c.warning, "warning")}, ${count(c.info)} info.</p>${why}</section>`;
}
function versionLabel2(v) {
  return [v.name, v.version, v.model && `(${v.model})`].filter(Boolean).join(" ") || v.manifest;
}
function consumersSection(report2) {
  if (!report2.consumers.length) return "";
  const reqs = [
    ...new Set(report2.consumers.flatMap((c) => c.requirements.map((r) => r.requirement)))
  ];
  const rows = report2.consumers.map((c) => [
    `${esc(c.consumer)}${c.status === "pending" ? " (pending)" : ""}`,
    esc(c.owner),
    !c.applies ? "does not read it" : c.satisfied ? '<span class="ok">\u2713 satisfied</span>' : '<span class="bad">\u2717 not satisfied</span>',
    ...reqs.map((name2) => {
      const r = c.requirements.find((x) => x.requirement === name2);
      if (!r) return MISSING;
      return `<span class="${r.ok ? "ok" : "bad"}">${r.ok ? "\u2713" : "\u2717"}</span> ${esc(r.found)}${r.ok ? "" : ` (expected ${esc(r.expected)})`}`;
    })
  ]);
  return `<section id="consumers" aria-labelledby="consumers-h"><h2 id="consumers-h">Consumers</h2>${table(
    "Consumers \xD7 requirements",
    ["consumer", "owner", "overall", ...reqs],
    rows
  )}</section>`;
}
function bumpSection(report2) {
  const b = report2.requiredBump;
  if (!b) return "";
  const head = `<p>Required: <strong>${b.level}</strong>` + (b.declared ? `; declared: <strong>${b.declared}</strong>` : "") + (b.from && b.to ? ` (${esc(b.from)} \u2192 ${esc(b.to)})` : "") + (b.sufficient === false ? ' \u2014 <span class="bad">not enough</span>' : "") + ".</p>";
  return `<section id="bump" aria-labelledby="bump-h"><h2 id="bump-h">Version bump</h2>${head}<ul>${b.reasons.map((r) => `<li>${esc(r)}</li>`).join("")}</ul></section>`;
}
var checkOf = (f) => f.id.split(".")[0];
function findingsSection(report2) {
  const fs = report2.findings;
  const options = (name2, label2, values) => `<label>${label2} <select name="${name2}"><option value="">all</option>${[...new Set(values)].sort().map((v) => `<option value="${esc(v)}">${esc(v)}</option>`).join("")}</select></label>`;
  const rows = fs.map((f) => {
    const where = f.location ? `${f.location.file}${f.location.line ? `:${f.location.line}` : ""}` : MISSING;
    const state = f.suppressed ? ` (${f.suppressed.kind})` : f.pending ? " (pending)" : "";
    return `<tr data-severity="${f.severity}" data-consumer="${esc(f.consumer ?? "")}" data-check="${esc(checkOf(f))}"><td class="sev-${f.severity}">${f.severity}${state}</td><td><code>${esc(f.id)}</code></td><td>${esc(f.consumer ?? MISSING)}</td><td>${esc(f.message)}</td><td>${esc(where)}</td></tr>`;
  }).join("");
  return `<section id="findings" aria-labelledby="findings-h"><h2 id="findings-h">Findings</h2><div class="filters" role="group" aria-label="Filter findings">` + options(
    "severity",
    "Severity",
    ["error", "warning", "info"].filter((s) => fs.some((f) => f.severity === s))
  ) + options(
    "consumer",
    "Consumer",
    fs.flatMap((f) => f.consumer ? [f.consumer] : [])
  ) + options("check", "Check", fs.map(checkOf)) + `</div><p id="findings-shown" role="status" aria-live="polite">${count(fs.length)} findings</p><table><caption>Findings</caption><thead><tr><th scope="col">severity</th><th scope="col">id</th><th scope="col">consumer</th><th scope="col">message</th><th scope="col">where</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}
function cardSection(report2) {
  const vs = [report2.candidate, ...report2.baseline ? [report2.baseline] : []];
  const fields = [
    ["name", (v) => v.name],
    ["version", (v) => v.version],
    ["tag", (v) => v.tag],
    ["model", (v) => v.model],
    ["dims", (v) => v.dims === void 0 ? void 0 : String(v.dims)],
    ["dtype", (v) => v.dtype],
    ["normalization", (v) => v.normalization],
    ["metric", (v) => v.metric],
    ["created", (v) => v.created],
    ["dataset", (v) => v.dataset],
    ["preprocessing", (v) => v.preprocessing && JSON.stringify(v.preprocessing)],
    ["parameters", (v) => v.parameters && JSON.stringify(v.parameters)],
    ["manifest", (v) => v.manifest],
    ["manifest sha256", (v) => v.manifestSha256],
    ["vectors", (v) => v.vectors && `${v.vectors.file} (${v.vectors.format})`],
    ["rows", (v) => v.vectors && count(v.vectors.rows)],
    ["size", (v) => v.vectors && byteSize(v.vectors.bytes)]
  ];
  const rows = fields.filter(([, get]) => vs.some((v) => get(v) !== void 0)).map(([name2, get]) => [esc(name2), ...vs.map((v) => esc(get(v) ?? MISSING))]);
  return `<section id="card" aria-labelledby="card-h"><h2 id="card-h">Version card</h2>${table(
    "Version metadata",
    ["field", "candidate", ...report2.baseline ? ["baseline"] : []],
    rows
  )}<p>${esc(report2.tool.name)} ${esc(report2.tool.version)}, report schema ${report2.schemaVersion}.</p>${report2.onnxRuntime ? `<p>ONNX runtime: ${esc(runtimeLabel(report2.onnxRuntime))}.</p>` : ""}</section>`;
}

// src/report/json.ts
function formatJson(report2) {
  return JSON.stringify(report2, null, 2) + "\n";
}

// src/report/markdown-sections.ts
var ICON = { error: "\u274C", warning: "\u26A0\uFE0F", info: "\u2139\uFE0F" };
var RANK = { error: 3, warning: 2, info: 1 };
function suppressionLabel(f) {
  const s = f.suppressed;
  if (!s) return "";
  return s.kind === "waiver" ? `waived (owner ${s.owner}, until ${s.expires}): ${s.reason}` : `overridden by ${s.by} (label "${s.label}"): ${s.reason}`;
}
function selectFindings(report2, options) {
  if (!options.minSeverity) return report2.findings;
  const min = RANK[options.minSeverity];
  return report2.findings.filter((f) => RANK[f.severity] >= min);
}
function findingRow(f, options) {
  const icon = f.suppressed ? "\u{1F515}" : ICON[f.severity];
  const message = f.suppressed ? `**${suppressionLabel(f)}** \u2014 ${f.message}` : f.message;
  return `| ${icon} | \`${f.id}\` | \`${cell(whereLabel(f))}\` | ${cell(truncate(message, options.maxMessage))} |`;
}
function findingsSection2(report2, options) {
  if (!report2.findings.length) return [];
  const shown = selectFindings(report2, options);
  const max = options.maxFindings ?? Infinity;
  const out = ["### Findings", "", "| | check | where | message |", "|---|---|---|---|"];
  for (const f of shown.slice(0, max)) out.push(findingRow(f, options));
  const left = report2.findings.length - Math.min(shown.length, max);
  if (left > 0)
    out.push(`| | | | ${plural(left, "more finding")} not shown here: see the JSON report |`);
  out.push("");
  return out;
}
function overrideSection(report2) {
  const o = report2.override;
  if (!o) return [];
  const pr = o.pullRequest ? ` on pull request #${o.pullRequest.number}` : "";
  const who = o.byRole === "label-sender" ? `${o.by} (added the label)` : `${o.by} (pull request author)`;
  return [
    "> [!IMPORTANT]",
    `> **Breaking change accepted** by label \`${o.label}\`${pr}: ${who}. Reason: ${o.reason.replace(/\n/g, " ")}`,
    `> The override lifted ${plural(o.lifted, "finding")} (consumer-contract, baseline and version-policy checks only).`,
    ""
  ];
}
var STATUS = { pass: "\u2705", inconclusive: "\u2754", fail: "\u274C" };
function benchmarkSection(report2, options) {
  const all = report2.benchmarks ?? [];
  if (!all.length || options.benchmarks === "none") return [];
  const rows = options.benchmarks === "failing" ? all.filter((b) => b.status !== "pass") : all;
  const out = [
    "### Benchmarks",
    "",
    "| | suite | consumer | metric | baseline | candidate | \u0394 | CI of \u0394 | p | p (Holm) | MDE |",
    "|---|---|---|---|---|---|---|---|---|---|---|"
  ];
  for (const b of rows) {
    const ci = b.ci ? `${interval(b.ci)} (${percent(b.ci.level)})` : MISSING;
    out.push(
      `| ${STATUS[b.status]} | ${cell(b.suite)} | ${cell(b.consumer ?? MISSING)} | ${cell(b.metric)} | ${score(b.baseline)} | ${score(b.candidate)} | ${signed(b.delta)} | ${ci} | ${pValue(b.p)} | ${pValue(b.pHolm)} | ${score(b.mde)} |`
    );
  }
  if (rows.length < all.length)
    out.push(
      `| | | | ${plural(all.length - rows.length, "passing metric")} not shown | | | | | | | |`
    );
  out.push("");
  if (options.charts !== false) out.push(...deltaChart(rows));
  return out;
}
function bumpSection2(report2) {
  const b = report2.requiredBump;
  if (!b) return [];
  const span = b.from && b.to ? `${b.from} \u2192 ${b.to} ` : "the candidate ";
  const declared = !b.declared ? "" : b.declared === "not-greater" ? ` (${span}is not a greater version)` : ` (${span}declares **${b.declared}**)`;
  const verdict = b.sufficient === void 0 ? "" : b.sufficient ? " \u2705 sufficient" : " \u274C not sufficient";
  return [
    `### Required version bump: **${b.level}**${declared}${verdict}`,
    "",
    ...b.reasons.map((r) => `- ${r}`),
    ""
  ];
}
function label(s) {
  return JSON.stringify(s.replace(/[`"]/g, "'").slice(0, 40));
}
function deltaChart(rows) {
  if (rows.length < 2) return [];
  return [
    "```mermaid",
    "xychart-beta",
    '  title "Metric change, candidate \u2212 baseline"',
    `  x-axis [${rows.map((b) => label(`${b.suite}/${b.metric}`)).join(", ")}]`,
    '  y-axis "\u0394"',
    `  bar [${rows.map((b) => score(b.delta)).join(", ")}]`,
    "```",
    ""
  ];
}
var FLAT_NORMS = 1e-3;
function normValues(v) {
  const n = v?.norms;
  if (!n || ![n.min, n.p1, n.mean, n.p99, n.max].every(Number.isFinite)) return void 0;
  return [n.min, n.p1, n.mean, n.p99, n.max];
}
function normChart(report2, options) {
  if (options.charts === false) return [];
  const cand = normValues(report2.candidate.vectors);
  if (!cand) return [];
  const base = normValues(report2.baseline?.vectors);
  const spread = (v) => Math.max(...v) - Math.min(...v);
  if (spread(cand) <= FLAT_NORMS && (!base || spread(base) <= FLAT_NORMS)) return [];
  return [
    "```mermaid",
    "xychart-beta",
    `  title "${base ? "Vector norms: candidate (bars), baseline (line)" : "Candidate vector norms"}"`,
    '  x-axis ["min", "p1", "mean", "p99", "max"]',
    '  y-axis "\u2016v\u2016"',
    // Chart data must be plain numbers, as score and statistic write them (no separators).
    `  bar [${cand.map(statistic).join(", ")}]`,
    ...base ? [`  line [${base.map(statistic).join(", ")}]`] : [],
    "```",
    ""
  ];
}

// src/report/junit.ts
var TIME = "0";
function xmlEscape(s) {
  return s.replace(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}
function detailOf(f) {
  const lines = [`${f.severity} ${f.id}${f.consumer ? ` (${f.consumer})` : ""}: ${f.message}`];
  const where = formatLocation(f.location);
  if (where) lines.push(`at ${where}`);
  if (f.fingerprint) lines.push(`fingerprint ${f.fingerprint}`);
  return lines.join("\n");
}
function outcomeOf(f, report2) {
  if (f.suppressed) return { kind: "skipped", message: suppressionLabel(f) };
  if (isBlocking(f, report2.failOn))
    return { kind: "failed", type: f.id, message: f.message, detail: detailOf(f) };
  return { kind: "passed", output: detailOf(f) };
}
function consumerCases(c, report2, byConsumer, used) {
  return c.requirements.map((r) => {
    const finding = byConsumer.get(`${c.consumer}\0contract.${r.requirement}`);
    if (finding) used.add(finding);
    const name2 = `${r.requirement}: needs ${r.expected}`;
    const at = formatLocation(finding?.location ?? { file: c.contract });
    const base = { classname: `consumers.${c.consumer}`, name: name2, at };
    if (r.ok) return { ...base, outcome: { kind: "passed" } };
    if (finding) {
      const outcome = outcomeOf(finding, report2);
      if (outcome.kind === "passed" && c.status === "pending") {
        return {
          ...base,
          outcome: {
            kind: "skipped",
            message: `pending consumer: needs ${r.expected}, has ${r.found}`
          }
        };
      }
      return { ...base, outcome };
    }
    const message = `needs ${r.expected}, has ${r.found}`;
    return c.status === "pending" ? { ...base, outcome: { kind: "skipped", message: `pending consumer: ${message}` } } : {
      ...base,
      outcome: { kind: "failed", type: `contract.${r.requirement}`, message, detail: message }
    };
  });
}
function renderCase(t) {
  const open4 = `    <testcase classname="${xmlEscape(t.classname)}" name="${xmlEscape(t.name)}" time="${TIME}"`;
  const o = t.outcome;
  const at = t.at ? `at ${t.at}` : "";
  if (o.kind === "passed") {
    const out2 = o.output ?? at;
    return out2 ? `${open4}>
      <system-out>${xmlEscape(out2)}</system-out>
    </testcase>` : `${open4}/>`;
  }
  const out = at ? `
      <system-out>${xmlEscape(at)}</system-out>` : "";
  if (o.kind === "skipped")
    return `${open4}>
      <skipped message="${xmlEscape(o.message)}"/>${out}
    </testcase>`;
  if (o.detail.includes(at)) {
    return `${open4}>
      <failure type="${xmlEscape(o.type)}" message="${xmlEscape(o.message)}">${xmlEscape(o.detail)}</failure>
    </testcase>`;
  }
  return `${open4}>
      <failure type="${xmlEscape(o.type)}" message="${xmlEscape(o.message)}">${xmlEscape(o.detail)}</failure>${out}
    </testcase>`;
}
function tally(cases) {
  return {
    tests: cases.length,
    failures: cases.filter((c) => c.outcome.kind === "failed").length,
    skipped: cases.filter((c) => c.outcome.kind === "skipped").length
  };
}
function renderSuite(name2, cases) {
  const t = tally(cases);
  const head = `  <testsuite name="${xmlEscape(name2)}" tests="${t.tests}" failures="${t.failures}" errors="0" skipped="${t.skipped}" time="${TIME}"`;
  if (!cases.length) return `${head}/>`;
  return `${head}>
${cases.map(renderCase).join("\n")}
  </testsuite>`;
}
function formatJunit(report2) {
  const used = /* @__PURE__ */ new Set();
  const byConsumer = /* @__PURE__ */ new Map();
  for (const f of report2.findings) {
    const key = `${f.consumer}\0${f.id}`;
    if (f.consumer !== void 0 && !byConsumer.has(key)) byConsumer.set(key, f);
  }
  const consumers = report2.consumers.filter((c) => c.applies).flatMap((c) => consumerCases(c, report2, byConsumer, used));
  const findings = report2.findings.filter((f) => !used.has(f) && f.severity !== "info").map((f) => ({
    classname: f.id,
    name: `${f.id}${f.consumer ? ` (${f.consumer})` : ""} at ${formatLocation(f.location) || "candidate"}`,
    at: formatLocation(f.location) || void 0,
    outcome: outcomeOf(f, report2)
  }));
  const label2 = versionLabel(report2.candidate);
  const verdict = [
    {
      classname: "embedding-gate",
      name: `promote ${label2}`,
      at: report2.candidate.manifest,
      outcome: report2.verdict === "pass" ? { kind: "passed" } : {
        kind: "failed",
        type: "verdict",
        message: `blocked: ${report2.counts.error} error(s), ${report2.counts.warning} warning(s), fail-on ${report2.failOn}`,
        detail: `embedding-gate blocks promotion of ${label2}`
      }
    }
  ];
  const all = [...consumers, ...findings, ...verdict];
  const t = tally(all);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    // junit-10 has no `skipped` on <testsuites>: the suites carry it.
    `<testsuites name="embedding-gate" tests="${t.tests}" failures="${t.failures}" errors="0" time="${TIME}">`,
    renderSuite("consumers", consumers),
    renderSuite("findings", findings),
    renderSuite("verdict", verdict),
    "</testsuites>",
    ""
  ].join("\n");
}

// src/report/sarif.ts
import { isAbsolute as isAbsolute3 } from "node:path";
import { pathToFileURL } from "node:url";

// src/report/rules-gate.ts
var SCHEMA_HELP = 'Fix the field at the location given; the message names what the schema expects there, with a "did you mean" for a misspelt key. Editors can validate the file live against the published schema.';
function schemaRule(file, schema) {
  return {
    summary: `The ${file} matches contracts/${schema}.`,
    description: `Error: the ${file} does not match contracts/${schema}. One finding per problem, located at the offending field (file:line:column); nothing else about the file is checked until it is valid.`,
    help: SCHEMA_HELP
  };
}
var GATE_RULES = {
  "manifest.schema": schemaRule("manifest", "manifest.schema.json"),
  "contract.schema": schemaRule("consumer contract", "contract.schema.json"),
  "waivers.schema": schemaRule("waivers file", "waivers.schema.json"),
  "suite.schema": schemaRule("benchmark suite file", "suite.schema.json"),
  "registry.schema": schemaRule("version registry", "registry.schema.json"),
  "vectors.readable": {
    summary: "The vectors file can be read completely.",
    description: "Error: the vectors file is missing, truncated, has the wrong magic bytes, is damaged, or promises more rows than it holds. The message gives the byte offset or row where reading stopped.",
    help: "Check the path in the manifest and re-export the file; the message says what the reader expected at the offset given."
  },
  "vectors.sha256": {
    summary: "The vectors file hashes to the sha256 the manifest records.",
    description: "Error: the manifest records a sha256 of the vectors file and the file hashes to another value: the file changed after the manifest was written.",
    help: "Record the sha256 of the file you mean to release, or restore the file that was recorded."
  },
  "vectors.parts": {
    summary: "A dataset's parts are the ones its manifest records.",
    description: "Error: the manifest records a dataset's parts (vectors.parts) and a part was added, is missing, or changed in size or sha256 since: each is named.",
    help: "Record the parts you mean to release (name, size, sha256), or restore the parts that were recorded."
  },
  "vectors.empty": {
    summary: "The vectors file has rows.",
    description: "Error: the vectors file holds no rows.",
    help: "Check the export that wrote the file."
  },
  "vectors.dims": {
    summary: "The vectors' dimension is the manifest's.",
    description: "Error: the rows of the vectors file have another width than the manifest's `dims`.",
    help: "Correct `dims` in the manifest, or re-export the vectors from the model the manifest names."
  },
  "vectors.rows": {
    summary: "The vectors file holds the manifest's `expected_rows`.",
    description: "Error: the measured row count differs from the manifest's `expected_rows`: a partial (or doubled) write, caught with or without a baseline.",
    help: "Re-export the complete vectors file, or correct `expected_rows` if the dataset changed on purpose."
  },
  "vectors.dtype": {
    summary: "The vectors' element type is the manifest's.",
    description: "Error: the file's element type differs from the manifest's `dtype`.",
    help: "Correct `dtype` in the manifest, or re-export the vectors with the declared element type."
  },
  "vectors.non-finite": {
    summary: "No vector holds NaN or infinite values.",
    description: "Error: some vectors hold NaN or \xB1Inf values. The message counts the values and rows and names the first ids; the finding is located at the first one.",
    help: "Find the inputs of the ids named (empty texts, overflow in float16) and re-embed them."
  },
  "vectors.zero": {
    summary: "No vector is all zeros.",
    description: "Warning: some vectors are all zeros (no direction, so cosine is undefined). The message counts them and names the first ids.",
    help: "Find why the model produced nothing for the ids named (empty inputs are the usual cause) and re-embed or drop them."
  },
  "vectors.normalization": {
    summary: "The vectors' norms match the manifest's normalization.",
    description: "Error when the manifest says `l2` and some rows have |\u2016v\u2016 \u2212 1| > 0.001 (count, norm range, first ids). Info when it says `none` but every vector is unit-norm.",
    help: "Normalise the vectors before export, or declare the normalization they have."
  },
  "vectors.ids-absent": {
    summary: "The vectors carry ids.",
    description: "Warning: the vectors file has no ids; 0-based row numbers stand in, so rows cannot be matched across versions if the order changes.",
    help: "Export an id column (or an ids file beside a .npy) so versions can be compared id by id."
  },
  "vectors.ids-duplicate": {
    summary: "No id is repeated.",
    description: "Error: some ids occur more than once. The message counts them and names the first.",
    help: "Deduplicate the rows before export; a lookup by id must find one vector."
  },
  "contract.version": {
    summary: "The candidate's version is inside the consumer's accepted range.",
    description: "Error: the candidate's version is outside the consumer's `accepts` semver range (prereleases included). A warning for a pending consumer.",
    help: "Agree a new range with the consumer's owner, or release under a version the range accepts."
  },
  "contract.dims": {
    summary: "The candidate's dimension is the consumer's.",
    description: "Error: the candidate's `dims` differ from the consumer's `requires.dims`. A warning for a pending consumer.",
    help: "The consumer cannot read these vectors: keep the dimension, or coordinate a migration with the consumer's owner."
  },
  "contract.dtype": {
    summary: "The candidate's element type is one the consumer accepts.",
    description: "Error: the candidate's `dtype` is not one the consumer's `requires.dtype` accepts. A warning for a pending consumer.",
    help: "Release the element type the consumer reads, or agree the change with its owner."
  },
  "contract.normalization": {
    summary: "The candidate's normalization is the consumer's.",
    description: "Error: the candidate's normalization is not the consumer's `requires.normalization`; `l2` is checked against the measured norms with the consumer's `norm_tolerance`. A warning for a pending consumer.",
    help: "Normalise the vectors as the consumer requires, or agree the change with its owner."
  },
  "contract.metric": {
    summary: "The candidate's metric is the consumer's.",
    description: "Error: the candidate's metric is not the consumer's `requires.metric` (`cosine` and `dot` are accepted for each other on l2-normalised vectors). A warning for a pending consumer.",
    help: "Release vectors for the metric the consumer uses, or agree the change with its owner."
  },
  "manifest.placeholder": {
    summary: "The manifest holds real values, not the placeholders `init` writes.",
    description: 'Error: a manifest field (model.name, model.revision, inputs.dataset, inputs.sha256, tag) still holds the "TODO" (or all-zero sha256) placeholder that `embedding-gate init` wrote; the finding is located at the field.',
    help: "Replace the placeholder with the real model, revision, input dataset or hash; `init --model --revision --dataset --inputs-sha256` fills them when known."
  },
  "contract.placeholder": {
    summary: "The consumer contract names its consumer and owner.",
    description: 'Error: a contract written by `embedding-gate init --contract` still has "TODO" as its consumer or owner; the finding is located at the field.',
    help: "Name the downstream system and the team that owns it; the owner is who a blocked release asks."
  },
  "contract.rows": {
    summary: "The candidate holds at least the consumer's `min_rows`.",
    description: "Error: the candidate's vectors file holds fewer rows than the consumer's `requires.min_rows`. A warning for a pending consumer.",
    help: "Re-export the complete vectors file, or agree a smaller catalogue with the consumer\u2019s owner."
  },
  "contract.coverage": {
    summary: "The candidate holds the consumer's `min_coverage` of the baseline's ids.",
    description: "Error: the fraction of baseline ids still in the candidate is below the consumer's `requires.min_coverage` (declared removals count as lost for the consumer). A warning when it could not be measured (no baseline, or a side without ids), and for a pending consumer.",
    help: "Re-embed the missing items, or agree the removal with the consumer\u2019s owner; gate with a baseline so coverage is measured."
  },
  "contract.none-active": {
    summary: "At least one active consumer reads this embedding.",
    description: "Warning: contracts were given, but none is an active consumer of this embedding, so no consumer requirement gated the candidate.",
    help: "Check the contracts directory and each contract's `embedding` name; a contract still being agreed is `status: pending`."
  },
  "baseline.changed": {
    summary: "What changed from the baseline version.",
    description: "Info: dims, dtype, metric, normalisation, model, model revision or dataset changed from the baseline; one finding per field, located at the field.",
    help: "Nothing to fix: the version bump and the consumer contracts judge whether the change is allowed."
  },
  "baseline.ids-missing": {
    summary: "Every baseline id is still in the candidate.",
    description: "Error when more baseline ids are absent from the candidate than tolerated (one id, or 0.1% of the baseline's ids when that is more) and not declared in the manifest's `removals.ids`; a warning within the tolerance. Consumers looking them up will miss. The message counts them and names the first.",
    help: "Re-embed the missing items, or list the ids removed on purpose in a file named by the manifest's `removals.ids`."
  },
  "baseline.removal-present": {
    summary: "Every id the manifest declares removed is gone from the candidate.",
    description: "Warning: ids listed in the manifest's `removals.ids` are still in the candidate: the removal did not happen, or the list is wrong. The message counts them and names the first.",
    help: "Remove those ids from the vectors, or from the removals file."
  },
  "baseline.ids-added": {
    summary: "Ids new in the candidate.",
    description: "Info: the candidate has ids the baseline does not (count and first ids).",
    help: "Nothing to fix; listed so a reviewer sees the corpus grew."
  },
  "waiver.expired": {
    summary: "Every waiver is within its expiry date.",
    description: "Error: a waiver is past its `expires` date; the finding it waived blocks again. Located at the waiver's `expires`.",
    help: "Fix the finding and delete the waiver, or renew it with a new date and a reason."
  },
  "waiver.unused": {
    summary: "Every waiver matches a finding.",
    description: "Info: a waiver matches no finding of this run: the finding is gone, or the fingerprint is not the one in the report.",
    help: "Delete the waiver, or copy the fingerprint from the JSON report."
  },
  "bench.regression": {
    summary: "The candidate meets each consumer's quality floor on its benchmark suite.",
    description: "Error: on a suite, the candidate scores below a consumer's `min`, or drops by more than its `max_drop` significantly (one-sided sign-flip test, Holm-adjusted over the consumer's floors with `max_drop` on the suite, \u03B1 = 0.05). A warning for a pending consumer.",
    help: "Look at the most regressed queries in the report; fix the model or the data, or agree a new floor with the consumer."
  },
  "bench.inconclusive": {
    summary: "The suite rules out a drop larger than each consumer allows.",
    description: "Warning: a drop beyond `max_drop` is neither significant nor ruled out \u2014 on a suite powered for `max_drop`, the mean dropped by more than it; otherwise the 95% CI reaches below \u2212max_drop (then the warning is folded into `bench.underpowered`). An error when the floor sets `on_inconclusive: block`.",
    help: "Add judged queries to the suite to narrow the interval, set `on_inconclusive: block` to make it block, or accept the risk explicitly with a waiver."
  },
  "bench.underpowered": {
    summary: "Each suite can resolve the `max_drop` its floors enforce.",
    description: "Warning: the suite blocks a drop of max_drop + e with 80% power, where the minimum detectable effect e = (z(1\u2212\u03B1/k) + z(0.8))\xB7sd/\u221An of the paired deltas is larger than `max_drop`; the message says how many judged queries would bring e down to `max_drop`. An inconclusive outcome of such a floor is told here instead of in a second warning.",
    help: "Add judged queries to the suite (the message says how many), or agree a larger `max_drop` with the consumer."
  },
  "bench.significant-drop": {
    summary: "No significant drop goes unmentioned.",
    description: "Info: a floor with only `min` passes, but its metric dropped significantly (one-sided sign-flip test of no drop, p < 0.05, not adjusted); nothing blocks on it because the floor sets no `max_drop`.",
    help: "Add `max_drop` to the floor if the consumer cares about drops above its `min`."
  },
  "bench.no-baseline": {
    summary: "A consumer's allowed drop could be checked against the baseline.",
    description: "Warning: a `max_drop` floor cannot be checked because the suite has no query embeddings for the baseline version. Info when the suite lacks them and no floor needs them.",
    help: "Add `versions.<baseline>.queries` to the suite file."
  },
  "bench.recorded": {
    summary: "The suite results the manifest records are the ones the gate measures.",
    description: "Warning: the candidate manifest records a suite result the gate does not reproduce (difference > 1e-4): the vectors or the suite changed since it was recorded.",
    help: "Re-run the evaluation and record its result, or find what changed in the vectors or the suite."
  },
  "bench.suite-missing": {
    summary: "Every suite a consumer names was given.",
    description: "Error: a quality floor names a suite that is neither listed in the candidate manifest nor passed with --suites. A warning for a pending consumer.",
    help: "List the suite in the manifest's `suites` or pass it with --suites."
  },
  "bench.suite-version": {
    summary: "Each suite has query embeddings for the candidate version.",
    description: "Error (a warning when no active consumer depends on the suite): the suite file has no `versions.<candidate>.queries`.",
    help: "Embed the suite's queries with the candidate model and add them under its version."
  },
  "bench.metric": {
    summary: "Every metric a floor names is one the gate computes.",
    description: "Error (a warning for a pending consumer): a quality floor names an unknown metric, or one with a malformed cutoff.",
    help: "Use a trec_eval measure name such as ndcg@10, recall@100 or map."
  },
  "bench.depth": {
    summary: "Every metric's cutoff fits the suite's retrieval depth.",
    description: "Error (a warning when no active consumer depends on the suite): a metric's cutoff is deeper than the suite's `k`.",
    help: "Raise the suite's `k`, or lower the metric's cutoff."
  },
  "bench.qrels": {
    summary: "A suite's relevance judgments can be read.",
    description: "Error (a warning when no active consumer depends on the suite): the suite's qrels file is missing or malformed; located at its file:line.",
    help: "Fix the line named; qrels are `qid 0 docid rel` (TREC) or a TSV with a header."
  },
  "bench.vectors": {
    summary: "A suite's query and corpus vectors can be read.",
    description: "Error (a warning when no active consumer depends on the suite): a suite's query or corpus vectors file cannot be read.",
    help: "Check the path in the suite file and the file itself; the message gives the offset where reading stopped."
  },
  "bench.knn": {
    summary: "A suite's queries and corpus fit together.",
    description: "Error (a warning when no active consumer depends on the suite): the suite's queries and corpus cannot be searched together (dims or element types differ, ids missing).",
    help: "Embed the queries with the same model, dims and dtype as the corpus."
  },
  "bench.evaluation": {
    summary: "A suite can be evaluated.",
    description: "Error (a warning when no active consumer depends on the suite): the run could not be scored against the suite's judgments (an unknown measure, no judged query retrieved, an invalid run).",
    help: "Check that the suite's query ids match its judgments; the message names what failed."
  },
  "bench.suite-duplicate": {
    summary: "Suite names are unique.",
    description: "Error: two suite files declare the same `suite` name.",
    help: "Rename one of the suites; floors name suites by that name."
  },
  "runtime.wasm": {
    summary: "The run's kNN and models ran on onnxruntime's native CPU runtime.",
    description: "Info: no native onnxruntime could be had (no download, no cache, no offline folder, or an unsupported platform), so the run's kNN, staging models and compatibility products ran on onnxruntime-web's WebAssembly build. The results and the verdict are the same; the run is slower. The message says why, and the report's `onnxRuntime` records it.",
    help: `Let the gate download onnxruntime-node from the npm registry the runner is configured for (npm's registry, credentials and proxy settings are honoured; or set EMBEDDING_GATE_NPM_REGISTRY to a mirror), or set EMBEDDING_GATE_ONNXRUNTIME_DIR to a folder holding its binaries (README, "Runners and downloads").`
  }
};

// src/report/rules-release.ts
var PENDING = " A warning for a pending consumer.";
var RELEASE_RULES = {
  "staging.config": {
    summary: "A consumer's staging task, metric and thresholds fit together.",
    description: `Error: a contract's \`staging\` block does not fit together (a metric that does not judge the task, \`min\` given for mse or \`max\` for a score, a \`max_drop\` that allows anything, a \`threshold\` outside classification).${PENDING}`,
    help: 'Fix the field named; README "Consumer models" lists the metrics of each task.'
  },
  "staging.model": {
    summary: "A consumer's ONNX model is a readable, self-contained file within the size cap.",
    description: `Error: the consumer's model file is missing, over the size cap, not its recorded sha256, corrupted, keeps external data, or onnxruntime refuses to load it (the file and the cause).${PENDING}`,
    help: "Export the model as one ONNX file inside the workspace; raise --max-model-mb only for a model you trust."
  },
  "staging.io": {
    summary: "A consumer's model takes the candidate's vectors (input width, dtype) and yields what the task needs.",
    description: `Error, before anything runs: the model's input is not [batch, dims] of an element type the vectors convert to exactly, or its output does not fit the task (one score column, or one column per class).${PENDING}`,
    help: "The consumer's model cannot read these vectors: keep the space, or retrain the consumer's model with its owner."
  },
  "staging.labels": {
    summary: "A consumer's labels file is well formed and labels ids present in the vectors.",
    description: `Error: the labels file is malformed (located at its file:line), repeats an id, holds a label the task cannot use, or labels no id of the candidate.${PENDING}`,
    help: "Fix the line named; a labels file is `id,label` per line (CSV, or TSV when the first line holds a tab)."
  },
  "staging.coverage": {
    summary: "Every labeled id is in the candidate's vectors.",
    description: "Warning: some labeled ids are absent from the candidate's vectors; the metric is computed on the others.",
    help: "Re-embed the missing items, or drop their labels if they were removed on purpose."
  },
  "staging.run": {
    summary: "A consumer's model runs on the vectors.",
    description: `Error: the consumer's model failed while running on the vectors, or the vectors could not be read during the run (the file and the cause).${PENDING}`,
    help: "Run the model on a batch of the vectors outside the gate; the message gives the cause onnxruntime or the reader reported."
  },
  "staging.non-finite": {
    summary: "A consumer's model yields finite outputs on the candidate's vectors.",
    description: `Error: the consumer's model outputs NaN or \xB1Inf for some vectors (the first ids).${PENDING}`,
    help: "Check the vectors of the ids named, and the model on inputs of that range."
  },
  "staging.metric": {
    summary: "A consumer's model scores at least its floor on the candidate and drops no more than allowed.",
    description: `Error: the consumer's model scores below \`min\` (above \`max\` for mse) on the candidate, or worse than on the baseline by more than \`max_drop\`, significantly (paired bootstrap CI and a one-sided test at \u03B1 = 0.05).${PENDING}`,
    help: "The consumer's model would lose quality on these vectors: fix the embedding, or retrain the consumer's model with its owner."
  },
  "staging.inconclusive": {
    summary: "The labeled examples rule out a drop larger than allowed.",
    description: "Warning: a worsening beyond `max_drop` is still plausible (the CI reaches beyond it) but not significant.",
    help: "Label more examples to narrow the interval, or accept the risk explicitly with a waiver."
  },
  "staging.no-baseline": {
    summary: "A consumer's allowed drop could be checked against the baseline.",
    description: "Warning: a `max_drop` could not be checked (no --baseline, or the model does not take the baseline's vectors), so only `min`/`max` were judged; or the model yields NaN/\xB1Inf for some baseline vectors, which are left out of the comparison.",
    help: "Run the gate with --baseline so the drop can be measured."
  },
  "probe.model": {
    summary: "The embedding model is a readable ONNX file whose output matches the stored vectors.",
    description: "Error: the manifest's probe model is missing, not its recorded sha256, unreadable by onnxruntime, or its output width differs from the stored vectors' dims.",
    help: "Point `probe.model` at the ONNX export of the model that produced the vectors."
  },
  "probe.inputs": {
    summary: "The probe set holds the model's inputs for each id.",
    description: "Error: the probe set lacks a column for a model input, holds values of the wrong type (floats for an integer input), nulls, or shapes the input cannot take.",
    help: "Fix the probe set, or map its columns to the model inputs with `probe.columns` and `probe.shapes`."
  },
  "probe.vectors": {
    summary: "The stored vectors a probe compares with are readable.",
    description: "Error: the stored vectors the probe compares with cannot be read.",
    help: "Check `probe.vectors` (default: the manifest's vectors) and the file itself."
  },
  "probe.coverage": {
    summary: "Every probe id has a stored vector.",
    description: "Warning: some probe ids have no stored vector (an error when none has one); the others are compared.",
    help: "Use probe ids that are in the released vectors."
  },
  "probe.non-finite": {
    summary: "The embedding model yields finite vectors for the probe inputs.",
    description: "Error: the probe model outputs NaN or \xB1Inf for some probe inputs (the first ids).",
    help: "Check the inputs of the ids named and the exported model."
  },
  "probe.deviation": {
    summary: "The stored vectors are what the declared embedding model produces (1 \u2212 cos within the tolerance).",
    description: "Error: stored vectors differ from what the manifest's ONNX model produces for the probe inputs by more than the tolerance (1 \u2212 cos): count and worst ids, located at the worst id's row.",
    help: "The vectors were not produced by this model with this preprocessing: re-embed with the declared model, or correct the manifest."
  },
  "probe.unsupported": {
    summary: "The stored vectors can be probed (not packed bits).",
    description: "Warning: packed binary vectors cannot be compared by cosine, so the probe was skipped.",
    help: "Probe a float export of the same model, or remove the probe."
  },
  "version.bump": {
    summary: "The candidate's version number declares at least the bump its changes require.",
    description: "Error at the candidate's `version:` line: the declared semver bump from the baseline is smaller than the changes require (MAJOR for a new space, MINOR for a retrained checkpoint or new data, PATCH for preprocessing), or the version is not greater. The message names every difference and its bump.",
    help: "Release under the version the message suggests; a breaking change can be accepted only as a MAJOR."
  },
  "version.immutable": {
    summary: "A released version number is never reused for other content.",
    description: "Error: the candidate's name and version are in the registry with other content (its manifest, vectors or ids hash differently).",
    help: "Give the new content a new version number."
  },
  "version.released": {
    summary: "Whether the candidate is already released.",
    description: "Info: the candidate is a released version whose files hash as recorded.",
    help: "Nothing to fix; promoting it again is a no-op."
  },
  "compat.space": {
    summary: "Whether old and new vectors may share one index.",
    description: "Info: the measured answer, mixable or re-index (neighbourhoods preserved or incompatible), with cross-version self-retrieval, same-id cosine, kNN overlap and CKA on a seeded sample of shared ids. A re-index answer makes the change a MAJOR (see version.bump).",
    help: "Nothing to fix here; a re-index answer needs a MAJOR version and a re-index by every consumer."
  },
  "compat.unmeasured": {
    summary: "The spaces of the baseline and the candidate were compared.",
    description: "Warning: the spaces could not be compared (fewer than 50 shared ids, or vectors that cannot be read), so a minor or patch rests on the unverified assumption that they are compatible.",
    help: "Keep ids stable across versions so the spaces can be compared, or release as a MAJOR."
  },
  "registry.hash": {
    summary: "Every released file still hashes as the registry recorded.",
    description: "Error: a released manifest, vectors or ids file no longer hashes as recorded, or is gone (a retired version's files may be deleted).",
    help: "Restore the released file; released files are immutable, new content needs a new version."
  },
  "registry.channel": {
    summary: "Each channel's version is its last history entry.",
    description: "Error: a registry channel's `version` is not the version of its last history entry (the registry was edited by hand).",
    help: "Change channels only with promote and rollback, which append to the history."
  },
  "deprecation.sunset": {
    summary: "No consumer is left on versions past their sunset.",
    description: "Error when a consumer's range only matches versions past their sunset or retired (a warning, never blocking, for a pending consumer); a warning, with the days left, when it is pinned to a deprecated version (the version it reads from the gated channel, when one is given).",
    help: "Move the consumer's `accepts` range to a supported version with its owner."
  },
  "lineage.mismatch": {
    summary: "The recorded hashes match the pointer files of the model and data.",
    description: "Error: a hash or size the manifest records differs from the Git LFS or DVC pointer's (both values and the pointer's file:line).",
    help: "Record the hashes of the checkpoint or dataset the vectors were made from, or point at the right pointer file."
  },
  "lineage.pointer": {
    summary: "Every pointer file the manifest names exists and is a Git LFS or DVC pointer.",
    description: "Error: a `pointer` the manifest names is missing, unreadable, or neither format.",
    help: "Point at the Git LFS pointer or .dvc file that versions the checkpoint or dataset."
  },
  "lineage.unverifiable": {
    summary: "The manifest and the pointer record a hash that can be compared.",
    description: "Warning: one side records nothing comparable (the manifest has no `md5` for a DVC pointer, or the pointer holds only an etag).",
    help: "Record the hash the pointer uses (DVC's md5, or the sha256 a Git LFS oid is)."
  }
};

// src/report/rules.ts
var CHECK_RULES = { ...GATE_RULES, ...RELEASE_RULES };
function ruleFor(id) {
  return Object.hasOwn(CHECK_RULES, id) ? CHECK_RULES[id] : { summary: id, description: id, help: `See the "${id}" finding's message.` };
}
var README_ANCHORS = [
  ["bench.", "benchmark-regression"],
  ["staging.", "consumer-models-staging-in-a-contract"],
  ["probe.", "reproducibility-probe-probe-in-a-manifest"],
  ["version.bump", "change-classification-versionbump"],
  ["compat.", "space-compatibility-compatspace"],
  ["version.", "registry-contractsregistryschemajson"],
  ["registry.", "registry-contractsregistryschemajson"],
  ["deprecation.", "registry-contractsregistryschemajson"],
  ["lineage.", "lineage-lineage"],
  ["waiver.", "waivers"]
];
function readmeAnchor(id) {
  return README_ANCHORS.find(([prefix]) => id.startsWith(prefix))?.[1] ?? "what-the-gate-checks";
}
function helpUriFor(id, readmeUrl) {
  return `${readmeUrl.replace(/#.*$/, "")}#${readmeAnchor(id)}`;
}

// src/report/sarif.ts
var SARIF_MAX_RESULTS = 25e3;
var RANK2 = { error: 0, warning: 1, info: 2 };
var SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
var SARIF_FINGERPRINT_KEY = "embeddingGateFingerprint/v1";
var LEVEL = {
  error: "error",
  warning: "warning",
  info: "note"
};
function artifactLocation(loc) {
  const inside = loc.workspaceFile;
  const file = inside !== void 0 && !inside.startsWith("../") && !isAbsolute3(inside) ? inside : loc.file;
  if (isAbsolute3(file)) return { uri: pathToFileURL(file).href };
  const posixPath = file.replace(/\\/g, "/").replace(/^\.\//, "");
  return { uri: posixPath.split("/").map(encodeURIComponent).join("/"), uriBaseId: "%SRCROOT%" };
}
function directoryUri(dir) {
  const href = pathToFileURL(dir).href;
  return href.endsWith("/") ? href : `${href}/`;
}
function physicalLocation(loc) {
  const region = { startLine: loc.line && loc.line >= 1 ? loc.line : 1 };
  if (loc.line !== void 0 && loc.line >= 1) {
    if (loc.column !== void 0) region.startColumn = loc.column;
    if (loc.endLine !== void 0) region.endLine = loc.endLine;
    if (loc.endColumn !== void 0) region.endColumn = loc.endColumn;
  }
  return { artifactLocation: artifactLocation(loc), region };
}
function result(f, ruleIndex, fallback) {
  const properties = {};
  if (f.consumer !== void 0) properties.consumer = f.consumer;
  if (f.expected !== void 0) properties.expected = f.expected;
  if (f.found !== void 0) properties.found = f.found;
  if (f.location?.path !== void 0) properties.path = f.location.path;
  if (f.location?.row !== void 0) properties.row = f.location.row;
  if (f.location?.id !== void 0) properties.id = f.location.id;
  if (f.location?.byte !== void 0) properties.byteOffset = f.location.byte;
  const s = f.suppressed;
  return {
    ruleId: f.id,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: physicalLocation(f.location ?? fallback) }],
    ...f.fingerprint ? { partialFingerprints: { [SARIF_FINGERPRINT_KEY]: f.fingerprint } } : {},
    ...s ? {
      suppressions: [
        {
          kind: "external",
          status: "accepted",
          justification: s.kind === "waiver" ? `waived until ${s.expires} by ${s.owner}: ${s.reason}` : `override label "${s.label}" applied by ${s.by}: ${s.reason}`
        }
      ]
    } : {},
    ...Object.keys(properties).length ? { properties } : {}
  };
}
function rule(id, readmeUrl) {
  const r = ruleFor(id);
  const helpUri = readmeUrl ? helpUriFor(id, readmeUrl) : void 0;
  return {
    id,
    name: id,
    shortDescription: { text: r.summary },
    fullDescription: { text: r.description },
    help: {
      text: r.help,
      markdown: `**${id}**: ${r.summary}

${r.help}${helpUri ? `

See [${id}](${helpUri}).` : ""}`
    },
    ...helpUri ? { helpUri } : {}
  };
}
function formatSarif(report2, options = {}) {
  let findings = options.includeInfo ? report2.findings : report2.findings.filter((f) => f.severity !== "info");
  const dropped = Math.max(0, findings.length - SARIF_MAX_RESULTS);
  if (dropped) {
    findings = [...findings].sort((a, b) => RANK2[a.severity] - RANK2[b.severity]).slice(0, SARIF_MAX_RESULTS);
  }
  const fallback = { file: report2.candidate.manifest };
  const ids = [...new Set(findings.map((f) => f.id))].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const log2 = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: report2.tool.name,
            version: report2.tool.version,
            rules: ids.map((id) => rule(id, options.readmeUrl))
          }
        },
        // yaml reports columns in UTF-16 code units (JavaScript string offsets).
        columnKind: "utf16CodeUnits",
        invocations: [
          {
            executionSuccessful: true,
            ...options.workspace ? { workingDirectory: { uri: directoryUri(options.workspace) } } : {}
          }
        ],
        results: findings.map((f) => result(f, index.get(f.id), fallback)),
        properties: {
          verdict: report2.verdict,
          failOn: report2.failOn,
          counts: report2.counts,
          ...dropped ? { resultsLeftOut: dropped } : {},
          candidate: report2.candidate.manifest,
          ...report2.baseline ? { baseline: report2.baseline.manifest } : {},
          ...report2.override ? { override: report2.override } : {}
        }
      }
    ]
  };
  return JSON.stringify(log2, null, 2) + "\n";
}

// src/github/readme-url.ts
function readmeUrlFromEnv(env, options = {}) {
  const server = (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "");
  let repo = env.GITHUB_ACTION_REPOSITORY;
  let ref = env.GITHUB_ACTION_REF;
  if (!repo && options.action) {
    repo = env.GITHUB_REPOSITORY;
    ref = env.GITHUB_SHA;
  }
  if (!repo || !/^[\w.-]+\/[\w.-]+$/.test(repo)) return void 0;
  const at = ref && /^[\w./-]+$/.test(ref) ? ref : "HEAD";
  return `${server}/${repo}/blob/${at}/README.md`;
}

// src/gate/shard.ts
import { relative as relative9 } from "node:path";

// src/gate/shard-scan.ts
var MAX_EXAMPLES = 5;
async function scanShard(request2, shard, openSource = openLocalSource, sampler) {
  let bytes = 0;
  const parts = /* @__PURE__ */ new Map();
  const remote = /* @__PURE__ */ new Map();
  const sizing = async (req) => {
    const opened = await openSource(req);
    if (req.path === request2.path) bytes = opened.size;
    else parts.set(req.path, opened.size);
    const version = remoteInfoOf(opened);
    if (version)
      remote.set(version.url, {
        url: version.url,
        ...version.etag && { etag: version.etag },
        ...version.versionId && { versionId: version.versionId }
      });
    return opened;
  };
  sharesLister(sizing, openSource);
  let slice = rowSlice(shard, void 0);
  try {
    const file = await openVectors(request2.path, request2.open, sizing);
    slice = rowSlice(shard, file.info.rows);
    const total = bytes || [...parts.values()].reduce((a, b) => a + b, 0);
    const partial = await scanSlice(file, slice, request2, total, sampler);
    return remote.size > 0 ? { ...partial, remote: [...remote.values()] } : partial;
  } catch (err) {
    if (!(err instanceof VectorFileError)) throw err;
    return {
      file: request2.displayPath,
      slice,
      error: { file: err.file, detail: err.detail, ...err.where && { where: err.where } }
    };
  }
}
async function scanSlice(file, slice, request2, bytes, sampler) {
  const sliced = sliceSource(file, slice, true);
  sampler?.start(file.info);
  const source = sampler ? {
    ...sliced,
    async *batches() {
      for await (const batch of sliced.batches()) {
        sampler.add(batch, (local) => sliced.globalRow(local));
        yield batch;
      }
    }
  } : sliced;
  try {
    const stats = await scanVectors(source, {
      expectUnitNorm: request2.expectUnitNorm,
      normTolerance: request2.normTolerance,
      maxExamples: MAX_EXAMPLES,
      keepState: true,
      ...request2.onRows && { onRows: request2.onRows }
    });
    const { info } = file;
    const global = (e) => {
      const row = sliced.globalRow(e.row);
      return { row, id: info.hasIds ? e.id : String(row) };
    };
    const worst = stats.unitNorm?.worst;
    return {
      file: request2.displayPath,
      slice,
      format: info.format,
      hasIds: info.hasIds,
      bytes,
      collectIds: request2.collectIds,
      rows: stats.rows,
      dims: stats.dims,
      dtype: stats.dtype,
      nonFinite: {
        rows: stats.nonFinite.rows,
        values: stats.nonFinite.values,
        examples: stats.nonFinite.examples.map(global)
      },
      zero: { rows: stats.zero.rows, examples: stats.zero.examples.map(global) },
      ...stats.norms && { norms: { kind: stats.norms.kind, state: stats.normState } },
      ...stats.unitNorm && {
        unitNorm: {
          tolerance: stats.unitNorm.tolerance,
          rows: stats.unitNorm.rows,
          examples: stats.unitNorm.examples.map(global),
          ...worst && { worst: { ...worst, ...global(worst) } }
        }
      },
      segments: sliced.segments,
      ...sliced.ids && { ids: sliced.ids }
    };
  } finally {
    await sliced.close();
  }
}
function isScanFailure(p) {
  return "error" in p;
}
function mergeScanPartials(parts) {
  const failed = parts.find(isScanFailure);
  if (failed) throw new VectorFileError(failed.error.file, failed.error.detail, failed.error.where);
  const scans = parts;
  const first = scans[0];
  return summariseScan(mergeScanStats(scans), first, first.bytes, first.file, mergeRemote(scans));
}
function mergeRemote(scans) {
  const seen = /* @__PURE__ */ new Map();
  scans.forEach((scan, shard) => {
    for (const version of scan.remote ?? []) {
      const other = seen.get(version.url);
      if (!other) seen.set(version.url, { version, shard });
      else if (other.version.etag !== version.etag || other.version.versionId !== version.versionId)
        throw new ConfigError(
          `${version.url} changed while the shards ran: shard ${other.shard + 1} read it at ${describeVersion(other.version)}, shard ${shard + 1} at ${describeVersion(version)}; rerun every shard`
        );
    }
  });
  return [...seen.values()].map((s) => s.version);
}
function describeVersion(v) {
  return [v.etag && `etag ${v.etag}`, v.versionId && `version ${v.versionId}`].filter(Boolean).join(", ") || "no version";
}
function mergeScanStats(scans) {
  const first = scans[0];
  const firstRows = (pick) => scans.flatMap(pick).sort((a, b) => a.row - b.row).slice(0, MAX_EXAMPLES);
  const sum2 = (pick) => scans.reduce((t, s) => t + pick(s), 0);
  const withNorms = scans.filter((s) => s.norms);
  let norms;
  if (withNorms.length > 0) {
    const sketch = new QuantileSketch(withNorms[0].norms.state.sketch.relativeAccuracy);
    const total = new ExactSum();
    for (const s of withNorms) {
      sketch.merge(s.norms.state.sketch);
      total.merge(ExactSum.of(s.norms.state.sumTerms));
    }
    const state = sketch.state();
    norms = {
      kind: withNorms[0].norms.kind,
      count: sketch.count,
      min: state.min,
      mean: total.value() / sketch.count,
      max: state.max,
      p1: sketch.quantile(0.01),
      p99: sketch.quantile(0.99),
      quantiles: QUANTILE_GRID.map((q) => sketch.quantile(q)),
      relativeAccuracy: sketch.relativeAccuracy
    };
  }
  let unitNorm;
  if (first.unitNorm) {
    let worst;
    for (const s of scans) {
      const w = s.unitNorm?.worst;
      if (w && (!worst || w.deviation > worst.deviation || w.deviation === worst.deviation && w.row < worst.row))
        worst = w;
    }
    unitNorm = {
      tolerance: first.unitNorm.tolerance,
      rows: sum2((s) => s.unitNorm?.rows ?? 0),
      examples: firstRows((s) => s.unitNorm?.examples ?? []),
      ...worst && { worst }
    };
  }
  return {
    rows: sum2((s) => s.rows),
    dims: first.dims,
    dtype: first.dtype,
    nonFinite: {
      rows: sum2((s) => s.nonFinite.rows),
      values: sum2((s) => s.nonFinite.values),
      examples: firstRows((s) => s.nonFinite.examples)
    },
    zero: { rows: sum2((s) => s.zero.rows), examples: firstRows((s) => s.zero.examples) },
    ...norms && { norms },
    ...unitNorm && { unitNorm },
    ...first.hasIds && { ids: replayIds(scans, first.collectIds) }
  };
}
function replayIds(scans, collect) {
  const runs = scans.flatMap((s) => {
    let at = 0;
    return s.segments.map((seg) => {
      const run = { global: seg.global, rows: seg.rows, ids: s.ids ?? [], from: at };
      at += seg.rows;
      return run;
    });
  }).sort((a, b) => a.global - b.global);
  const total = runs.reduce((t, r) => t + r.rows, 0);
  const seen = new IdSet(Math.min(total || 1024, 1 << 21));
  const examples = [];
  const reported = /* @__PURE__ */ new Set();
  let duplicates = 0;
  for (const run of runs) {
    for (let r = 0; r < run.rows; r++) {
      const id = run.ids[run.from + r];
      if (seen.add(id)) continue;
      duplicates++;
      if (examples.length >= MAX_EXAMPLES || reported.has(id)) continue;
      reported.add(id);
      examples.push({ row: run.global + r, id });
    }
  }
  return {
    unique: seen.size,
    duplicates,
    duplicateExamples: examples,
    ...collect && { set: seen }
  };
}

// src/gate/shard-staging.ts
var ARRAYS = {
  Float32Array,
  Float64Array,
  Uint16Array,
  Int8Array,
  Uint8Array
};
function rowWidth(dtype, dims) {
  return dtype === "binary" ? dims + 7 >> 3 : dims;
}
function arrayOf(name2, text) {
  const Ctor = ARRAYS[name2];
  const bytes = Buffer.from(text, "base64");
  if (bytes.length % Ctor.BYTES_PER_ELEMENT !== 0) return void 0;
  const out = new Ctor(bytes.length / Ctor.BYTES_PER_ELEMENT);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}
var MAX_CARRIED_ROW_BYTES = 128 * 2 ** 20;
var OverBudget = class extends Error {
  name = "OverBudget";
};
async function collectRows(source, wanted, budget = { bytes: Infinity }) {
  const { dtype, dims } = source.info;
  const width = rowWidth(dtype, dims);
  let bytes = 0;
  const seen = /* @__PURE__ */ new Set();
  const ids = [];
  const rows = [];
  const chunks = [];
  let array = "Float32Array";
  for await (const batch of source.batches()) {
    array = batch.values.constructor.name;
    for (let r = 0; r < batch.rows; r++) {
      const id = batch.ids ? batch.ids[r] : String(source.globalRow(batch.rowOffset + r));
      if (!wanted(id) || seen.has(id)) continue;
      bytes += width * batch.values.BYTES_PER_ELEMENT;
      if (bytes > budget.bytes)
        throw new OverBudget(
          `${source.info.path || "the vectors"}: this shard's rows pass the ${MAX_CARRIED_ROW_BYTES / 2 ** 20} MiB a partial carries`
        );
      seen.add(id);
      ids.push(id);
      rows.push(source.globalRow(batch.rowOffset + r));
      chunks.push(batch.values.slice(r * width, (r + 1) * width));
    }
  }
  budget.bytes -= bytes;
  const Ctor = ARRAYS[array];
  const values = new Ctor(ids.length * width);
  chunks.forEach((c, i) => values.set(c, i * width));
  return { dtype, dims, array, ids, rows: Float64Array.from(rows), values };
}
function mergeRows(parts) {
  const first = parts[0];
  if (!first) return void 0;
  const { dtype, dims, array } = first;
  if (parts.some((p) => p.dtype !== dtype || p.dims !== dims || p.array !== array))
    return void 0;
  const width = rowWidth(dtype, dims);
  const best = /* @__PURE__ */ new Map();
  parts.forEach(
    (p, part) => p.ids.forEach((id, at) => {
      const row = p.rows[at];
      const was = best.get(id);
      if (!was || row < was.row) best.set(id, { row, part, at });
    })
  );
  const order = [...best.entries()].sort((a, b) => a[1].row - b[1].row);
  const values = new ARRAYS[array](order.length * width);
  order.forEach(
    ([, { part, at }], i) => values.set(parts[part].values.subarray(at * width, (at + 1) * width), i * width)
  );
  return {
    dtype,
    dims,
    array,
    ids: order.map(([id]) => id),
    rows: Float64Array.from(order, ([, b]) => b.row),
    values
  };
}
function rowsSource(rows, info = {}) {
  const width = rowWidth(rows.dtype, rows.dims);
  return {
    info: {
      path: "",
      format: "npy",
      ...info,
      dtype: rows.dtype,
      dims: rows.dims,
      rows: rows.ids.length,
      hasIds: true
    },
    async *batches() {
      for (let i = 0; i < rows.ids.length; i++)
        yield {
          rowOffset: rows.rows[i],
          rows: 1,
          dims: rows.dims,
          dtype: rows.dtype,
          values: rows.values.subarray(i * width, (i + 1) * width),
          ids: [rows.ids[i]]
        };
    },
    close: async () => {
    }
  };
}
function encodeRows(c, slice) {
  return {
    slice,
    dtype: c.dtype,
    dims: c.dims,
    array: c.array,
    ids: c.ids,
    rows: base64Of(c.rows),
    values: base64Of(c.values)
  };
}
function decodeRows(e) {
  if (!e || e.failed !== void 0) return void 0;
  const { dtype, dims, array, ids } = e;
  if (typeof dtype !== "string" || typeof dims !== "number" || !Number.isInteger(dims) || dims < 1)
    return void 0;
  if (!array || !Object.hasOwn(ARRAYS, array) || !Array.isArray(ids)) return void 0;
  if (ids.some((id) => typeof id !== "string")) return void 0;
  if (typeof e.rows !== "string" || typeof e.values !== "string") return void 0;
  const rows = arrayOf("Float64Array", e.rows);
  const values = arrayOf(array, e.values);
  if (!rows || !values || rows.length !== ids.length) return void 0;
  if (!rows.every((r) => Number.isSafeInteger(r) && r >= 0)) return void 0;
  if (values.length !== ids.length * rowWidth(dtype, dims)) return void 0;
  return { dtype, dims, array, ids, rows, values };
}
function mergedOf(entries) {
  const parts = [];
  for (const e of entries) {
    const d = decodeRows(e);
    if (!d) return void 0;
    parts.push(d);
  }
  return mergeRows(parts);
}
function noOutputs(examples) {
  return {
    values: new Float64Array(0),
    width: 0,
    found: new Uint8Array(examples),
    foundCount: 0,
    nonFinite: { rows: 0, firstIds: [] }
  };
}
function recordingConsumerRun(open4, shard, record, budget) {
  return async ({ consumer, side, vectors, index }) => {
    if (record.some((r) => r.consumer === consumer && r.side === side))
      return noOutputs(index.size);
    try {
      const whole = await open4(vectors.path, vectors.open);
      try {
        const slice = rowSlice(shard, whole.info.rows);
        const sliced = sliceSource(whole, slice, false, { rowNumberIds: true });
        const rows = await collectRows(sliced, (id) => index.has(id), budget);
        record.push({ consumer, side, ...encodeRows(rows, slice) });
        return noOutputs(index.size);
      } finally {
        await whole.close();
      }
    } catch (err) {
      if (err instanceof OverBudget) {
        record.push({ consumer, side, failed: err.message });
        return noOutputs(index.size);
      }
      record.push({ consumer, side, failed: err instanceof Error ? err.message : String(err) });
      throw err;
    }
  };
}
function mergedConsumerRun(shards, open4, used = { merged: 0, whole: 0 }) {
  const whole = runWhole({ openVectors: open4 });
  return async (request2) => {
    const { consumer, side, run } = request2;
    const merged = mergedOf(
      shards.map((entries) => entries?.find((x) => x.consumer === consumer && x.side === side))
    );
    if (merged && merged.ids.every((id) => request2.index.has(id))) {
      used.merged++;
      return run(rowsSource(merged));
    }
    used.whole++;
    return whole(request2);
  };
}
function recordingProbeRun(shard, record, budget) {
  return async ({ modality, source, ids }) => {
    const wanted = new Set(ids);
    try {
      const slice = rowSlice(shard, source.info.rows);
      const sliced = sliceSource(source, slice, false, { rowNumberIds: true });
      const rows = await collectRows(sliced, (id) => wanted.has(id), budget);
      record.push({ modality, ...encodeRows(rows, slice) });
    } catch (err) {
      record.push({ modality, failed: err instanceof Error ? err.message : String(err) });
    }
    return void 0;
  };
}
function mergedProbeRun(shards, used = { merged: 0, whole: 0 }) {
  return async (request2) => {
    const { modality, source, ids, run } = request2;
    const merged = mergedOf(shards.map((entries) => entries?.find((x) => x.modality === modality)));
    const known = new Set(ids);
    if (merged && merged.dtype === source.info.dtype && merged.dims === source.info.dims && merged.ids.every((id) => known.has(id))) {
      used.merged++;
      return run(rowsSource(merged, source.info));
    }
    used.whole++;
    return run(source);
  };
}

// src/gate/shard.ts
import { createHash as createHash5 } from "node:crypto";
function parseShard(text) {
  const m = /^\s*(\d{1,4})\s*\/\s*(\d{1,4})\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count3 = m ? Number(m[2]) : NaN;
  if (!m || count3 < 1 || count3 > 1024 || index < 1 || index > count3)
    throw new ConfigError(
      `--shard must be i/n with 1 \u2264 i \u2264 n \u2264 1024 (shard i of n, counted from 1), found "${text}"`
    );
  return { index, count: count3 };
}
function describeRequest(request2) {
  return {
    cwd: relative9(request2.workspace, request2.cwd) || ".",
    candidate: request2.candidate,
    ...request2.baseline !== void 0 && { baseline: request2.baseline },
    ...request2.baselineChannel !== void 0 && { baselineChannel: request2.baselineChannel },
    contracts: request2.contracts,
    ...request2.waivers !== void 0 && { waivers: request2.waivers },
    ...request2.registry !== void 0 && { registry: request2.registry },
    ...request2.suites !== void 0 && { suites: request2.suites },
    ...request2.seed !== void 0 && { seed: request2.seed },
    ...request2.compatibility && { compatibility: { ...request2.compatibility } },
    ...request2.staging && {
      staging: {
        ...request2.staging.maxModelBytes !== void 0 && {
          maxModelBytes: request2.staging.maxModelBytes
        },
        ...request2.staging.maxDataBytes !== void 0 && {
          maxDataBytes: request2.staging.maxDataBytes
        }
      }
    },
    ...request2.configLimits && { configLimits: { ...request2.configLimits } }
  };
}
async function planInputs(plan, deps) {
  const docs = [
    plan.candidate.loaded.doc,
    ...plan.baseline ? [plan.baseline.loaded.doc] : [],
    ...plan.contracts.map((c) => c.doc),
    ...plan.suites.map((s) => s.loaded.doc),
    ...plan.waivers ? [plan.waivers.doc] : [],
    ...plan.registry ? [plan.registry.doc] : []
  ];
  const inputs = docs.map((d) => ({
    file: d.file,
    sha256: sha256Text(canonicalJson(d.data ?? null))
  }));
  for (const p of plan.pointers) inputs.push({ file: p.shown, sha256: sha256Text(p.text) });
  const open4 = deps.openSource ?? openLocalSource;
  for (const version of [plan.candidate, plan.baseline]) {
    const vectors = version?.vectors;
    if (!vectors) continue;
    const declared = version.loaded.manifest?.vectors.sha256;
    let bytes;
    try {
      const source = await open4({ path: vectors.path, display: vectors.displayPath });
      bytes = source.size;
      await source.close();
    } catch {
    }
    inputs.push({
      file: vectors.displayPath,
      ...declared && { sha256: declared },
      ...bytes !== void 0 && { bytes }
    });
  }
  const named = new Set(inputs.map((i) => i.file));
  for (const suite of plan.suites) {
    for (const refs of suite.versions.values()) {
      for (const ref of [refs.queries, refs.corpus]) {
        if (!ref || named.has(ref.displayPath)) continue;
        named.add(ref.displayPath);
        inputs.push({ file: ref.displayPath, ...await sizeOf(ref, open4) });
      }
    }
  }
  const manifest = plan.candidate.loaded.manifest;
  const files = [];
  for (const c of manifest ? plan.contracts : []) {
    const staging = c.contract?.embedding === manifest.name ? c.contract.staging : void 0;
    if (!staging) continue;
    for (const field of ["model", "labels"])
      files.push({ doc: c.doc, field: ["staging", field], value: staging[field] });
  }
  const doc = plan.candidate.loaded.doc;
  const probes = [
    [["probe"], manifest?.probe],
    ...Object.entries(manifest?.encoders ?? {}).map(
      ([m, e]) => [["encoders", m, "probe"], e.probe]
    )
  ];
  for (const [at, probe] of probes) {
    if (!probe) continue;
    files.push({ doc, field: [...at, "model"], value: probe.model });
    files.push({ doc, field: [...at, "set"], value: probe.set });
  }
  for (const { doc: d, field, value } of files) {
    const path = resolveInWorkspace(d, field, value, plan.request.workspace);
    const display = relative9(plan.request.cwd, path) || path;
    if (named.has(display)) continue;
    named.add(display);
    inputs.push({ file: display, ...await hashOf({ path, displayPath: display }, open4) });
  }
  return inputs;
}
async function hashOf(ref, open4) {
  try {
    const source = await open4({ path: ref.path, display: ref.displayPath });
    try {
      const hash = createHash5("sha256");
      const chunk = new Uint8Array(1 << 20);
      for (let at = 0; at < source.size; ) {
        const n = await source.read(chunk, 0, Math.min(chunk.length, source.size - at), at);
        if (n <= 0) break;
        hash.update(chunk.subarray(0, n));
        at += n;
      }
      return { sha256: hash.digest("hex"), bytes: source.size };
    } finally {
      await source.close();
    }
  } catch {
    return {};
  }
}
async function sizeOf(ref, open4) {
  try {
    const source = await open4({ path: ref.path, display: ref.displayPath });
    const bytes = source.size;
    await source.close();
    return { bytes };
  } catch {
    return {};
  }
}
async function runShard(request2, deps, shard) {
  const plan = await resolvePlan(request2);
  const description = describeRequest(request2);
  const inputs = await planInputs(plan, deps);
  const collect = wantsIds(plan);
  const options = effectiveCompatibility(plan.registry, request2.compatibility);
  const keep = keepFor(Math.min(Math.max(options.sampleSize, 1), MAX_SAMPLE), shard.count);
  const samplers = {
    candidate: collect ? new SliceSampler(options.seed, keep, collect) : void 0,
    baseline: collect ? new SliceSampler(options.seed, keep, collect) : void 0
  };
  const o = deps.observer;
  const scan = async (side) => {
    const version = plan[side];
    const onRows = progressOf(o, "scan", "rows", side);
    const req = version && scanRequestFor(version, collect);
    const scanned = req && await scanShard(
      { ...req, ...onRows && { onRows } },
      shard,
      deps.openSource,
      samplers[side]
    );
    const sample = scanned && !isScanFailure(scanned) ? samplers[side]?.result() : void 0;
    return { scanned, sample };
  };
  const [
    { scanned: candidate, sample: candidateSample },
    { scanned: baseline, sample: baselineSample }
  ] = await observeStep(
    o,
    "scan",
    async () => [await scan("candidate"), await scan("baseline")],
    ([c, b]) => ({
      shard: `${shard.index}/${shard.count}`,
      candidateRows: c.scanned && !isScanFailure(c.scanned) ? c.scanned.rows : void 0,
      baselineRows: b.scanned && !isScanFailure(b.scanned) ? b.scanned.rows : void 0
    })
  );
  const runtime = trackRuntime(deps.ort);
  const knn = await observeStep(
    o,
    "benchmarks",
    () => benchmarkPasses(plan, { ...deps, ort: runtime.ort }, shard, candidate, baseline),
    (k) => ({ passes: k?.length ?? 0 })
  );
  const staged = await observeStep(
    o,
    "staging",
    () => stagingRuns(plan, { ...deps, ort: runtime.ort }, shard, candidate, baseline),
    (r) => ({ consumers: r?.staging?.length ?? 0, probes: r?.probes?.length ?? 0 })
  );
  const onnxRuntime = runtime.record();
  return {
    format: PARTIAL_FORMAT,
    version: PARTIAL_VERSION,
    tool: { name: "embedding-gate", version: deps.toolVersion },
    command: "check",
    plan: {
      digest: planDigest(deps.toolVersion, description, inputs),
      request: description,
      inputs
    },
    shard,
    scans: {
      ...candidate && { candidate },
      ...baseline && { baseline }
    },
    ...knn && { knn },
    ...staged?.staging && { staging: staged.staging },
    ...staged?.probes && { probes: staged.probes },
    ...onnxRuntime && { onnxRuntime },
    ...(candidateSample || baselineSample) && {
      samples: {
        ...candidateSample && { candidate: candidateSample },
        ...baselineSample && { baseline: baselineSample }
      }
    }
  };
}
async function benchmarkPasses(plan, deps, shard, candidate, baseline) {
  if (!candidate || "error" in candidate || !plan.candidate.loaded.manifest) return void 0;
  if (plan.suites.length === 0) return void 0;
  const record = [];
  const search = recordingSearch(
    corpusSearch(deps.openVectors ?? openVectors, deps.ort, shard),
    plan.request.workspace,
    record
  );
  const readableBaseline = baseline && !("error" in baseline) ? plan.baseline : void 0;
  try {
    await benchmarkStep(plan, { ...deps, benchmarkSearch: search }, readableBaseline);
  } catch {
  }
  return record;
}
async function stagingRuns(plan, deps, shard, candidate, baseline) {
  const manifest = plan.candidate.loaded.manifest;
  if (!candidate || "error" in candidate || !manifest) return void 0;
  const consumers = plan.contracts.some(
    (c) => c.contract?.embedding === manifest.name && c.contract.staging
  );
  const probes = manifest.probe !== void 0 || Object.values(manifest.encoders ?? {}).some((e) => e.probe !== void 0);
  if (!consumers && !probes) return void 0;
  const record = [];
  const probeRecord = [];
  const readableBaseline = baseline && !("error" in baseline) ? plan.baseline : void 0;
  const budget = { bytes: MAX_CARRIED_ROW_BYTES };
  const consumerRun = recordingConsumerRun(deps.openVectors ?? openVectors, shard, record, budget);
  const probeRun = recordingProbeRun(shard, probeRecord, budget);
  try {
    await stagingStep({
      ...stagingInput(plan, { ...deps, consumerRun, probeRun }, readableBaseline),
      recordOnly: true
    });
  } catch {
  }
  return {
    ...consumers && { staging: record },
    ...probes && { probes: probeRecord }
  };
}
async function runMerge(partials, request2, deps) {
  const ordered = checkShardSet(partials);
  const first = ordered[0].partial;
  if (first.tool.version !== deps.toolVersion)
    throw new ConfigError(
      `${ordered[0].file} was written by embedding-gate ${first.tool.version}; merge with the same version (this is ${deps.toolVersion})`
    );
  const described = first.plan.request;
  const gatePlan = {
    ...described,
    cwd: resolveInside(request2.workspace, described.cwd),
    workspace: request2.workspace,
    failOn: request2.failOn,
    ...request2.override && { override: request2.override },
    ...request2.keepRuns !== void 0 && { keepRuns: request2.keepRuns },
    ...request2.allowRemote !== void 0 && { allowRemote: request2.allowRemote }
  };
  const plan = await resolvePlan(gatePlan);
  const inputs = await planInputs(plan, deps);
  const digest = planDigest(deps.toolVersion, described, inputs);
  if (digest !== first.plan.digest) {
    const was = new Map(first.plan.inputs.map((i) => [i.file, canonicalJson(i)]));
    const changed3 = inputs.find((i) => was.get(i.file) !== canonicalJson(i));
    throw new ConfigError(
      `the partials were made from other files than the merge finds${changed3 ? `: ${changed3.file} changed` : ""} (digest ${first.plan.digest.slice(0, 12)}, here ${digest.slice(0, 12)}); rerun the shards on this commit`
    );
  }
  const merged = /* @__PURE__ */ new Map();
  for (const side of ["candidate", "baseline"]) {
    const parts = ordered.map((p) => p.partial.scans[side]);
    if (parts.some((p) => !p)) continue;
    const version = plan[side];
    const path = version?.vectors?.path;
    if (!path) continue;
    try {
      merged.set(path, mergeScanPartials(parts.map((p) => p)));
    } catch (err) {
      merged.set(path, err);
    }
  }
  const scan = async (req) => {
    const outcome = merged.get(req.path);
    if (!outcome)
      throw new ConfigError(`the partials hold no scan of ${req.displayPath}; rerun the shards`);
    if (outcome instanceof Error) throw outcome;
    return outcome;
  };
  const samplePaths = /* @__PURE__ */ new Map();
  for (const side of ["candidate", "baseline"]) {
    const path = plan[side]?.vectors?.path;
    if (path)
      samplePaths.set(
        path,
        ordered.map((p) => p.partial.samples?.[side])
      );
  }
  const sampleReads = { merged: 0, whole: 0 };
  const compatibilitySample = candidatesReader(
    samplePaths,
    readWhole(deps.openVectors ?? openVectors),
    sampleReads
  );
  const knnPasses = { merged: 0, whole: 0 };
  const benchmarkSearch = mergedSearch(
    ordered.map((p) => p.partial.knn),
    request2.workspace,
    corpusSearch(deps.openVectors ?? openVectors, deps.ort),
    knnPasses
  );
  const stagingRunsUsed = { merged: 0, whole: 0 };
  const consumerRun = mergedConsumerRun(
    ordered.map((p) => p.partial.staging),
    deps.openVectors ?? openVectors,
    stagingRunsUsed
  );
  const probeRunsUsed = { merged: 0, whole: 0 };
  const probeRun = mergedProbeRun(
    ordered.map((p) => p.partial.probes),
    probeRunsUsed
  );
  return {
    ...await executePlan(plan, {
      ...deps,
      scan,
      benchmarkSearch,
      consumerRun,
      probeRun,
      compatibilitySample,
      ...shardsRuntimeOf(ordered.map((p) => p.partial.onnxRuntime))
    }),
    knnPasses,
    sampleReads,
    stagingRuns: stagingRunsUsed,
    probeRuns: probeRunsUsed
  };
}
function shardsRuntimeOf(records) {
  const used = records.filter((r) => r !== void 0);
  const shown = used.find((r) => r.source === "wasm-fallback") ?? used[0];
  return shown ? { shardsRuntime: shown } : {};
}
function mergeLine(shards, outcome) {
  const { merged, whole } = outcome.knnPasses;
  const passes = merged + whole === 0 ? "no benchmark kNN passes" : `benchmark kNN passes: ${merged} from the shards' top-k lists, ${whole} run whole on this machine`;
  const sample = outcome.sampleReads;
  const rows = sample.merged + sample.whole === 0 ? "" : `; compatibility sample: ${sample.merged} version(s) from the shards' candidates, ${sample.whole} read whole`;
  const s = outcome.stagingRuns;
  const staged = s.merged + s.whole === 0 ? "" : `; staging: ${s.merged} version(s) of consumers' labeled rows from the shards, ${s.whole} read whole`;
  const p = outcome.probeRuns;
  const probed = p.merged + p.whole === 0 ? "" : `; probes: ${p.merged} from the shards' stored rows, ${p.whole} read whole`;
  return `merged ${shards} shard${shards === 1 ? "" : "s"}; ${passes}${rows}${staged}${probed}`;
}
function resolveInside(workspace, rel) {
  if (rel.startsWith("..") || rel.startsWith("/"))
    throw new ConfigError(
      `the partials' working directory "${rel}" lies outside the workspace ${workspace}`
    );
  return rel === "." ? workspace : `${workspace}/${rel}`;
}

// src/release/promote.ts
import { createHash as createHash6 } from "node:crypto";
async function describeRelease(manifest, registryPath, workspace, cwd, limits) {
  const loaded = await loadManifest(manifest, cwd, { limits, workspace });
  const m = loaded.manifest;
  if (!m) {
    const f = loaded.findings[0];
    throw new ConfigError(
      `${f.location?.file ?? manifest}:${f.location?.line ?? 1}:${f.location?.column ?? 1}: invalid manifest: ${f.message}`,
      f.location
    );
  }
  if (typeof m.vectors.path !== "string") {
    const location = loaded.doc.locate(["vectors", "path"]);
    throw new ConfigError(
      `${location.file}:${location.line}:${location.column}: vectors.path is a list of parts; the registry records one vectors file per version, so promote a version whose vectors.path names one file`,
      location
    );
  }
  const vectors = resolveInWorkspace(loaded.doc, ["vectors", "path"], m.vectors.path, workspace);
  const ids = m.vectors.ids ? resolveInWorkspace(loaded.doc, ["vectors", "ids"], m.vectors.ids, workspace) : void 0;
  try {
    const files = await hashRelease(
      registryPath,
      { manifest: loaded.doc.path, vectors, ...ids ? { ids } : {} },
      confinedOpener(workspace, openLocalSource)
    );
    return { name: m.name, version: m.version, manifestPath: loaded.doc.path, files };
  } catch (err) {
    if (err instanceof OutsideWorkspaceError) throw err;
    throw new ConfigError(
      `${manifest}: cannot hash the version's files: ${err.message}`
    );
  }
}
async function readReport(file, limits) {
  const text = await readSourceText(file, file, configLimits(limits).maxBytes, "report");
  let data;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(
      `${file}: not a JSON report (${err.message.split("\n")[0]}); write one with check --format json=${file}`,
      { file }
    );
  }
  const r = data;
  if (!r || typeof r !== "object" || r.tool?.name !== "embedding-gate" || typeof r.verdict !== "string" || !r.candidate) {
    throw new ConfigError(
      `${file}: not an embedding-gate JSON report (expected tool.name "embedding-gate", verdict and candidate)`
    );
  }
  if (r.schemaVersion !== 1)
    throw new ConfigError(
      `${file}: report schemaVersion ${String(r.schemaVersion)} is not one this embedding-gate reads (1)`
    );
  return { report: r, sha256: createHash6("sha256").update(text).digest("hex") };
}
function reportedManifest(evidence, reportFile, workspace, cwd) {
  const value = evidence.report.candidate.manifest;
  if (typeof value !== "string" || value === "")
    throw new ConfigError(`${reportFile}: the report names no candidate manifest`);
  const problem = pathProblem(value);
  if (problem !== void 0)
    throw new ConfigError(`${reportFile}: candidate.manifest ${quotePath(value)} ${problem}`);
  const { root, outside: outside2 } = placeInWorkspace(value, cwd, workspace);
  if (outside2)
    throw new ConfigError(
      `${reportFile}: candidate.manifest ${quotePath(value)} resolves outside the workspace ${root}; expected a manifest inside it (the gate reads nothing outside the workspace)`
    );
  return value;
}
async function requirePassingReport(evidence, release, reportFile) {
  const r = evidence.report;
  const gated = `${r.candidate.name ?? "?"} ${r.candidate.version ?? "?"}`;
  if (r.candidate.name !== release.name || r.candidate.version !== release.version) {
    throw new RegistryRefusal(
      "promote.report",
      `${reportFile} gated ${gated}, not ${release.name} ${release.version}; promote only what the report gated`
    );
  }
  if (r.verdict !== "pass") {
    throw new RegistryRefusal(
      "promote.report",
      `${reportFile}: the gate blocked ${gated} (verdict ${r.verdict}, ${r.counts?.error ?? "?"} error(s)); fix the findings and re-run check`
    );
  }
  if (r.failOn === "never") {
    throw new RegistryRefusal(
      "promote.report",
      `${reportFile} was written with --fail-on never, which passes everything; re-run check with --fail-on error or warning`
    );
  }
  if (!r.candidate.manifestSha256) {
    throw new RegistryRefusal(
      "promote.report",
      `${reportFile} does not record the gated manifest's sha256 (written by an older embedding-gate); re-run check`
    );
  }
  const now = release.files.manifest.sha256;
  if (now !== r.candidate.manifestSha256) {
    throw new RegistryRefusal(
      "promote.report",
      `${release.manifestPath} changed since it was gated (sha256 ${now}, the report gated ${r.candidate.manifestSha256}); re-run check on the manifest as it is`
    );
  }
}

// src/report/versioning.ts
function pinStatus(p) {
  if (!p.version) return "no released version matches";
  if (!p.sunset) return p.status ?? "";
  const days = p.daysLeft ?? 0;
  const when = days > 0 ? `${plural(days, "day")} left` : "past sunset";
  return `${p.status}, sunset ${p.sunset} (${when})`;
}
function compatibilityRows(c) {
  const t = c.thresholds;
  const rows = [];
  const self = c.selfRetrieval;
  if (self) {
    const ceiling = self.oldOnOld.recall1;
    const need = `\u2265 ${t.selfRecallRatio} \xD7 ${score(ceiling)} (old on old) to mix`;
    const r = (x) => `${score(x.recall1)} (recall@10 ${score(x.recall10)}, MRR ${score(x.mrr)})`;
    rows.push(["self-retrieval new \u2192 old, recall@1", r(self.newToOld), need]);
    rows.push(["self-retrieval old \u2192 new, recall@1", r(self.oldToNew), need]);
    rows.push([
      "ids nearer their old vector than its nearest neighbour",
      score(self.nearerThanNeighbour),
      `\u2265 ${t.nearerThanNeighbour} to mix`
    ]);
    rows.push([
      `mixed-index kNN overlap@${c.k}`,
      score(self.mixedOverlap),
      "what a mixed index keeps"
    ]);
  }
  if (c.sameIdCosine) {
    rows.push(["same-id cosine mean", score(c.sameIdCosine.mean), `\u2265 ${t.sameIdMean} to mix`]);
    rows.push(["same-id cosine p5", score(c.sameIdCosine.p5), `\u2265 ${t.sameIdP5} to mix`]);
  } else {
    rows.push(["same-id cosine", "n/a", `dims ${c.dims.baseline} \u2192 ${c.dims.candidate}`]);
  }
  rows.push([`kNN overlap@${c.k}`, score(c.knnOverlap), `\u2265 ${t.knnOverlap}: neighbourhoods kept`]);
  rows.push([
    "linear CKA",
    `${score(c.cka)} (debiased ${score(c.ckaDebiased)})`,
    `\u2265 ${t.cka}: neighbourhoods kept`
  ]);
  for (const x of c.crossVersion ?? []) {
    rows.push([
      `${x.suite} ${x.measure}, new on old / new on new`,
      score(x.newOnOld / x.newOnNew),
      `\u2265 ${t.crossVersionRatio} to mix`
    ]);
  }
  return rows;
}
function sampleLine(c) {
  return `${count(c.rows)} of ${count(c.shared)} shared ${c.matchedBy === "id" ? "ids" : "rows (matched by row number: a file has no ids)"}, seed ${c.seed}`;
}
function versioningMarkdown(report2) {
  const out = [];
  const c = report2.compatibility;
  if (c) {
    const icon = c.verdict === "mixable" ? "\u{1F500}" : "\u267B\uFE0F";
    out.push("### Space compatibility", "", `${icon} **${cell(c.summary)}**`, "");
    out.push("| measure | value | threshold |", "|---|---|---|");
    for (const [m, v, t] of compatibilityRows(c)) out.push(`| ${cell(m)} | ${v} | ${cell(t)} |`);
    out.push("", `Sample: ${sampleLine(c)}.`, "");
  }
  if (report2.pins?.length) {
    out.push(
      "### Consumers\u2019 pinned versions",
      "",
      "| consumer | embedding | accepts | pinned | status |",
      "|---|---|---|---|---|"
    );
    for (const p of report2.pins) {
      out.push(
        `| ${cell(p.consumer)} | ${cell(p.embedding)} | \`${cell(p.accepts)}\` | ${p.version ?? "\u2014"} | ${cell(pinStatus(p))} |`
      );
    }
    out.push("");
  }
  if (report2.lineage?.length) {
    out.push("### Lineage", "", "| | pointer | kind | compared |", "|---|---|---|---|");
    for (const l of report2.lineage) {
      const compared = l.compared.map((x) => `${x.field} ${x.ok ? "=" : "\u2260"} ${x.pointer}`).join(", ") || "nothing comparable";
      out.push(
        `| ${l.verified ? "\u2705" : "\u274C"} ${l.subject} | \`${cell(l.pointer)}\` | ${l.kind} | ${cell(compared)} |`
      );
    }
    out.push("");
  }
  return out;
}
function versioningText(report2) {
  const out = [];
  const b = report2.requiredBump;
  if (b) {
    const declared = b.declared ? `; ${b.from ?? "baseline"} -> ${b.to ?? "candidate"} declares ${b.declared}` : "";
    const verdict = b.sufficient === void 0 ? "" : b.sufficient ? " (sufficient)" : " (NOT sufficient)";
    out.push(`Required bump: ${b.level}${declared}${verdict}`);
    for (const r of b.reasons) out.push(`  ${r}`);
    out.push("");
  }
  const c = report2.compatibility;
  if (c) {
    out.push(`Space compatibility: ${c.summary}`);
    const rows = compatibilityRows(c);
    const wm = Math.max(...rows.map(([m]) => m.length));
    const wv = Math.max(...rows.map(([, v]) => v.length));
    for (const [m, v, t] of rows) out.push(`  ${pad(m, wm)}  ${pad(v, wv)}  ${t}`);
    out.push(`  sample: ${sampleLine(c)}`, "");
  }
  if (report2.pins?.length) {
    out.push("Pinned versions");
    const w = Math.max(...report2.pins.map((p) => p.consumer.length));
    for (const p of report2.pins)
      out.push(
        `  ${pad(p.consumer, w)}  ${pad(p.accepts, 14)} ${pad(p.version ?? "-", 10)} ${pinStatus(p)}`
      );
    out.push("");
  }
  if (report2.lineage?.length) {
    out.push("Lineage");
    for (const l of report2.lineage) {
      const compared = l.compared.map((x) => `${x.field} ${x.ok ? "=" : "!="} ${x.pointer}`).join(", ") || "nothing comparable";
      out.push(
        `  ${l.verified ? "ok  " : "FAIL"} ${pad(l.subject, 6)} ${l.pointer} (${l.kind}): ${compared}`
      );
    }
    out.push("");
  }
  return out;
}

// src/report/suites.ts
var WORST_SHOWN = 10;
function header(s) {
  const versions = s.baseline ? `${s.baseline.version} \u2192 ${s.candidate.version}` : s.candidate.version;
  return `${s.suite} (${count(s.queries)} judged queries, k = ${s.k}, ${versions}, seed ${s.seed})`;
}
function failing(report2, s) {
  return (report2.benchmarks ?? []).filter((b) => b.suite === s.suite && b.status !== "pass");
}
function suitesText(report2) {
  const out = [];
  for (const s of report2.suites ?? []) {
    out.push(`Benchmark ${header(s)}`);
    out.push(
      `  ${"metric".padEnd(14)} ${"baseline".padStart(9)} ${"candidate".padStart(9)} ${"delta".padStart(9)}`
    );
    for (const m of s.scores) {
      const recorded = m.recorded !== void 0 ? `  (recorded ${score(m.recorded)})` : "";
      out.push(
        `  ${m.metric.padEnd(14)} ${score(m.baseline).padStart(9)} ${score(m.candidate).padStart(9)} ${signed(m.delta).padStart(9)}${recorded}`
      );
    }
    for (const b of (report2.benchmarks ?? []).filter((x) => x.suite === s.suite)) {
      const ci = b.ci ? ` CI ${interval(b.ci)}` : "";
      const p = (b.p !== void 0 ? ` p ${pValue(b.p)}` : "") + (b.pHolm !== void 0 ? ` p(Holm) ${pValue(b.pHolm)}` : "") + (b.mde !== void 0 ? ` MDE ${score(b.mde)}` : "");
      out.push(
        `  ${b.status.padEnd(12)} ${b.consumer ?? ""} ${b.metric}: ${signed(b.delta)}${ci}${p}`
      );
    }
    for (const c of s.cross ?? []) {
      out.push(
        `  cross-version ${c.metric}: old q \xD7 old corpus ${score(c.baselineBaseline)}, new q \xD7 new corpus ${score(c.candidateCandidate)}, new q \xD7 old corpus ${score(c.candidateQueriesBaselineCorpus)}, old q \xD7 new corpus ${score(c.baselineQueriesCandidateCorpus)}`
      );
    }
    for (const b of failing(report2, s)) {
      const worst = s.regressions.find((r) => r.consumer === b.consumer && r.metric === b.metric)?.worst ?? [];
      if (!worst.length) continue;
      out.push(`  most regressed queries (${b.consumer}, ${b.metric}):`);
      for (const w of worst.slice(0, WORST_SHOWN)) {
        out.push(
          `    ${w.qid.padEnd(16)} ${score(w.baseline)} -> ${score(w.candidate)} (${signed(w.delta)})`
        );
      }
    }
    out.push("");
  }
  return out;
}
function suitesMarkdown(report2) {
  const out = [];
  for (const s of report2.suites ?? []) {
    out.push(
      `#### Suite ${cell(header(s))}`,
      "",
      "| metric | baseline | candidate | \u0394 | recorded |",
      "|---|---|---|---|---|"
    );
    for (const m of s.scores) {
      out.push(
        `| ${cell(m.metric)} | ${score(m.baseline)} | ${score(m.candidate)} | ${signed(m.delta)} | ${score(m.recorded)} |`
      );
    }
    out.push("");
    if (s.cross?.length) {
      out.push(
        "| cross-version | old queries \xD7 old corpus | new \xD7 new | new queries \xD7 old corpus | old queries \xD7 new corpus |",
        "|---|---|---|---|---|"
      );
      for (const c of s.cross) {
        out.push(
          `| ${cell(c.metric)} | ${score(c.baselineBaseline)} | ${score(c.candidateCandidate)} | ${score(c.candidateQueriesBaselineCorpus)} | ${score(c.baselineQueriesCandidateCorpus)} |`
        );
      }
      out.push("");
    }
    for (const b of failing(report2, s)) {
      const worst = s.regressions.find((r) => r.consumer === b.consumer && r.metric === b.metric)?.worst ?? [];
      if (!worst.length) continue;
      out.push(
        `<details><summary>Most regressed queries: ${cell(b.consumer ?? "")}, ${cell(b.metric)}</summary>`,
        ""
      );
      out.push("| query | baseline | candidate | \u0394 |", "|---|---|---|---|");
      for (const w of worst.slice(0, WORST_SHOWN))
        out.push(
          `| ${cell(w.qid)} | ${score(w.baseline)} | ${score(w.candidate)} | ${signed(w.delta)} |`
        );
      out.push("", "</details>", "");
    }
  }
  return out;
}

// src/report/staging.ts
var TEXT_MARK = { pass: "ok  ", fail: "FAIL", inconclusive: "warn", error: "ERR " };
var ICON2 = { pass: "\u2705", fail: "\u274C", inconclusive: "\u26A0\uFE0F", error: "\u274C" };
function mark(status, outcome) {
  return status === "pending" && outcome !== "pass" ? "warn" : TEXT_MARK[outcome];
}
function floor(c) {
  const parts = [];
  if (c.min !== void 0) parts.push(`\u2265 ${c.min}`);
  if (c.max !== void 0) parts.push(`\u2264 ${c.max}`);
  if (c.maxDrop !== void 0) parts.push(`${c.metric === "mse" ? "rise" : "drop"} \u2264 ${c.maxDrop}`);
  return parts.join(", ");
}
function consumerSummary(c) {
  if (c.candidate === void 0) return `${c.metric}: not measured (see findings)`;
  let s = `${c.metric} ${score(c.candidate)}`;
  if (c.baseline !== void 0 && c.delta !== void 0) {
    s += ` (baseline ${score(c.baseline)}, ${signed(c.delta)}`;
    if (c.ci) s += `, ${percent(c.ci.level)} CI ${interval(c.ci)}`;
    s += `, n = ${count(c.paired ?? c.examples)})`;
  } else {
    s += ` (n = ${count(c.examples)}, no baseline)`;
  }
  const rule2 = floor(c);
  return rule2 ? `${s}; requires ${rule2}` : s;
}
function probeSummary(p) {
  if (p.compared === void 0) return "not measured (see findings)";
  const over = p.exceeding ? `${count(p.exceeding)} over the tolerance, worst ${JSON.stringify(p.worst?.[0]?.id)}` : "all within";
  const missing = p.missing ? `, ${count(p.missing)} missing` : "";
  return `${count(p.compared)} of ${count(p.rows)} ids compared${missing}; max 1 \u2212 cos ${sci(p.maxDeviation)} (tolerance ${sci(p.tolerance)}): ${over}`;
}
function stagingText(report2) {
  const staging = report2.staging;
  if (!staging) return [];
  const out = ["Staging validation"];
  if (staging.consumers.length) {
    const width = Math.max(...staging.consumers.map((c) => c.consumer.length));
    for (const c of staging.consumers)
      out.push(
        `  ${mark(c.status, c.outcome)} ${c.consumer.padEnd(width)}  ${c.model}  ${consumerSummary(c)}`
      );
  }
  if (staging.probes.length) {
    out.push("  Reproducibility probes");
    const width = Math.max(...staging.probes.map((p) => p.modality.length));
    for (const p of staging.probes)
      out.push(
        `  ${TEXT_MARK[p.outcome]} ${p.modality.padEnd(width)}  ${p.model} on ${p.set}  ${probeSummary(p)}`
      );
  }
  out.push("");
  return out;
}
function stagingMarkdown(report2) {
  const staging = report2.staging;
  if (!staging) return [];
  const out = ["### Staging validation", ""];
  if (staging.consumers.length) {
    out.push(
      "| | consumer | model | metric | baseline | candidate | \u0394 (CI) | n | requires |",
      "|---|---|---|---|---|---|---|---|---|"
    );
    for (const c of staging.consumers) {
      const icon = c.status === "pending" && c.outcome !== "pass" ? "\u23F3" : ICON2[c.outcome];
      const change = c.delta === void 0 ? MISSING : `${signed(c.delta)}${c.ci ? ` ${interval(c.ci)}` : ""}`;
      out.push(
        `| ${icon} | ${cell(c.consumer)} | \`${cell(c.model)}\` | ${c.metric} | ${score(c.baseline)} | ${score(c.candidate)} | ${change} | ${count(c.paired ?? c.examples)} | ${cell(floor(c))} |`
      );
    }
    out.push("");
  }
  if (staging.probes.length) {
    out.push(
      "| | modality | model | probe set | compared | max 1 \u2212 cos | tolerance | worst ids |",
      "|---|---|---|---|---|---|---|---|"
    );
    for (const p of staging.probes) {
      const worst = (p.worst ?? []).filter((w) => w.deviation > p.tolerance).slice(0, 3).map((w) => `\`${cell(w.id)}\` ${sci(w.deviation)}`).join(", ");
      const compared = p.compared === void 0 ? MISSING : `${count(p.compared)} / ${count(p.rows)}`;
      out.push(
        `| ${ICON2[p.outcome]} | ${cell(p.modality)} | \`${cell(p.model)}\` | \`${cell(p.set)}\` | ${compared} | ${sci(p.maxDeviation)} | ${sci(p.tolerance)} | ${worst || MISSING} |`
      );
    }
    out.push("");
  }
  return out;
}

// src/report/markdown.ts
function formatMarkdown(report2, options = {}) {
  const out = [];
  const banner = report2.verdict === "pass" ? "\u2705" : "\u274C";
  out.push(`## ${banner} embedding-gate: ${versionLabel(report2.candidate)}`);
  out.push("");
  out.push(`**${verdictSentence(report2)}**`);
  if (report2.baseline) out.push("", `Baseline: ${versionLabel(report2.baseline)}`);
  out.push("");
  if (options.reducedNote) out.push(`> [!NOTE]`, `> ${options.reducedNote}`, "");
  out.push(...overrideSection(report2));
  const rows = [
    ["candidate", report2.candidate.vectors],
    ["baseline", report2.baseline?.vectors]
  ];
  if (rows.some(([, v]) => v)) {
    out.push("### Vectors", "", "| | file | shape | norms |", "|---|---|---|---|");
    for (const [label2, v] of rows) {
      if (v)
        out.push(
          `| ${label2} | \`${cell(v.file)}\` | ${cell(shapeLabel(v))} | ${cell(normsLabel(v))} |`
        );
    }
    out.push("");
  }
  out.push(...normChart(report2, options));
  const applicable = report2.consumers.filter(
    (c) => c.applies && options.consumers !== "none" && (options.consumers !== "unsatisfied" || !c.satisfied)
  );
  if (applicable.length) {
    const kinds = [...new Set(applicable.flatMap((c) => c.requirements.map((r) => r.requirement)))];
    const waived = suppressedRequirements(report2);
    out.push("### Consumers", "");
    out.push(`| consumer | owner | status | ${kinds.join(" | ")} |`);
    out.push(`|---|---|---|${kinds.map(() => "---").join("|")}|`);
    for (const c of applicable) {
      const marks = kinds.map((k) => {
        const r = c.requirements.find((x) => x.requirement === k);
        if (!r) return "\u2014";
        if (r.ok) return "\u2705";
        const suppressed = waived.get(`${c.consumer}\0contract.${r.requirement}`);
        if (suppressed) return `\u{1F515} ${suppressed}: needs ${cell(r.expected)}, has ${cell(r.found)}`;
        return `${c.status === "pending" ? "\u23F3" : "\u274C"} needs ${cell(r.expected)}, has ${cell(r.found)}`;
      });
      out.push(`| ${cell(c.consumer)} | ${cell(c.owner)} | ${c.status} | ${marks.join(" | ")} |`);
    }
    out.push("");
  }
  if (report2.changes?.length) {
    out.push(
      `### Changes from ${report2.baseline?.version ?? "baseline"}`,
      "",
      "| field | from | to |",
      "|---|---|---|"
    );
    for (const ch of report2.changes)
      out.push(`| ${ch.field} | ${cell(ch.from)} | ${cell(ch.to)} |`);
    out.push("");
  }
  if (report2.coverage) {
    const c = report2.coverage;
    out.push(
      `Id coverage: ${count(c.candidateIds)} candidate ids, ${count(c.baselineIds)} baseline ids, **${count(c.missing)} missing**, ${count(c.added)} new.`,
      ""
    );
  }
  out.push(
    ...benchmarkSection(report2, options),
    ...options.benchmarks === "none" ? [] : suitesMarkdown(report2),
    ...options.benchmarks === "none" ? [] : stagingMarkdown(report2),
    ...bumpSection2(report2),
    ...versioningMarkdown(report2),
    ...report2.onnxRuntime ? [`ONNX runtime: ${cell(runtimeLabel(report2.onnxRuntime))}.`, ""] : []
  );
  out.push(...findingsSection2(report2, options));
  return out.join("\n");
}
function suppressedRequirements(report2) {
  const out = /* @__PURE__ */ new Map();
  for (const f of report2.findings) {
    if (f.consumer && f.suppressed)
      out.set(`${f.consumer}\0${f.id}`, f.suppressed.kind === "waiver" ? "waived" : "overridden");
  }
  return out;
}

export {
  isDatasetPattern,
  listLocalDataset,
  VERSION,
  openVectors,
  sha256File,
  scanVectors,
  defaultDeps,
  confineDeps,
  BenchParseError,
  UnknownMetricError,
  InvalidRunError,
  EvaluationError,
  KnnInputError,
  readQueries,
  writeFileAtomic,
  writeLinesAtomic,
  PARTIAL_FORMAT,
  PARTIAL_VERSION,
  planDigest,
  serialisePartial,
  parsePartial,
  checkShardSet,
  glob,
  require_semver2 as require_semver,
  loadRegistry,
  requireValid,
  readQrelsFile,
  sortFindings,
  RegistryRefusal,
  promote,
  rollback,
  deprecate,
  updateRegistry,
  compareBytes,
  judgeRanking,
  trecRunLines,
  exactKnn,
  mergeKnnResults,
  rowSlice,
  sliceSource,
  readRunFile,
  MEASURE_FAMILIES,
  FAMILY_BY_NAME,
  relString,
  FRIENDLY_CUTOFF,
  FRIENDLY_PLAIN,
  progressOf,
  MANIFEST_NORM_TOLERANCE,
  checkVectors,
  unreadableFinding,
  TODO,
  TODO_SHA256,
  REPORT_SCHEMA_VERSION,
  decideVerdict,
  isBlocking,
  countFindings,
  runGate,
  scanShard,
  mergeScanPartials,
  parseShard,
  runShard,
  runMerge,
  mergeLine,
  cell,
  pad,
  versionLabel,
  shapeLabel,
  normsLabel,
  runtimeLabel,
  countsLabel,
  verdictSentence,
  whereLabel,
  progressText,
  formatHtml,
  formatJson,
  suppressionLabel,
  selectFindings,
  findingRow,
  formatJunit,
  pinStatus,
  compatibilityRows,
  versioningText,
  suitesText,
  stagingText,
  formatMarkdown,
  formatSarif,
  readmeUrlFromEnv,
  describeRelease,
  readReport,
  reportedManifest,
  requirePassingReport
};
