#!/usr/bin/env node
import { createRequire as __egCreateRequire } from 'node:module';
const require = __egCreateRequire(import.meta.url);
import {
  BenchParseError,
  EvaluationError,
  FAMILY_BY_NAME,
  FRIENDLY_CUTOFF,
  FRIENDLY_PLAIN,
  InvalidRunError,
  KnnInputError,
  MANIFEST_NORM_TOLERANCE,
  MEASURE_FAMILIES,
  PARTIAL_FORMAT,
  PARTIAL_VERSION,
  REPORT_SCHEMA_VERSION,
  RegistryRefusal,
  TODO,
  TODO_SHA256,
  UnknownMetricError,
  VERSION,
  cell,
  checkShardSet,
  checkVectors,
  compareBytes,
  compatibilityRows,
  confineDeps,
  countFindings,
  countsLabel,
  decideVerdict,
  defaultDeps,
  deprecate,
  describeRelease,
  exactKnn,
  formatHtml,
  formatJson,
  formatJunit,
  formatMarkdown,
  formatSarif,
  isDatasetPattern,
  judgeRanking,
  listLocalDataset,
  loadRegistry,
  mergeKnnResults,
  mergeLine,
  mergeScanPartials,
  normsLabel,
  openVectors,
  pad,
  parsePartial,
  parseShard,
  pinStatus,
  planDigest,
  progressOf,
  progressText,
  promote,
  readQrelsFile,
  readQueries,
  readReport,
  readRunFile,
  readmeUrlFromEnv,
  relString,
  reportedManifest,
  requirePassingReport,
  requireValid,
  require_semver,
  rollback,
  rowSlice,
  runGate,
  runMerge,
  runShard,
  runtimeLabel,
  scanShard,
  scanVectors,
  serialisePartial,
  sha256File,
  shapeLabel,
  sliceSource,
  sortFindings,
  stagingText,
  suitesText,
  suppressionLabel,
  trecRunLines,
  unreadableFinding,
  updateRegistry,
  verdictSentence,
  versionLabel,
  versioningText,
  whereLabel,
  writeFileAtomic,
  writeLinesAtomic
} from "./chunks/chunk-BTPZO7KF.js";
import "./chunks/chunk-2D3LFMXS.js";
import "./chunks/chunk-C4EWOFBM.js";
import {
  DEFAULT_CONFIG_LIMITS,
  MISSING,
  REMOTE_REF,
  RuntimeUnavailableError,
  count,
  describeFsError,
  openLocalSource,
  pathProblem,
  quotePath,
  redactUrl,
  score,
  seconds,
  signed
} from "./chunks/chunk-X22DNU2F.js";
import "./chunks/chunk-VTONPRI7.js";
import "./chunks/chunk-CQLA25CY.js";
import {
  isPgRef,
  redact
} from "./chunks/chunk-2CXMMPSV.js";
import "./chunks/chunk-R56NE3ZG.js";
import "./chunks/chunk-SGSTHD3E.js";
import {
  ConfigError
} from "./chunks/chunk-O57DMMLW.js";
import {
  VECTOR_DTYPES,
  VECTOR_FORMATS,
  VectorFileError
} from "./chunks/chunk-L2CUIFHJ.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunks/chunk-GE2CBHQP.js";

// node_modules/commander/lib/error.js
var require_error = __commonJS({
  "node_modules/commander/lib/error.js"(exports) {
    var CommanderError2 = class extends Error {
      /**
       * Constructs the CommanderError class
       * @param {number} exitCode suggested exit code which could be used with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       */
      constructor(exitCode, code, message) {
        super(message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
        this.code = code;
        this.exitCode = exitCode;
        this.nestedError = void 0;
      }
    };
    var InvalidArgumentError2 = class extends CommanderError2 {
      /**
       * Constructs the InvalidArgumentError class
       * @param {string} [message] explanation of why argument is invalid
       */
      constructor(message) {
        super(1, "commander.invalidArgument", message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
      }
    };
    exports.CommanderError = CommanderError2;
    exports.InvalidArgumentError = InvalidArgumentError2;
  }
});

// node_modules/commander/lib/argument.js
var require_argument = __commonJS({
  "node_modules/commander/lib/argument.js"(exports) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Argument2 = class {
      /**
       * Initialize a new command argument with the given name and description.
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @param {string} name
       * @param {string} [description]
       */
      constructor(name, description) {
        this.description = description || "";
        this.variadic = false;
        this.parseArg = void 0;
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.argChoices = void 0;
        switch (name[0]) {
          case "<":
            this.required = true;
            this._name = name.slice(1, -1);
            break;
          case "[":
            this.required = false;
            this._name = name.slice(1, -1);
            break;
          default:
            this.required = true;
            this._name = name;
            break;
        }
        if (this._name.endsWith("...")) {
          this.variadic = true;
          this._name = this._name.slice(0, -3);
        }
      }
      /**
       * Return argument name.
       *
       * @return {string}
       */
      name() {
        return this._name;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Argument}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Set the custom handler for processing CLI command arguments into argument values.
       *
       * @param {Function} [fn]
       * @return {Argument}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Only allow argument value to be one of choices.
       *
       * @param {string[]} values
       * @return {Argument}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Make argument required.
       *
       * @returns {Argument}
       */
      argRequired() {
        this.required = true;
        return this;
      }
      /**
       * Make argument optional.
       *
       * @returns {Argument}
       */
      argOptional() {
        this.required = false;
        return this;
      }
    };
    function humanReadableArgName(arg) {
      const nameOutput = arg.name() + (arg.variadic === true ? "..." : "");
      return arg.required ? "<" + nameOutput + ">" : "[" + nameOutput + "]";
    }
    exports.Argument = Argument2;
    exports.humanReadableArgName = humanReadableArgName;
  }
});

// node_modules/commander/lib/help.js
var require_help = __commonJS({
  "node_modules/commander/lib/help.js"(exports) {
    var { humanReadableArgName } = require_argument();
    var Help2 = class {
      constructor() {
        this.helpWidth = void 0;
        this.minWidthToWrap = 40;
        this.sortSubcommands = false;
        this.sortOptions = false;
        this.showGlobalOptions = false;
      }
      /**
       * prepareContext is called by Commander after applying overrides from `Command.configureHelp()`
       * and just before calling `formatHelp()`.
       *
       * Commander just uses the helpWidth and the rest is provided for optional use by more complex subclasses.
       *
       * @param {{ error?: boolean, helpWidth?: number, outputHasColors?: boolean }} contextOptions
       */
      prepareContext(contextOptions) {
        this.helpWidth = this.helpWidth ?? contextOptions.helpWidth ?? 80;
      }
      /**
       * Get an array of the visible subcommands. Includes a placeholder for the implicit help command, if there is one.
       *
       * @param {Command} cmd
       * @returns {Command[]}
       */
      visibleCommands(cmd) {
        const visibleCommands = cmd.commands.filter((cmd2) => !cmd2._hidden);
        const helpCommand = cmd._getHelpCommand();
        if (helpCommand && !helpCommand._hidden) {
          visibleCommands.push(helpCommand);
        }
        if (this.sortSubcommands) {
          visibleCommands.sort((a, b) => {
            return a.name().localeCompare(b.name());
          });
        }
        return visibleCommands;
      }
      /**
       * Compare options for sort.
       *
       * @param {Option} a
       * @param {Option} b
       * @returns {number}
       */
      compareOptions(a, b) {
        const getSortKey = (option) => {
          return option.short ? option.short.replace(/^-/, "") : option.long.replace(/^--/, "");
        };
        return getSortKey(a).localeCompare(getSortKey(b));
      }
      /**
       * Get an array of the visible options. Includes a placeholder for the implicit help option, if there is one.
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleOptions(cmd) {
        const visibleOptions = cmd.options.filter((option) => !option.hidden);
        const helpOption = cmd._getHelpOption();
        if (helpOption && !helpOption.hidden) {
          const removeShort = helpOption.short && cmd._findOption(helpOption.short);
          const removeLong = helpOption.long && cmd._findOption(helpOption.long);
          if (!removeShort && !removeLong) {
            visibleOptions.push(helpOption);
          } else if (helpOption.long && !removeLong) {
            visibleOptions.push(
              cmd.createOption(helpOption.long, helpOption.description)
            );
          } else if (helpOption.short && !removeShort) {
            visibleOptions.push(
              cmd.createOption(helpOption.short, helpOption.description)
            );
          }
        }
        if (this.sortOptions) {
          visibleOptions.sort(this.compareOptions);
        }
        return visibleOptions;
      }
      /**
       * Get an array of the visible global options. (Not including help.)
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleGlobalOptions(cmd) {
        if (!this.showGlobalOptions) return [];
        const globalOptions = [];
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          const visibleOptions = ancestorCmd.options.filter(
            (option) => !option.hidden
          );
          globalOptions.push(...visibleOptions);
        }
        if (this.sortOptions) {
          globalOptions.sort(this.compareOptions);
        }
        return globalOptions;
      }
      /**
       * Get an array of the arguments if any have a description.
       *
       * @param {Command} cmd
       * @returns {Argument[]}
       */
      visibleArguments(cmd) {
        if (cmd._argsDescription) {
          cmd.registeredArguments.forEach((argument) => {
            argument.description = argument.description || cmd._argsDescription[argument.name()] || "";
          });
        }
        if (cmd.registeredArguments.find((argument) => argument.description)) {
          return cmd.registeredArguments;
        }
        return [];
      }
      /**
       * Get the command term to show in the list of subcommands.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandTerm(cmd) {
        const args = cmd.registeredArguments.map((arg) => humanReadableArgName(arg)).join(" ");
        return cmd._name + (cmd._aliases[0] ? "|" + cmd._aliases[0] : "") + (cmd.options.length ? " [options]" : "") + // simplistic check for non-help option
        (args ? " " + args : "");
      }
      /**
       * Get the option term to show in the list of options.
       *
       * @param {Option} option
       * @returns {string}
       */
      optionTerm(option) {
        return option.flags;
      }
      /**
       * Get the argument term to show in the list of arguments.
       *
       * @param {Argument} argument
       * @returns {string}
       */
      argumentTerm(argument) {
        return argument.name();
      }
      /**
       * Get the longest command term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestSubcommandTermLength(cmd, helper) {
        return helper.visibleCommands(cmd).reduce((max, command) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleSubcommandTerm(helper.subcommandTerm(command))
            )
          );
        }, 0);
      }
      /**
       * Get the longest option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestOptionTermLength(cmd, helper) {
        return helper.visibleOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest global option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestGlobalOptionTermLength(cmd, helper) {
        return helper.visibleGlobalOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest argument term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestArgumentTermLength(cmd, helper) {
        return helper.visibleArguments(cmd).reduce((max, argument) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleArgumentTerm(helper.argumentTerm(argument))
            )
          );
        }, 0);
      }
      /**
       * Get the command usage to be displayed at the top of the built-in help.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandUsage(cmd) {
        let cmdName = cmd._name;
        if (cmd._aliases[0]) {
          cmdName = cmdName + "|" + cmd._aliases[0];
        }
        let ancestorCmdNames = "";
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          ancestorCmdNames = ancestorCmd.name() + " " + ancestorCmdNames;
        }
        return ancestorCmdNames + cmdName + " " + cmd.usage();
      }
      /**
       * Get the description for the command.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandDescription(cmd) {
        return cmd.description();
      }
      /**
       * Get the subcommand summary to show in the list of subcommands.
       * (Fallback to description for backwards compatibility.)
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandDescription(cmd) {
        return cmd.summary() || cmd.description();
      }
      /**
       * Get the option description to show in the list of options.
       *
       * @param {Option} option
       * @return {string}
       */
      optionDescription(option) {
        const extraInfo = [];
        if (option.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${option.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (option.defaultValue !== void 0) {
          const showDefault = option.required || option.optional || option.isBoolean() && typeof option.defaultValue === "boolean";
          if (showDefault) {
            extraInfo.push(
              `default: ${option.defaultValueDescription || JSON.stringify(option.defaultValue)}`
            );
          }
        }
        if (option.presetArg !== void 0 && option.optional) {
          extraInfo.push(`preset: ${JSON.stringify(option.presetArg)}`);
        }
        if (option.envVar !== void 0) {
          extraInfo.push(`env: ${option.envVar}`);
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (option.description) {
            return `${option.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return option.description;
      }
      /**
       * Get the argument description to show in the list of arguments.
       *
       * @param {Argument} argument
       * @return {string}
       */
      argumentDescription(argument) {
        const extraInfo = [];
        if (argument.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${argument.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (argument.defaultValue !== void 0) {
          extraInfo.push(
            `default: ${argument.defaultValueDescription || JSON.stringify(argument.defaultValue)}`
          );
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (argument.description) {
            return `${argument.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return argument.description;
      }
      /**
       * Format a list of items, given a heading and an array of formatted items.
       *
       * @param {string} heading
       * @param {string[]} items
       * @param {Help} helper
       * @returns string[]
       */
      formatItemList(heading, items, helper) {
        if (items.length === 0) return [];
        return [helper.styleTitle(heading), ...items, ""];
      }
      /**
       * Group items by their help group heading.
       *
       * @param {Command[] | Option[]} unsortedItems
       * @param {Command[] | Option[]} visibleItems
       * @param {Function} getGroup
       * @returns {Map<string, Command[] | Option[]>}
       */
      groupItems(unsortedItems, visibleItems, getGroup) {
        const result = /* @__PURE__ */ new Map();
        unsortedItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) result.set(group, []);
        });
        visibleItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) {
            result.set(group, []);
          }
          result.get(group).push(item);
        });
        return result;
      }
      /**
       * Generate the built-in help text.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {string}
       */
      formatHelp(cmd, helper) {
        const termWidth = helper.padWidth(cmd, helper);
        const helpWidth = helper.helpWidth ?? 80;
        function callFormatItem(term, description) {
          return helper.formatItem(term, termWidth, description, helper);
        }
        let output = [
          `${helper.styleTitle("Usage:")} ${helper.styleUsage(helper.commandUsage(cmd))}`,
          ""
        ];
        const commandDescription = helper.commandDescription(cmd);
        if (commandDescription.length > 0) {
          output = output.concat([
            helper.boxWrap(
              helper.styleCommandDescription(commandDescription),
              helpWidth
            ),
            ""
          ]);
        }
        const argumentList = helper.visibleArguments(cmd).map((argument) => {
          return callFormatItem(
            helper.styleArgumentTerm(helper.argumentTerm(argument)),
            helper.styleArgumentDescription(helper.argumentDescription(argument))
          );
        });
        output = output.concat(
          this.formatItemList("Arguments:", argumentList, helper)
        );
        const optionGroups = this.groupItems(
          cmd.options,
          helper.visibleOptions(cmd),
          (option) => option.helpGroupHeading ?? "Options:"
        );
        optionGroups.forEach((options, group) => {
          const optionList = options.map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output = output.concat(this.formatItemList(group, optionList, helper));
        });
        if (helper.showGlobalOptions) {
          const globalOptionList = helper.visibleGlobalOptions(cmd).map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output = output.concat(
            this.formatItemList("Global Options:", globalOptionList, helper)
          );
        }
        const commandGroups = this.groupItems(
          cmd.commands,
          helper.visibleCommands(cmd),
          (sub) => sub.helpGroup() || "Commands:"
        );
        commandGroups.forEach((commands, group) => {
          const commandList = commands.map((sub) => {
            return callFormatItem(
              helper.styleSubcommandTerm(helper.subcommandTerm(sub)),
              helper.styleSubcommandDescription(helper.subcommandDescription(sub))
            );
          });
          output = output.concat(this.formatItemList(group, commandList, helper));
        });
        return output.join("\n");
      }
      /**
       * Return display width of string, ignoring ANSI escape sequences. Used in padding and wrapping calculations.
       *
       * @param {string} str
       * @returns {number}
       */
      displayWidth(str) {
        return stripColor(str).length;
      }
      /**
       * Style the title for displaying in the help. Called with 'Usage:', 'Options:', etc.
       *
       * @param {string} str
       * @returns {string}
       */
      styleTitle(str) {
        return str;
      }
      styleUsage(str) {
        return str.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word === "[command]") return this.styleSubcommandText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleCommandText(word);
        }).join(" ");
      }
      styleCommandDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleOptionDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleSubcommandDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleArgumentDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleDescriptionText(str) {
        return str;
      }
      styleOptionTerm(str) {
        return this.styleOptionText(str);
      }
      styleSubcommandTerm(str) {
        return str.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleSubcommandText(word);
        }).join(" ");
      }
      styleArgumentTerm(str) {
        return this.styleArgumentText(str);
      }
      styleOptionText(str) {
        return str;
      }
      styleArgumentText(str) {
        return str;
      }
      styleSubcommandText(str) {
        return str;
      }
      styleCommandText(str) {
        return str;
      }
      /**
       * Calculate the pad width from the maximum term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      padWidth(cmd, helper) {
        return Math.max(
          helper.longestOptionTermLength(cmd, helper),
          helper.longestGlobalOptionTermLength(cmd, helper),
          helper.longestSubcommandTermLength(cmd, helper),
          helper.longestArgumentTermLength(cmd, helper)
        );
      }
      /**
       * Detect manually wrapped and indented strings by checking for line break followed by whitespace.
       *
       * @param {string} str
       * @returns {boolean}
       */
      preformatted(str) {
        return /\n[^\S\r\n]/.test(str);
      }
      /**
       * Format the "item", which consists of a term and description. Pad the term and wrap the description, indenting the following lines.
       *
       * So "TTT", 5, "DDD DDDD DD DDD" might be formatted for this.helpWidth=17 like so:
       *   TTT  DDD DDDD
       *        DD DDD
       *
       * @param {string} term
       * @param {number} termWidth
       * @param {string} description
       * @param {Help} helper
       * @returns {string}
       */
      formatItem(term, termWidth, description, helper) {
        const itemIndent = 2;
        const itemIndentStr = " ".repeat(itemIndent);
        if (!description) return itemIndentStr + term;
        const paddedTerm = term.padEnd(
          termWidth + term.length - helper.displayWidth(term)
        );
        const spacerWidth = 2;
        const helpWidth = this.helpWidth ?? 80;
        const remainingWidth = helpWidth - termWidth - spacerWidth - itemIndent;
        let formattedDescription;
        if (remainingWidth < this.minWidthToWrap || helper.preformatted(description)) {
          formattedDescription = description;
        } else {
          const wrappedDescription = helper.boxWrap(description, remainingWidth);
          formattedDescription = wrappedDescription.replace(
            /\n/g,
            "\n" + " ".repeat(termWidth + spacerWidth)
          );
        }
        return itemIndentStr + paddedTerm + " ".repeat(spacerWidth) + formattedDescription.replace(/\n/g, `
${itemIndentStr}`);
      }
      /**
       * Wrap a string at whitespace, preserving existing line breaks.
       * Wrapping is skipped if the width is less than `minWidthToWrap`.
       *
       * @param {string} str
       * @param {number} width
       * @returns {string}
       */
      boxWrap(str, width) {
        if (width < this.minWidthToWrap) return str;
        const rawLines = str.split(/\r\n|\n/);
        const chunkPattern = /[\s]*[^\s]+/g;
        const wrappedLines = [];
        rawLines.forEach((line2) => {
          const chunks = line2.match(chunkPattern);
          if (chunks === null) {
            wrappedLines.push("");
            return;
          }
          let sumChunks = [chunks.shift()];
          let sumWidth = this.displayWidth(sumChunks[0]);
          chunks.forEach((chunk) => {
            const visibleWidth = this.displayWidth(chunk);
            if (sumWidth + visibleWidth <= width) {
              sumChunks.push(chunk);
              sumWidth += visibleWidth;
              return;
            }
            wrappedLines.push(sumChunks.join(""));
            const nextChunk = chunk.trimStart();
            sumChunks = [nextChunk];
            sumWidth = this.displayWidth(nextChunk);
          });
          wrappedLines.push(sumChunks.join(""));
        });
        return wrappedLines.join("\n");
      }
    };
    function stripColor(str) {
      const sgrPattern = /\x1b\[\d*(;\d*)*m/g;
      return str.replace(sgrPattern, "");
    }
    exports.Help = Help2;
    exports.stripColor = stripColor;
  }
});

// node_modules/commander/lib/option.js
var require_option = __commonJS({
  "node_modules/commander/lib/option.js"(exports) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Option2 = class {
      /**
       * Initialize a new `Option` with the given `flags` and `description`.
       *
       * @param {string} flags
       * @param {string} [description]
       */
      constructor(flags, description) {
        this.flags = flags;
        this.description = description || "";
        this.required = flags.includes("<");
        this.optional = flags.includes("[");
        this.variadic = /\w\.\.\.[>\]]$/.test(flags);
        this.mandatory = false;
        const optionFlags = splitOptionFlags(flags);
        this.short = optionFlags.shortFlag;
        this.long = optionFlags.longFlag;
        this.negate = false;
        if (this.long) {
          this.negate = this.long.startsWith("--no-");
        }
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.presetArg = void 0;
        this.envVar = void 0;
        this.parseArg = void 0;
        this.hidden = false;
        this.argChoices = void 0;
        this.conflictsWith = [];
        this.implied = void 0;
        this.helpGroupHeading = void 0;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Option}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Preset to use when option used without option-argument, especially optional but also boolean and negated.
       * The custom processing (parseArg) is called.
       *
       * @example
       * new Option('--color').default('GREYSCALE').preset('RGB');
       * new Option('--donate [amount]').preset('20').argParser(parseFloat);
       *
       * @param {*} arg
       * @return {Option}
       */
      preset(arg) {
        this.presetArg = arg;
        return this;
      }
      /**
       * Add option name(s) that conflict with this option.
       * An error will be displayed if conflicting options are found during parsing.
       *
       * @example
       * new Option('--rgb').conflicts('cmyk');
       * new Option('--js').conflicts(['ts', 'jsx']);
       *
       * @param {(string | string[])} names
       * @return {Option}
       */
      conflicts(names) {
        this.conflictsWith = this.conflictsWith.concat(names);
        return this;
      }
      /**
       * Specify implied option values for when this option is set and the implied options are not.
       *
       * The custom processing (parseArg) is not called on the implied values.
       *
       * @example
       * program
       *   .addOption(new Option('--log', 'write logging information to file'))
       *   .addOption(new Option('--trace', 'log extra details').implies({ log: 'trace.txt' }));
       *
       * @param {object} impliedOptionValues
       * @return {Option}
       */
      implies(impliedOptionValues) {
        let newImplied = impliedOptionValues;
        if (typeof impliedOptionValues === "string") {
          newImplied = { [impliedOptionValues]: true };
        }
        this.implied = Object.assign(this.implied || {}, newImplied);
        return this;
      }
      /**
       * Set environment variable to check for option value.
       *
       * An environment variable is only used if when processed the current option value is
       * undefined, or the source of the current value is 'default' or 'config' or 'env'.
       *
       * @param {string} name
       * @return {Option}
       */
      env(name) {
        this.envVar = name;
        return this;
      }
      /**
       * Set the custom handler for processing CLI option arguments into option values.
       *
       * @param {Function} [fn]
       * @return {Option}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Whether the option is mandatory and must have a value after parsing.
       *
       * @param {boolean} [mandatory=true]
       * @return {Option}
       */
      makeOptionMandatory(mandatory = true) {
        this.mandatory = !!mandatory;
        return this;
      }
      /**
       * Hide option in help.
       *
       * @param {boolean} [hide=true]
       * @return {Option}
       */
      hideHelp(hide = true) {
        this.hidden = !!hide;
        return this;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Only allow option value to be one of choices.
       *
       * @param {string[]} values
       * @return {Option}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Return option name.
       *
       * @return {string}
       */
      name() {
        if (this.long) {
          return this.long.replace(/^--/, "");
        }
        return this.short.replace(/^-/, "");
      }
      /**
       * Return option name, in a camelcase format that can be used
       * as an object attribute key.
       *
       * @return {string}
       */
      attributeName() {
        if (this.negate) {
          return camelcase(this.name().replace(/^no-/, ""));
        }
        return camelcase(this.name());
      }
      /**
       * Set the help group heading.
       *
       * @param {string} heading
       * @return {Option}
       */
      helpGroup(heading) {
        this.helpGroupHeading = heading;
        return this;
      }
      /**
       * Check if `arg` matches the short or long flag.
       *
       * @param {string} arg
       * @return {boolean}
       * @package
       */
      is(arg) {
        return this.short === arg || this.long === arg;
      }
      /**
       * Return whether a boolean option.
       *
       * Options are one of boolean, negated, required argument, or optional argument.
       *
       * @return {boolean}
       * @package
       */
      isBoolean() {
        return !this.required && !this.optional && !this.negate;
      }
    };
    var DualOptions = class {
      /**
       * @param {Option[]} options
       */
      constructor(options) {
        this.positiveOptions = /* @__PURE__ */ new Map();
        this.negativeOptions = /* @__PURE__ */ new Map();
        this.dualOptions = /* @__PURE__ */ new Set();
        options.forEach((option) => {
          if (option.negate) {
            this.negativeOptions.set(option.attributeName(), option);
          } else {
            this.positiveOptions.set(option.attributeName(), option);
          }
        });
        this.negativeOptions.forEach((value, key) => {
          if (this.positiveOptions.has(key)) {
            this.dualOptions.add(key);
          }
        });
      }
      /**
       * Did the value come from the option, and not from possible matching dual option?
       *
       * @param {*} value
       * @param {Option} option
       * @returns {boolean}
       */
      valueFromOption(value, option) {
        const optionKey = option.attributeName();
        if (!this.dualOptions.has(optionKey)) return true;
        const preset = this.negativeOptions.get(optionKey).presetArg;
        const negativeValue = preset !== void 0 ? preset : false;
        return option.negate === (negativeValue === value);
      }
    };
    function camelcase(str) {
      return str.split("-").reduce((str2, word) => {
        return str2 + word[0].toUpperCase() + word.slice(1);
      });
    }
    function splitOptionFlags(flags) {
      let shortFlag;
      let longFlag;
      const shortFlagExp = /^-[^-]$/;
      const longFlagExp = /^--[^-]/;
      const flagParts = flags.split(/[ |,]+/).concat("guard");
      if (shortFlagExp.test(flagParts[0])) shortFlag = flagParts.shift();
      if (longFlagExp.test(flagParts[0])) longFlag = flagParts.shift();
      if (!shortFlag && shortFlagExp.test(flagParts[0]))
        shortFlag = flagParts.shift();
      if (!shortFlag && longFlagExp.test(flagParts[0])) {
        shortFlag = longFlag;
        longFlag = flagParts.shift();
      }
      if (flagParts[0].startsWith("-")) {
        const unsupportedFlag = flagParts[0];
        const baseError = `option creation failed due to '${unsupportedFlag}' in option flags '${flags}'`;
        if (/^-[^-][^-]/.test(unsupportedFlag))
          throw new Error(
            `${baseError}
- a short flag is a single dash and a single character
  - either use a single dash and a single character (for a short flag)
  - or use a double dash for a long option (and can have two, like '--ws, --workspace')`
          );
        if (shortFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many short flags`);
        if (longFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many long flags`);
        throw new Error(`${baseError}
- unrecognised flag format`);
      }
      if (shortFlag === void 0 && longFlag === void 0)
        throw new Error(
          `option creation failed due to no flags found in '${flags}'.`
        );
      return { shortFlag, longFlag };
    }
    exports.Option = Option2;
    exports.DualOptions = DualOptions;
  }
});

// node_modules/commander/lib/suggestSimilar.js
var require_suggestSimilar = __commonJS({
  "node_modules/commander/lib/suggestSimilar.js"(exports) {
    var maxDistance = 3;
    function editDistance(a, b) {
      if (Math.abs(a.length - b.length) > maxDistance)
        return Math.max(a.length, b.length);
      const d = [];
      for (let i = 0; i <= a.length; i++) {
        d[i] = [i];
      }
      for (let j = 0; j <= b.length; j++) {
        d[0][j] = j;
      }
      for (let j = 1; j <= b.length; j++) {
        for (let i = 1; i <= a.length; i++) {
          let cost = 1;
          if (a[i - 1] === b[j - 1]) {
            cost = 0;
          } else {
            cost = 1;
          }
          d[i][j] = Math.min(
            d[i - 1][j] + 1,
            // deletion
            d[i][j - 1] + 1,
            // insertion
            d[i - 1][j - 1] + cost
            // substitution
          );
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
            d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
          }
        }
      }
      return d[a.length][b.length];
    }
    function suggestSimilar(word, candidates) {
      if (!candidates || candidates.length === 0) return "";
      candidates = Array.from(new Set(candidates));
      const searchingOptions = word.startsWith("--");
      if (searchingOptions) {
        word = word.slice(2);
        candidates = candidates.map((candidate) => candidate.slice(2));
      }
      let similar = [];
      let bestDistance = maxDistance;
      const minSimilarity = 0.4;
      candidates.forEach((candidate) => {
        if (candidate.length <= 1) return;
        const distance = editDistance(word, candidate);
        const length = Math.max(word.length, candidate.length);
        const similarity = (length - distance) / length;
        if (similarity > minSimilarity) {
          if (distance < bestDistance) {
            bestDistance = distance;
            similar = [candidate];
          } else if (distance === bestDistance) {
            similar.push(candidate);
          }
        }
      });
      similar.sort((a, b) => a.localeCompare(b));
      if (searchingOptions) {
        similar = similar.map((candidate) => `--${candidate}`);
      }
      if (similar.length > 1) {
        return `
(Did you mean one of ${similar.join(", ")}?)`;
      }
      if (similar.length === 1) {
        return `
(Did you mean ${similar[0]}?)`;
      }
      return "";
    }
    exports.suggestSimilar = suggestSimilar;
  }
});

// node_modules/commander/lib/command.js
var require_command = __commonJS({
  "node_modules/commander/lib/command.js"(exports) {
    var EventEmitter = __require("node:events").EventEmitter;
    var childProcess = __require("node:child_process");
    var path = __require("node:path");
    var fs = __require("node:fs");
    var process2 = __require("node:process");
    var { Argument: Argument2, humanReadableArgName } = require_argument();
    var { CommanderError: CommanderError2 } = require_error();
    var { Help: Help2, stripColor } = require_help();
    var { Option: Option2, DualOptions } = require_option();
    var { suggestSimilar } = require_suggestSimilar();
    var Command2 = class _Command extends EventEmitter {
      /**
       * Initialize a new `Command`.
       *
       * @param {string} [name]
       */
      constructor(name) {
        super();
        this.commands = [];
        this.options = [];
        this.parent = null;
        this._allowUnknownOption = false;
        this._allowExcessArguments = false;
        this.registeredArguments = [];
        this._args = this.registeredArguments;
        this.args = [];
        this.rawArgs = [];
        this.processedArgs = [];
        this._scriptPath = null;
        this._name = name || "";
        this._optionValues = {};
        this._optionValueSources = {};
        this._storeOptionsAsProperties = false;
        this._actionHandler = null;
        this._executableHandler = false;
        this._executableFile = null;
        this._executableDir = null;
        this._defaultCommandName = null;
        this._exitCallback = null;
        this._aliases = [];
        this._combineFlagAndOptionalValue = true;
        this._description = "";
        this._summary = "";
        this._argsDescription = void 0;
        this._enablePositionalOptions = false;
        this._passThroughOptions = false;
        this._lifeCycleHooks = {};
        this._showHelpAfterError = false;
        this._showSuggestionAfterError = true;
        this._savedState = null;
        this._outputConfiguration = {
          writeOut: (str) => process2.stdout.write(str),
          writeErr: (str) => process2.stderr.write(str),
          outputError: (str, write) => write(str),
          getOutHelpWidth: () => process2.stdout.isTTY ? process2.stdout.columns : void 0,
          getErrHelpWidth: () => process2.stderr.isTTY ? process2.stderr.columns : void 0,
          getOutHasColors: () => useColor() ?? (process2.stdout.isTTY && process2.stdout.hasColors?.()),
          getErrHasColors: () => useColor() ?? (process2.stderr.isTTY && process2.stderr.hasColors?.()),
          stripColor: (str) => stripColor(str)
        };
        this._hidden = false;
        this._helpOption = void 0;
        this._addImplicitHelpCommand = void 0;
        this._helpCommand = void 0;
        this._helpConfiguration = {};
        this._helpGroupHeading = void 0;
        this._defaultCommandGroup = void 0;
        this._defaultOptionGroup = void 0;
      }
      /**
       * Copy settings that are useful to have in common across root command and subcommands.
       *
       * (Used internally when adding a command using `.command()` so subcommands inherit parent settings.)
       *
       * @param {Command} sourceCommand
       * @return {Command} `this` command for chaining
       */
      copyInheritedSettings(sourceCommand) {
        this._outputConfiguration = sourceCommand._outputConfiguration;
        this._helpOption = sourceCommand._helpOption;
        this._helpCommand = sourceCommand._helpCommand;
        this._helpConfiguration = sourceCommand._helpConfiguration;
        this._exitCallback = sourceCommand._exitCallback;
        this._storeOptionsAsProperties = sourceCommand._storeOptionsAsProperties;
        this._combineFlagAndOptionalValue = sourceCommand._combineFlagAndOptionalValue;
        this._allowExcessArguments = sourceCommand._allowExcessArguments;
        this._enablePositionalOptions = sourceCommand._enablePositionalOptions;
        this._showHelpAfterError = sourceCommand._showHelpAfterError;
        this._showSuggestionAfterError = sourceCommand._showSuggestionAfterError;
        return this;
      }
      /**
       * @returns {Command[]}
       * @private
       */
      _getCommandAndAncestors() {
        const result = [];
        for (let command = this; command; command = command.parent) {
          result.push(command);
        }
        return result;
      }
      /**
       * Define a command.
       *
       * There are two styles of command: pay attention to where to put the description.
       *
       * @example
       * // Command implemented using action handler (description is supplied separately to `.command`)
       * program
       *   .command('clone <source> [destination]')
       *   .description('clone a repository into a newly created directory')
       *   .action((source, destination) => {
       *     console.log('clone command called');
       *   });
       *
       * // Command implemented using separate executable file (description is second parameter to `.command`)
       * program
       *   .command('start <service>', 'start named service')
       *   .command('stop [service]', 'stop named service, or all if no name supplied');
       *
       * @param {string} nameAndArgs - command name and arguments, args are `<required>` or `[optional]` and last may also be `variadic...`
       * @param {(object | string)} [actionOptsOrExecDesc] - configuration options (for action), or description (for executable)
       * @param {object} [execOpts] - configuration options (for executable)
       * @return {Command} returns new command for action handler, or `this` for executable command
       */
      command(nameAndArgs, actionOptsOrExecDesc, execOpts) {
        let desc = actionOptsOrExecDesc;
        let opts = execOpts;
        if (typeof desc === "object" && desc !== null) {
          opts = desc;
          desc = null;
        }
        opts = opts || {};
        const [, name, args] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const cmd = this.createCommand(name);
        if (desc) {
          cmd.description(desc);
          cmd._executableHandler = true;
        }
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        cmd._hidden = !!(opts.noHelp || opts.hidden);
        cmd._executableFile = opts.executableFile || null;
        if (args) cmd.arguments(args);
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd.copyInheritedSettings(this);
        if (desc) return this;
        return cmd;
      }
      /**
       * Factory routine to create a new unattached command.
       *
       * See .command() for creating an attached subcommand, which uses this routine to
       * create the command. You can override createCommand to customise subcommands.
       *
       * @param {string} [name]
       * @return {Command} new command
       */
      createCommand(name) {
        return new _Command(name);
      }
      /**
       * You can customise the help with a subclass of Help by overriding createHelp,
       * or by overriding Help properties using configureHelp().
       *
       * @return {Help}
       */
      createHelp() {
        return Object.assign(new Help2(), this.configureHelp());
      }
      /**
       * You can customise the help by overriding Help properties using configureHelp(),
       * or with a subclass of Help by overriding createHelp().
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureHelp(configuration) {
        if (configuration === void 0) return this._helpConfiguration;
        this._helpConfiguration = configuration;
        return this;
      }
      /**
       * The default output goes to stdout and stderr. You can customise this for special
       * applications. You can also customise the display of errors by overriding outputError.
       *
       * The configuration properties are all functions:
       *
       *     // change how output being written, defaults to stdout and stderr
       *     writeOut(str)
       *     writeErr(str)
       *     // change how output being written for errors, defaults to writeErr
       *     outputError(str, write) // used for displaying errors and not used for displaying help
       *     // specify width for wrapping help
       *     getOutHelpWidth()
       *     getErrHelpWidth()
       *     // color support, currently only used with Help
       *     getOutHasColors()
       *     getErrHasColors()
       *     stripColor() // used to remove ANSI escape codes if output does not have colors
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureOutput(configuration) {
        if (configuration === void 0) return this._outputConfiguration;
        this._outputConfiguration = {
          ...this._outputConfiguration,
          ...configuration
        };
        return this;
      }
      /**
       * Display the help or a custom message after an error occurs.
       *
       * @param {(boolean|string)} [displayHelp]
       * @return {Command} `this` command for chaining
       */
      showHelpAfterError(displayHelp = true) {
        if (typeof displayHelp !== "string") displayHelp = !!displayHelp;
        this._showHelpAfterError = displayHelp;
        return this;
      }
      /**
       * Display suggestion of similar commands for unknown commands, or options for unknown options.
       *
       * @param {boolean} [displaySuggestion]
       * @return {Command} `this` command for chaining
       */
      showSuggestionAfterError(displaySuggestion = true) {
        this._showSuggestionAfterError = !!displaySuggestion;
        return this;
      }
      /**
       * Add a prepared subcommand.
       *
       * See .command() for creating an attached subcommand which inherits settings from its parent.
       *
       * @param {Command} cmd - new subcommand
       * @param {object} [opts] - configuration options
       * @return {Command} `this` command for chaining
       */
      addCommand(cmd, opts) {
        if (!cmd._name) {
          throw new Error(`Command passed to .addCommand() must have a name
- specify the name in Command constructor or using .name()`);
        }
        opts = opts || {};
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        if (opts.noHelp || opts.hidden) cmd._hidden = true;
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd._checkForBrokenPassThrough();
        return this;
      }
      /**
       * Factory routine to create a new unattached argument.
       *
       * See .argument() for creating an attached argument, which uses this routine to
       * create the argument. You can override createArgument to return a custom argument.
       *
       * @param {string} name
       * @param {string} [description]
       * @return {Argument} new argument
       */
      createArgument(name, description) {
        return new Argument2(name, description);
      }
      /**
       * Define argument syntax for command.
       *
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @example
       * program.argument('<input-file>');
       * program.argument('[output-file]');
       *
       * @param {string} name
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom argument processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      argument(name, description, parseArg, defaultValue) {
        const argument = this.createArgument(name, description);
        if (typeof parseArg === "function") {
          argument.default(defaultValue).argParser(parseArg);
        } else {
          argument.default(parseArg);
        }
        this.addArgument(argument);
        return this;
      }
      /**
       * Define argument syntax for command, adding multiple at once (without descriptions).
       *
       * See also .argument().
       *
       * @example
       * program.arguments('<cmd> [env]');
       *
       * @param {string} names
       * @return {Command} `this` command for chaining
       */
      arguments(names) {
        names.trim().split(/ +/).forEach((detail) => {
          this.argument(detail);
        });
        return this;
      }
      /**
       * Define argument syntax for command, adding a prepared argument.
       *
       * @param {Argument} argument
       * @return {Command} `this` command for chaining
       */
      addArgument(argument) {
        const previousArgument = this.registeredArguments.slice(-1)[0];
        if (previousArgument?.variadic) {
          throw new Error(
            `only the last argument can be variadic '${previousArgument.name()}'`
          );
        }
        if (argument.required && argument.defaultValue !== void 0 && argument.parseArg === void 0) {
          throw new Error(
            `a default value for a required argument is never used: '${argument.name()}'`
          );
        }
        this.registeredArguments.push(argument);
        return this;
      }
      /**
       * Customise or override default help command. By default a help command is automatically added if your command has subcommands.
       *
       * @example
       *    program.helpCommand('help [cmd]');
       *    program.helpCommand('help [cmd]', 'show help');
       *    program.helpCommand(false); // suppress default help command
       *    program.helpCommand(true); // add help command even if no subcommands
       *
       * @param {string|boolean} enableOrNameAndArgs - enable with custom name and/or arguments, or boolean to override whether added
       * @param {string} [description] - custom description
       * @return {Command} `this` command for chaining
       */
      helpCommand(enableOrNameAndArgs, description) {
        if (typeof enableOrNameAndArgs === "boolean") {
          this._addImplicitHelpCommand = enableOrNameAndArgs;
          if (enableOrNameAndArgs && this._defaultCommandGroup) {
            this._initCommandGroup(this._getHelpCommand());
          }
          return this;
        }
        const nameAndArgs = enableOrNameAndArgs ?? "help [command]";
        const [, helpName, helpArgs] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const helpDescription = description ?? "display help for command";
        const helpCommand = this.createCommand(helpName);
        helpCommand.helpOption(false);
        if (helpArgs) helpCommand.arguments(helpArgs);
        if (helpDescription) helpCommand.description(helpDescription);
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        if (enableOrNameAndArgs || description) this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Add prepared custom help command.
       *
       * @param {(Command|string|boolean)} helpCommand - custom help command, or deprecated enableOrNameAndArgs as for `.helpCommand()`
       * @param {string} [deprecatedDescription] - deprecated custom description used with custom name only
       * @return {Command} `this` command for chaining
       */
      addHelpCommand(helpCommand, deprecatedDescription) {
        if (typeof helpCommand !== "object") {
          this.helpCommand(helpCommand, deprecatedDescription);
          return this;
        }
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Lazy create help command.
       *
       * @return {(Command|null)}
       * @package
       */
      _getHelpCommand() {
        const hasImplicitHelpCommand = this._addImplicitHelpCommand ?? (this.commands.length && !this._actionHandler && !this._findCommand("help"));
        if (hasImplicitHelpCommand) {
          if (this._helpCommand === void 0) {
            this.helpCommand(void 0, void 0);
          }
          return this._helpCommand;
        }
        return null;
      }
      /**
       * Add hook for life cycle event.
       *
       * @param {string} event
       * @param {Function} listener
       * @return {Command} `this` command for chaining
       */
      hook(event, listener) {
        const allowedValues = ["preSubcommand", "preAction", "postAction"];
        if (!allowedValues.includes(event)) {
          throw new Error(`Unexpected value for event passed to hook : '${event}'.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        if (this._lifeCycleHooks[event]) {
          this._lifeCycleHooks[event].push(listener);
        } else {
          this._lifeCycleHooks[event] = [listener];
        }
        return this;
      }
      /**
       * Register callback to use as replacement for calling process.exit.
       *
       * @param {Function} [fn] optional callback which will be passed a CommanderError, defaults to throwing
       * @return {Command} `this` command for chaining
       */
      exitOverride(fn) {
        if (fn) {
          this._exitCallback = fn;
        } else {
          this._exitCallback = (err) => {
            if (err.code !== "commander.executeSubCommandAsync") {
              throw err;
            } else {
            }
          };
        }
        return this;
      }
      /**
       * Call process.exit, and _exitCallback if defined.
       *
       * @param {number} exitCode exit code for using with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       * @return never
       * @private
       */
      _exit(exitCode, code, message) {
        if (this._exitCallback) {
          this._exitCallback(new CommanderError2(exitCode, code, message));
        }
        process2.exit(exitCode);
      }
      /**
       * Register callback `fn` for the command.
       *
       * @example
       * program
       *   .command('serve')
       *   .description('start service')
       *   .action(function() {
       *      // do work here
       *   });
       *
       * @param {Function} fn
       * @return {Command} `this` command for chaining
       */
      action(fn) {
        const listener = (args) => {
          const expectedArgsCount = this.registeredArguments.length;
          const actionArgs = args.slice(0, expectedArgsCount);
          if (this._storeOptionsAsProperties) {
            actionArgs[expectedArgsCount] = this;
          } else {
            actionArgs[expectedArgsCount] = this.opts();
          }
          actionArgs.push(this);
          return fn.apply(this, actionArgs);
        };
        this._actionHandler = listener;
        return this;
      }
      /**
       * Factory routine to create a new unattached option.
       *
       * See .option() for creating an attached option, which uses this routine to
       * create the option. You can override createOption to return a custom option.
       *
       * @param {string} flags
       * @param {string} [description]
       * @return {Option} new option
       */
      createOption(flags, description) {
        return new Option2(flags, description);
      }
      /**
       * Wrap parseArgs to catch 'commander.invalidArgument'.
       *
       * @param {(Option | Argument)} target
       * @param {string} value
       * @param {*} previous
       * @param {string} invalidArgumentMessage
       * @private
       */
      _callParseArg(target, value, previous, invalidArgumentMessage) {
        try {
          return target.parseArg(value, previous);
        } catch (err) {
          if (err.code === "commander.invalidArgument") {
            const message = `${invalidArgumentMessage} ${err.message}`;
            this.error(message, { exitCode: err.exitCode, code: err.code });
          }
          throw err;
        }
      }
      /**
       * Check for option flag conflicts.
       * Register option if no conflicts found, or throw on conflict.
       *
       * @param {Option} option
       * @private
       */
      _registerOption(option) {
        const matchingOption = option.short && this._findOption(option.short) || option.long && this._findOption(option.long);
        if (matchingOption) {
          const matchingFlag = option.long && this._findOption(option.long) ? option.long : option.short;
          throw new Error(`Cannot add option '${option.flags}'${this._name && ` to command '${this._name}'`} due to conflicting flag '${matchingFlag}'
-  already used by option '${matchingOption.flags}'`);
        }
        this._initOptionGroup(option);
        this.options.push(option);
      }
      /**
       * Check for command name and alias conflicts with existing commands.
       * Register command if no conflicts found, or throw on conflict.
       *
       * @param {Command} command
       * @private
       */
      _registerCommand(command) {
        const knownBy = (cmd) => {
          return [cmd.name()].concat(cmd.aliases());
        };
        const alreadyUsed = knownBy(command).find(
          (name) => this._findCommand(name)
        );
        if (alreadyUsed) {
          const existingCmd = knownBy(this._findCommand(alreadyUsed)).join("|");
          const newCmd = knownBy(command).join("|");
          throw new Error(
            `cannot add command '${newCmd}' as already have command '${existingCmd}'`
          );
        }
        this._initCommandGroup(command);
        this.commands.push(command);
      }
      /**
       * Add an option.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addOption(option) {
        this._registerOption(option);
        const oname = option.name();
        const name = option.attributeName();
        if (option.negate) {
          const positiveLongFlag = option.long.replace(/^--no-/, "--");
          if (!this._findOption(positiveLongFlag)) {
            this.setOptionValueWithSource(
              name,
              option.defaultValue === void 0 ? true : option.defaultValue,
              "default"
            );
          }
        } else if (option.defaultValue !== void 0) {
          this.setOptionValueWithSource(name, option.defaultValue, "default");
        }
        const handleOptionValue = (val, invalidValueMessage, valueSource) => {
          if (val == null && option.presetArg !== void 0) {
            val = option.presetArg;
          }
          const oldValue = this.getOptionValue(name);
          if (val !== null && option.parseArg) {
            val = this._callParseArg(option, val, oldValue, invalidValueMessage);
          } else if (val !== null && option.variadic) {
            val = option._collectValue(val, oldValue);
          }
          if (val == null) {
            if (option.negate) {
              val = false;
            } else if (option.isBoolean() || option.optional) {
              val = true;
            } else {
              val = "";
            }
          }
          this.setOptionValueWithSource(name, val, valueSource);
        };
        this.on("option:" + oname, (val) => {
          const invalidValueMessage = `error: option '${option.flags}' argument '${val}' is invalid.`;
          handleOptionValue(val, invalidValueMessage, "cli");
        });
        if (option.envVar) {
          this.on("optionEnv:" + oname, (val) => {
            const invalidValueMessage = `error: option '${option.flags}' value '${val}' from env '${option.envVar}' is invalid.`;
            handleOptionValue(val, invalidValueMessage, "env");
          });
        }
        return this;
      }
      /**
       * Internal implementation shared by .option() and .requiredOption()
       *
       * @return {Command} `this` command for chaining
       * @private
       */
      _optionEx(config, flags, description, fn, defaultValue) {
        if (typeof flags === "object" && flags instanceof Option2) {
          throw new Error(
            "To add an Option object use addOption() instead of option() or requiredOption()"
          );
        }
        const option = this.createOption(flags, description);
        option.makeOptionMandatory(!!config.mandatory);
        if (typeof fn === "function") {
          option.default(defaultValue).argParser(fn);
        } else if (fn instanceof RegExp) {
          const regex = fn;
          fn = (val, def) => {
            const m = regex.exec(val);
            return m ? m[0] : def;
          };
          option.default(defaultValue).argParser(fn);
        } else {
          option.default(fn);
        }
        return this.addOption(option);
      }
      /**
       * Define option with `flags`, `description`, and optional argument parsing function or `defaultValue` or both.
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space. A required
       * option-argument is indicated by `<>` and an optional option-argument by `[]`.
       *
       * See the README for more details, and see also addOption() and requiredOption().
       *
       * @example
       * program
       *     .option('-p, --pepper', 'add pepper')
       *     .option('--pt, --pizza-type <TYPE>', 'type of pizza') // required option-argument
       *     .option('-c, --cheese [CHEESE]', 'add extra cheese', 'mozzarella') // optional option-argument with default
       *     .option('-t, --tip <VALUE>', 'add tip to purchase cost', parseFloat) // custom parse function
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      option(flags, description, parseArg, defaultValue) {
        return this._optionEx({}, flags, description, parseArg, defaultValue);
      }
      /**
       * Add a required option which must have a value after parsing. This usually means
       * the option must be specified on the command line. (Otherwise the same as .option().)
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space.
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      requiredOption(flags, description, parseArg, defaultValue) {
        return this._optionEx(
          { mandatory: true },
          flags,
          description,
          parseArg,
          defaultValue
        );
      }
      /**
       * Alter parsing of short flags with optional values.
       *
       * @example
       * // for `.option('-f,--flag [value]'):
       * program.combineFlagAndOptionalValue(true);  // `-f80` is treated like `--flag=80`, this is the default behaviour
       * program.combineFlagAndOptionalValue(false) // `-fb` is treated like `-f -b`
       *
       * @param {boolean} [combine] - if `true` or omitted, an optional value can be specified directly after the flag.
       * @return {Command} `this` command for chaining
       */
      combineFlagAndOptionalValue(combine = true) {
        this._combineFlagAndOptionalValue = !!combine;
        return this;
      }
      /**
       * Allow unknown options on the command line.
       *
       * @param {boolean} [allowUnknown] - if `true` or omitted, no error will be thrown for unknown options.
       * @return {Command} `this` command for chaining
       */
      allowUnknownOption(allowUnknown = true) {
        this._allowUnknownOption = !!allowUnknown;
        return this;
      }
      /**
       * Allow excess command-arguments on the command line. Pass false to make excess arguments an error.
       *
       * @param {boolean} [allowExcess] - if `true` or omitted, no error will be thrown for excess arguments.
       * @return {Command} `this` command for chaining
       */
      allowExcessArguments(allowExcess = true) {
        this._allowExcessArguments = !!allowExcess;
        return this;
      }
      /**
       * Enable positional options. Positional means global options are specified before subcommands which lets
       * subcommands reuse the same option names, and also enables subcommands to turn on passThroughOptions.
       * The default behaviour is non-positional and global options may appear anywhere on the command line.
       *
       * @param {boolean} [positional]
       * @return {Command} `this` command for chaining
       */
      enablePositionalOptions(positional = true) {
        this._enablePositionalOptions = !!positional;
        return this;
      }
      /**
       * Pass through options that come after command-arguments rather than treat them as command-options,
       * so actual command-options come before command-arguments. Turning this on for a subcommand requires
       * positional options to have been enabled on the program (parent commands).
       * The default behaviour is non-positional and options may appear before or after command-arguments.
       *
       * @param {boolean} [passThrough] for unknown options.
       * @return {Command} `this` command for chaining
       */
      passThroughOptions(passThrough = true) {
        this._passThroughOptions = !!passThrough;
        this._checkForBrokenPassThrough();
        return this;
      }
      /**
       * @private
       */
      _checkForBrokenPassThrough() {
        if (this.parent && this._passThroughOptions && !this.parent._enablePositionalOptions) {
          throw new Error(
            `passThroughOptions cannot be used for '${this._name}' without turning on enablePositionalOptions for parent command(s)`
          );
        }
      }
      /**
       * Whether to store option values as properties on command object,
       * or store separately (specify false). In both cases the option values can be accessed using .opts().
       *
       * @param {boolean} [storeAsProperties=true]
       * @return {Command} `this` command for chaining
       */
      storeOptionsAsProperties(storeAsProperties = true) {
        if (this.options.length) {
          throw new Error("call .storeOptionsAsProperties() before adding options");
        }
        if (Object.keys(this._optionValues).length) {
          throw new Error(
            "call .storeOptionsAsProperties() before setting option values"
          );
        }
        this._storeOptionsAsProperties = !!storeAsProperties;
        return this;
      }
      /**
       * Retrieve option value.
       *
       * @param {string} key
       * @return {object} value
       */
      getOptionValue(key) {
        if (this._storeOptionsAsProperties) {
          return this[key];
        }
        return this._optionValues[key];
      }
      /**
       * Store option value.
       *
       * @param {string} key
       * @param {object} value
       * @return {Command} `this` command for chaining
       */
      setOptionValue(key, value) {
        return this.setOptionValueWithSource(key, value, void 0);
      }
      /**
       * Store option value and where the value came from.
       *
       * @param {string} key
       * @param {object} value
       * @param {string} source - expected values are default/config/env/cli/implied
       * @return {Command} `this` command for chaining
       */
      setOptionValueWithSource(key, value, source) {
        if (this._storeOptionsAsProperties) {
          this[key] = value;
        } else {
          this._optionValues[key] = value;
        }
        this._optionValueSources[key] = source;
        return this;
      }
      /**
       * Get source of option value.
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSource(key) {
        return this._optionValueSources[key];
      }
      /**
       * Get source of option value. See also .optsWithGlobals().
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSourceWithGlobals(key) {
        let source;
        this._getCommandAndAncestors().forEach((cmd) => {
          if (cmd.getOptionValueSource(key) !== void 0) {
            source = cmd.getOptionValueSource(key);
          }
        });
        return source;
      }
      /**
       * Get user arguments from implied or explicit arguments.
       * Side-effects: set _scriptPath if args included script. Used for default program name, and subcommand searches.
       *
       * @private
       */
      _prepareUserArgs(argv, parseOptions) {
        if (argv !== void 0 && !Array.isArray(argv)) {
          throw new Error("first parameter to parse must be array or undefined");
        }
        parseOptions = parseOptions || {};
        if (argv === void 0 && parseOptions.from === void 0) {
          if (process2.versions?.electron) {
            parseOptions.from = "electron";
          }
          const execArgv = process2.execArgv ?? [];
          if (execArgv.includes("-e") || execArgv.includes("--eval") || execArgv.includes("-p") || execArgv.includes("--print")) {
            parseOptions.from = "eval";
          }
        }
        if (argv === void 0) {
          argv = process2.argv;
        }
        this.rawArgs = argv.slice();
        let userArgs;
        switch (parseOptions.from) {
          case void 0:
          case "node":
            this._scriptPath = argv[1];
            userArgs = argv.slice(2);
            break;
          case "electron":
            if (process2.defaultApp) {
              this._scriptPath = argv[1];
              userArgs = argv.slice(2);
            } else {
              userArgs = argv.slice(1);
            }
            break;
          case "user":
            userArgs = argv.slice(0);
            break;
          case "eval":
            userArgs = argv.slice(1);
            break;
          default:
            throw new Error(
              `unexpected parse option { from: '${parseOptions.from}' }`
            );
        }
        if (!this._name && this._scriptPath)
          this.nameFromFilename(this._scriptPath);
        this._name = this._name || "program";
        return userArgs;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Use parseAsync instead of parse if any of your action handlers are async.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * program.parse(); // parse process.argv and auto-detect electron and special node flags
       * program.parse(process.argv); // assume argv[0] is app and argv[1] is script
       * program.parse(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv] - optional, defaults to process.argv
       * @param {object} [parseOptions] - optionally specify style of options with from: node/user/electron
       * @param {string} [parseOptions.from] - where the args are from: 'node', 'user', 'electron'
       * @return {Command} `this` command for chaining
       */
      parse(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        this._parseCommand([], userArgs);
        return this;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * await program.parseAsync(); // parse process.argv and auto-detect electron and special node flags
       * await program.parseAsync(process.argv); // assume argv[0] is app and argv[1] is script
       * await program.parseAsync(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv]
       * @param {object} [parseOptions]
       * @param {string} parseOptions.from - where the args are from: 'node', 'user', 'electron'
       * @return {Promise}
       */
      async parseAsync(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        await this._parseCommand([], userArgs);
        return this;
      }
      _prepareForParse() {
        if (this._savedState === null) {
          this.saveStateBeforeParse();
        } else {
          this.restoreStateBeforeParse();
        }
      }
      /**
       * Called the first time parse is called to save state and allow a restore before subsequent calls to parse.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state saved.
       */
      saveStateBeforeParse() {
        this._savedState = {
          // name is stable if supplied by author, but may be unspecified for root command and deduced during parsing
          _name: this._name,
          // option values before parse have default values (including false for negated options)
          // shallow clones
          _optionValues: { ...this._optionValues },
          _optionValueSources: { ...this._optionValueSources }
        };
      }
      /**
       * Restore state before parse for calls after the first.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state restored.
       */
      restoreStateBeforeParse() {
        if (this._storeOptionsAsProperties)
          throw new Error(`Can not call parse again when storeOptionsAsProperties is true.
- either make a new Command for each call to parse, or stop storing options as properties`);
        this._name = this._savedState._name;
        this._scriptPath = null;
        this.rawArgs = [];
        this._optionValues = { ...this._savedState._optionValues };
        this._optionValueSources = { ...this._savedState._optionValueSources };
        this.args = [];
        this.processedArgs = [];
      }
      /**
       * Throw if expected executable is missing. Add lots of help for author.
       *
       * @param {string} executableFile
       * @param {string} executableDir
       * @param {string} subcommandName
       */
      _checkForMissingExecutable(executableFile, executableDir, subcommandName) {
        if (fs.existsSync(executableFile)) return;
        const executableDirMessage = executableDir ? `searched for local subcommand relative to directory '${executableDir}'` : "no directory for search for local subcommand, use .executableDir() to supply a custom directory";
        const executableMissing = `'${executableFile}' does not exist
 - if '${subcommandName}' is not meant to be an executable command, remove description parameter from '.command()' and use '.description()' instead
 - if the default executable name is not suitable, use the executableFile option to supply a custom name or path
 - ${executableDirMessage}`;
        throw new Error(executableMissing);
      }
      /**
       * Execute a sub-command executable.
       *
       * @private
       */
      _executeSubCommand(subcommand, args) {
        args = args.slice();
        let launchWithNode = false;
        const sourceExt = [".js", ".ts", ".tsx", ".mjs", ".cjs"];
        function findFile(baseDir, baseName) {
          const localBin = path.resolve(baseDir, baseName);
          if (fs.existsSync(localBin)) return localBin;
          if (sourceExt.includes(path.extname(baseName))) return void 0;
          const foundExt = sourceExt.find(
            (ext) => fs.existsSync(`${localBin}${ext}`)
          );
          if (foundExt) return `${localBin}${foundExt}`;
          return void 0;
        }
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        let executableFile = subcommand._executableFile || `${this._name}-${subcommand._name}`;
        let executableDir = this._executableDir || "";
        if (this._scriptPath) {
          let resolvedScriptPath;
          try {
            resolvedScriptPath = fs.realpathSync(this._scriptPath);
          } catch {
            resolvedScriptPath = this._scriptPath;
          }
          executableDir = path.resolve(
            path.dirname(resolvedScriptPath),
            executableDir
          );
        }
        if (executableDir) {
          let localFile = findFile(executableDir, executableFile);
          if (!localFile && !subcommand._executableFile && this._scriptPath) {
            const legacyName = path.basename(
              this._scriptPath,
              path.extname(this._scriptPath)
            );
            if (legacyName !== this._name) {
              localFile = findFile(
                executableDir,
                `${legacyName}-${subcommand._name}`
              );
            }
          }
          executableFile = localFile || executableFile;
        }
        launchWithNode = sourceExt.includes(path.extname(executableFile));
        let proc;
        if (process2.platform !== "win32") {
          if (launchWithNode) {
            args.unshift(executableFile);
            args = incrementNodeInspectorPort(process2.execArgv).concat(args);
            proc = childProcess.spawn(process2.argv[0], args, { stdio: "inherit" });
          } else {
            proc = childProcess.spawn(executableFile, args, { stdio: "inherit" });
          }
        } else {
          this._checkForMissingExecutable(
            executableFile,
            executableDir,
            subcommand._name
          );
          args.unshift(executableFile);
          args = incrementNodeInspectorPort(process2.execArgv).concat(args);
          proc = childProcess.spawn(process2.execPath, args, { stdio: "inherit" });
        }
        if (!proc.killed) {
          const signals = ["SIGUSR1", "SIGUSR2", "SIGTERM", "SIGINT", "SIGHUP"];
          signals.forEach((signal) => {
            process2.on(signal, () => {
              if (proc.killed === false && proc.exitCode === null) {
                proc.kill(signal);
              }
            });
          });
        }
        const exitCallback = this._exitCallback;
        proc.on("close", (code) => {
          code = code ?? 1;
          if (!exitCallback) {
            process2.exit(code);
          } else {
            exitCallback(
              new CommanderError2(
                code,
                "commander.executeSubCommandAsync",
                "(close)"
              )
            );
          }
        });
        proc.on("error", (err) => {
          if (err.code === "ENOENT") {
            this._checkForMissingExecutable(
              executableFile,
              executableDir,
              subcommand._name
            );
          } else if (err.code === "EACCES") {
            throw new Error(`'${executableFile}' not executable`);
          }
          if (!exitCallback) {
            process2.exit(1);
          } else {
            const wrappedError = new CommanderError2(
              1,
              "commander.executeSubCommandAsync",
              "(error)"
            );
            wrappedError.nestedError = err;
            exitCallback(wrappedError);
          }
        });
        this.runningCommand = proc;
      }
      /**
       * @private
       */
      _dispatchSubcommand(commandName, operands, unknown) {
        const subCommand = this._findCommand(commandName);
        if (!subCommand) this.help({ error: true });
        subCommand._prepareForParse();
        let promiseChain;
        promiseChain = this._chainOrCallSubCommandHook(
          promiseChain,
          subCommand,
          "preSubcommand"
        );
        promiseChain = this._chainOrCall(promiseChain, () => {
          if (subCommand._executableHandler) {
            this._executeSubCommand(subCommand, operands.concat(unknown));
          } else {
            return subCommand._parseCommand(operands, unknown);
          }
        });
        return promiseChain;
      }
      /**
       * Invoke help directly if possible, or dispatch if necessary.
       * e.g. help foo
       *
       * @private
       */
      _dispatchHelpCommand(subcommandName) {
        if (!subcommandName) {
          this.help();
        }
        const subCommand = this._findCommand(subcommandName);
        if (subCommand && !subCommand._executableHandler) {
          subCommand.help();
        }
        return this._dispatchSubcommand(
          subcommandName,
          [],
          [this._getHelpOption()?.long ?? this._getHelpOption()?.short ?? "--help"]
        );
      }
      /**
       * Check this.args against expected this.registeredArguments.
       *
       * @private
       */
      _checkNumberOfArguments() {
        this.registeredArguments.forEach((arg, i) => {
          if (arg.required && this.args[i] == null) {
            this.missingArgument(arg.name());
          }
        });
        if (this.registeredArguments.length > 0 && this.registeredArguments[this.registeredArguments.length - 1].variadic) {
          return;
        }
        if (this.args.length > this.registeredArguments.length) {
          this._excessArguments(this.args);
        }
      }
      /**
       * Process this.args using this.registeredArguments and save as this.processedArgs!
       *
       * @private
       */
      _processArguments() {
        const myParseArg = (argument, value, previous) => {
          let parsedValue = value;
          if (value !== null && argument.parseArg) {
            const invalidValueMessage = `error: command-argument value '${value}' is invalid for argument '${argument.name()}'.`;
            parsedValue = this._callParseArg(
              argument,
              value,
              previous,
              invalidValueMessage
            );
          }
          return parsedValue;
        };
        this._checkNumberOfArguments();
        const processedArgs = [];
        this.registeredArguments.forEach((declaredArg, index) => {
          let value = declaredArg.defaultValue;
          if (declaredArg.variadic) {
            if (index < this.args.length) {
              value = this.args.slice(index);
              if (declaredArg.parseArg) {
                value = value.reduce((processed, v) => {
                  return myParseArg(declaredArg, v, processed);
                }, declaredArg.defaultValue);
              }
            } else if (value === void 0) {
              value = [];
            }
          } else if (index < this.args.length) {
            value = this.args[index];
            if (declaredArg.parseArg) {
              value = myParseArg(declaredArg, value, declaredArg.defaultValue);
            }
          }
          processedArgs[index] = value;
        });
        this.processedArgs = processedArgs;
      }
      /**
       * Once we have a promise we chain, but call synchronously until then.
       *
       * @param {(Promise|undefined)} promise
       * @param {Function} fn
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCall(promise, fn) {
        if (promise?.then && typeof promise.then === "function") {
          return promise.then(() => fn());
        }
        return fn();
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallHooks(promise, event) {
        let result = promise;
        const hooks = [];
        this._getCommandAndAncestors().reverse().filter((cmd) => cmd._lifeCycleHooks[event] !== void 0).forEach((hookedCommand) => {
          hookedCommand._lifeCycleHooks[event].forEach((callback) => {
            hooks.push({ hookedCommand, callback });
          });
        });
        if (event === "postAction") {
          hooks.reverse();
        }
        hooks.forEach((hookDetail) => {
          result = this._chainOrCall(result, () => {
            return hookDetail.callback(hookDetail.hookedCommand, this);
          });
        });
        return result;
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {Command} subCommand
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallSubCommandHook(promise, subCommand, event) {
        let result = promise;
        if (this._lifeCycleHooks[event] !== void 0) {
          this._lifeCycleHooks[event].forEach((hook) => {
            result = this._chainOrCall(result, () => {
              return hook(this, subCommand);
            });
          });
        }
        return result;
      }
      /**
       * Process arguments in context of this command.
       * Returns action result, in case it is a promise.
       *
       * @private
       */
      _parseCommand(operands, unknown) {
        const parsed = this.parseOptions(unknown);
        this._parseOptionsEnv();
        this._parseOptionsImplied();
        operands = operands.concat(parsed.operands);
        unknown = parsed.unknown;
        this.args = operands.concat(unknown);
        if (operands && this._findCommand(operands[0])) {
          return this._dispatchSubcommand(operands[0], operands.slice(1), unknown);
        }
        if (this._getHelpCommand() && operands[0] === this._getHelpCommand().name()) {
          return this._dispatchHelpCommand(operands[1]);
        }
        if (this._defaultCommandName) {
          this._outputHelpIfRequested(unknown);
          return this._dispatchSubcommand(
            this._defaultCommandName,
            operands,
            unknown
          );
        }
        if (this.commands.length && this.args.length === 0 && !this._actionHandler && !this._defaultCommandName) {
          this.help({ error: true });
        }
        this._outputHelpIfRequested(parsed.unknown);
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        const checkForUnknownOptions = () => {
          if (parsed.unknown.length > 0) {
            this.unknownOption(parsed.unknown[0]);
          }
        };
        const commandEvent = `command:${this.name()}`;
        if (this._actionHandler) {
          checkForUnknownOptions();
          this._processArguments();
          let promiseChain;
          promiseChain = this._chainOrCallHooks(promiseChain, "preAction");
          promiseChain = this._chainOrCall(
            promiseChain,
            () => this._actionHandler(this.processedArgs)
          );
          if (this.parent) {
            promiseChain = this._chainOrCall(promiseChain, () => {
              this.parent.emit(commandEvent, operands, unknown);
            });
          }
          promiseChain = this._chainOrCallHooks(promiseChain, "postAction");
          return promiseChain;
        }
        if (this.parent?.listenerCount(commandEvent)) {
          checkForUnknownOptions();
          this._processArguments();
          this.parent.emit(commandEvent, operands, unknown);
        } else if (operands.length) {
          if (this._findCommand("*")) {
            return this._dispatchSubcommand("*", operands, unknown);
          }
          if (this.listenerCount("command:*")) {
            this.emit("command:*", operands, unknown);
          } else if (this.commands.length) {
            this.unknownCommand();
          } else {
            checkForUnknownOptions();
            this._processArguments();
          }
        } else if (this.commands.length) {
          checkForUnknownOptions();
          this.help({ error: true });
        } else {
          checkForUnknownOptions();
          this._processArguments();
        }
      }
      /**
       * Find matching command.
       *
       * @private
       * @return {Command | undefined}
       */
      _findCommand(name) {
        if (!name) return void 0;
        return this.commands.find(
          (cmd) => cmd._name === name || cmd._aliases.includes(name)
        );
      }
      /**
       * Return an option matching `arg` if any.
       *
       * @param {string} arg
       * @return {Option}
       * @package
       */
      _findOption(arg) {
        return this.options.find((option) => option.is(arg));
      }
      /**
       * Display an error message if a mandatory option does not have a value.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForMissingMandatoryOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd.options.forEach((anOption) => {
            if (anOption.mandatory && cmd.getOptionValue(anOption.attributeName()) === void 0) {
              cmd.missingMandatoryOptionValue(anOption);
            }
          });
        });
      }
      /**
       * Display an error message if conflicting options are used together in this.
       *
       * @private
       */
      _checkForConflictingLocalOptions() {
        const definedNonDefaultOptions = this.options.filter((option) => {
          const optionKey = option.attributeName();
          if (this.getOptionValue(optionKey) === void 0) {
            return false;
          }
          return this.getOptionValueSource(optionKey) !== "default";
        });
        const optionsWithConflicting = definedNonDefaultOptions.filter(
          (option) => option.conflictsWith.length > 0
        );
        optionsWithConflicting.forEach((option) => {
          const conflictingAndDefined = definedNonDefaultOptions.find(
            (defined) => option.conflictsWith.includes(defined.attributeName())
          );
          if (conflictingAndDefined) {
            this._conflictingOption(option, conflictingAndDefined);
          }
        });
      }
      /**
       * Display an error message if conflicting options are used together.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForConflictingOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd._checkForConflictingLocalOptions();
        });
      }
      /**
       * Parse options from `argv` removing known options,
       * and return argv split into operands and unknown arguments.
       *
       * Side effects: modifies command by storing options. Does not reset state if called again.
       *
       * Examples:
       *
       *     argv => operands, unknown
       *     --known kkk op => [op], []
       *     op --known kkk => [op], []
       *     sub --unknown uuu op => [sub], [--unknown uuu op]
       *     sub -- --unknown uuu op => [sub --unknown uuu op], []
       *
       * @param {string[]} args
       * @return {{operands: string[], unknown: string[]}}
       */
      parseOptions(args) {
        const operands = [];
        const unknown = [];
        let dest = operands;
        function maybeOption(arg) {
          return arg.length > 1 && arg[0] === "-";
        }
        const negativeNumberArg = (arg) => {
          if (!/^-(\d+|\d*\.\d+)(e[+-]?\d+)?$/.test(arg)) return false;
          return !this._getCommandAndAncestors().some(
            (cmd) => cmd.options.map((opt) => opt.short).some((short) => /^-\d$/.test(short))
          );
        };
        let activeVariadicOption = null;
        let activeGroup = null;
        let i = 0;
        while (i < args.length || activeGroup) {
          const arg = activeGroup ?? args[i++];
          activeGroup = null;
          if (arg === "--") {
            if (dest === unknown) dest.push(arg);
            dest.push(...args.slice(i));
            break;
          }
          if (activeVariadicOption && (!maybeOption(arg) || negativeNumberArg(arg))) {
            this.emit(`option:${activeVariadicOption.name()}`, arg);
            continue;
          }
          activeVariadicOption = null;
          if (maybeOption(arg)) {
            const option = this._findOption(arg);
            if (option) {
              if (option.required) {
                const value = args[i++];
                if (value === void 0) this.optionMissingArgument(option);
                this.emit(`option:${option.name()}`, value);
              } else if (option.optional) {
                let value = null;
                if (i < args.length && (!maybeOption(args[i]) || negativeNumberArg(args[i]))) {
                  value = args[i++];
                }
                this.emit(`option:${option.name()}`, value);
              } else {
                this.emit(`option:${option.name()}`);
              }
              activeVariadicOption = option.variadic ? option : null;
              continue;
            }
          }
          if (arg.length > 2 && arg[0] === "-" && arg[1] !== "-") {
            const option = this._findOption(`-${arg[1]}`);
            if (option) {
              if (option.required || option.optional && this._combineFlagAndOptionalValue) {
                this.emit(`option:${option.name()}`, arg.slice(2));
              } else {
                this.emit(`option:${option.name()}`);
                activeGroup = `-${arg.slice(2)}`;
              }
              continue;
            }
          }
          if (/^--[^=]+=/.test(arg)) {
            const index = arg.indexOf("=");
            const option = this._findOption(arg.slice(0, index));
            if (option && (option.required || option.optional)) {
              this.emit(`option:${option.name()}`, arg.slice(index + 1));
              continue;
            }
          }
          if (dest === operands && maybeOption(arg) && !(this.commands.length === 0 && negativeNumberArg(arg))) {
            dest = unknown;
          }
          if ((this._enablePositionalOptions || this._passThroughOptions) && operands.length === 0 && unknown.length === 0) {
            if (this._findCommand(arg)) {
              operands.push(arg);
              unknown.push(...args.slice(i));
              break;
            } else if (this._getHelpCommand() && arg === this._getHelpCommand().name()) {
              operands.push(arg, ...args.slice(i));
              break;
            } else if (this._defaultCommandName) {
              unknown.push(arg, ...args.slice(i));
              break;
            }
          }
          if (this._passThroughOptions) {
            dest.push(arg, ...args.slice(i));
            break;
          }
          dest.push(arg);
        }
        return { operands, unknown };
      }
      /**
       * Return an object containing local option values as key-value pairs.
       *
       * @return {object}
       */
      opts() {
        if (this._storeOptionsAsProperties) {
          const result = {};
          const len = this.options.length;
          for (let i = 0; i < len; i++) {
            const key = this.options[i].attributeName();
            result[key] = key === this._versionOptionName ? this._version : this[key];
          }
          return result;
        }
        return this._optionValues;
      }
      /**
       * Return an object containing merged local and global option values as key-value pairs.
       *
       * @return {object}
       */
      optsWithGlobals() {
        return this._getCommandAndAncestors().reduce(
          (combinedOptions, cmd) => Object.assign(combinedOptions, cmd.opts()),
          {}
        );
      }
      /**
       * Display error message and exit (or call exitOverride).
       *
       * @param {string} message
       * @param {object} [errorOptions]
       * @param {string} [errorOptions.code] - an id string representing the error
       * @param {number} [errorOptions.exitCode] - used with process.exit
       */
      error(message, errorOptions) {
        this._outputConfiguration.outputError(
          `${message}
`,
          this._outputConfiguration.writeErr
        );
        if (typeof this._showHelpAfterError === "string") {
          this._outputConfiguration.writeErr(`${this._showHelpAfterError}
`);
        } else if (this._showHelpAfterError) {
          this._outputConfiguration.writeErr("\n");
          this.outputHelp({ error: true });
        }
        const config = errorOptions || {};
        const exitCode = config.exitCode || 1;
        const code = config.code || "commander.error";
        this._exit(exitCode, code, message);
      }
      /**
       * Apply any option related environment variables, if option does
       * not have a value from cli or client code.
       *
       * @private
       */
      _parseOptionsEnv() {
        this.options.forEach((option) => {
          if (option.envVar && option.envVar in process2.env) {
            const optionKey = option.attributeName();
            if (this.getOptionValue(optionKey) === void 0 || ["default", "config", "env"].includes(
              this.getOptionValueSource(optionKey)
            )) {
              if (option.required || option.optional) {
                this.emit(`optionEnv:${option.name()}`, process2.env[option.envVar]);
              } else {
                this.emit(`optionEnv:${option.name()}`);
              }
            }
          }
        });
      }
      /**
       * Apply any implied option values, if option is undefined or default value.
       *
       * @private
       */
      _parseOptionsImplied() {
        const dualHelper = new DualOptions(this.options);
        const hasCustomOptionValue = (optionKey) => {
          return this.getOptionValue(optionKey) !== void 0 && !["default", "implied"].includes(this.getOptionValueSource(optionKey));
        };
        this.options.filter(
          (option) => option.implied !== void 0 && hasCustomOptionValue(option.attributeName()) && dualHelper.valueFromOption(
            this.getOptionValue(option.attributeName()),
            option
          )
        ).forEach((option) => {
          Object.keys(option.implied).filter((impliedKey) => !hasCustomOptionValue(impliedKey)).forEach((impliedKey) => {
            this.setOptionValueWithSource(
              impliedKey,
              option.implied[impliedKey],
              "implied"
            );
          });
        });
      }
      /**
       * Argument `name` is missing.
       *
       * @param {string} name
       * @private
       */
      missingArgument(name) {
        const message = `error: missing required argument '${name}'`;
        this.error(message, { code: "commander.missingArgument" });
      }
      /**
       * `Option` is missing an argument.
       *
       * @param {Option} option
       * @private
       */
      optionMissingArgument(option) {
        const message = `error: option '${option.flags}' argument missing`;
        this.error(message, { code: "commander.optionMissingArgument" });
      }
      /**
       * `Option` does not have a value, and is a mandatory option.
       *
       * @param {Option} option
       * @private
       */
      missingMandatoryOptionValue(option) {
        const message = `error: required option '${option.flags}' not specified`;
        this.error(message, { code: "commander.missingMandatoryOptionValue" });
      }
      /**
       * `Option` conflicts with another option.
       *
       * @param {Option} option
       * @param {Option} conflictingOption
       * @private
       */
      _conflictingOption(option, conflictingOption) {
        const findBestOptionFromValue = (option2) => {
          const optionKey = option2.attributeName();
          const optionValue = this.getOptionValue(optionKey);
          const negativeOption = this.options.find(
            (target) => target.negate && optionKey === target.attributeName()
          );
          const positiveOption = this.options.find(
            (target) => !target.negate && optionKey === target.attributeName()
          );
          if (negativeOption && (negativeOption.presetArg === void 0 && optionValue === false || negativeOption.presetArg !== void 0 && optionValue === negativeOption.presetArg)) {
            return negativeOption;
          }
          return positiveOption || option2;
        };
        const getErrorMessage = (option2) => {
          const bestOption = findBestOptionFromValue(option2);
          const optionKey = bestOption.attributeName();
          const source = this.getOptionValueSource(optionKey);
          if (source === "env") {
            return `environment variable '${bestOption.envVar}'`;
          }
          return `option '${bestOption.flags}'`;
        };
        const message = `error: ${getErrorMessage(option)} cannot be used with ${getErrorMessage(conflictingOption)}`;
        this.error(message, { code: "commander.conflictingOption" });
      }
      /**
       * Unknown option `flag`.
       *
       * @param {string} flag
       * @private
       */
      unknownOption(flag) {
        if (this._allowUnknownOption) return;
        let suggestion = "";
        if (flag.startsWith("--") && this._showSuggestionAfterError) {
          let candidateFlags = [];
          let command = this;
          do {
            const moreFlags = command.createHelp().visibleOptions(command).filter((option) => option.long).map((option) => option.long);
            candidateFlags = candidateFlags.concat(moreFlags);
            command = command.parent;
          } while (command && !command._enablePositionalOptions);
          suggestion = suggestSimilar(flag, candidateFlags);
        }
        const message = `error: unknown option '${flag}'${suggestion}`;
        this.error(message, { code: "commander.unknownOption" });
      }
      /**
       * Excess arguments, more than expected.
       *
       * @param {string[]} receivedArgs
       * @private
       */
      _excessArguments(receivedArgs) {
        if (this._allowExcessArguments) return;
        const expected = this.registeredArguments.length;
        const s = expected === 1 ? "" : "s";
        const forSubcommand = this.parent ? ` for '${this.name()}'` : "";
        const message = `error: too many arguments${forSubcommand}. Expected ${expected} argument${s} but got ${receivedArgs.length}.`;
        this.error(message, { code: "commander.excessArguments" });
      }
      /**
       * Unknown command.
       *
       * @private
       */
      unknownCommand() {
        const unknownName = this.args[0];
        let suggestion = "";
        if (this._showSuggestionAfterError) {
          const candidateNames = [];
          this.createHelp().visibleCommands(this).forEach((command) => {
            candidateNames.push(command.name());
            if (command.alias()) candidateNames.push(command.alias());
          });
          suggestion = suggestSimilar(unknownName, candidateNames);
        }
        const message = `error: unknown command '${unknownName}'${suggestion}`;
        this.error(message, { code: "commander.unknownCommand" });
      }
      /**
       * Get or set the program version.
       *
       * This method auto-registers the "-V, --version" option which will print the version number.
       *
       * You can optionally supply the flags and description to override the defaults.
       *
       * @param {string} [str]
       * @param {string} [flags]
       * @param {string} [description]
       * @return {(this | string | undefined)} `this` command for chaining, or version string if no arguments
       */
      version(str, flags, description) {
        if (str === void 0) return this._version;
        this._version = str;
        flags = flags || "-V, --version";
        description = description || "output the version number";
        const versionOption = this.createOption(flags, description);
        this._versionOptionName = versionOption.attributeName();
        this._registerOption(versionOption);
        this.on("option:" + versionOption.name(), () => {
          this._outputConfiguration.writeOut(`${str}
`);
          this._exit(0, "commander.version", str);
        });
        return this;
      }
      /**
       * Set the description.
       *
       * @param {string} [str]
       * @param {object} [argsDescription]
       * @return {(string|Command)}
       */
      description(str, argsDescription) {
        if (str === void 0 && argsDescription === void 0)
          return this._description;
        this._description = str;
        if (argsDescription) {
          this._argsDescription = argsDescription;
        }
        return this;
      }
      /**
       * Set the summary. Used when listed as subcommand of parent.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      summary(str) {
        if (str === void 0) return this._summary;
        this._summary = str;
        return this;
      }
      /**
       * Set an alias for the command.
       *
       * You may call more than once to add multiple aliases. Only the first alias is shown in the auto-generated help.
       *
       * @param {string} [alias]
       * @return {(string|Command)}
       */
      alias(alias) {
        if (alias === void 0) return this._aliases[0];
        let command = this;
        if (this.commands.length !== 0 && this.commands[this.commands.length - 1]._executableHandler) {
          command = this.commands[this.commands.length - 1];
        }
        if (alias === command._name)
          throw new Error("Command alias can't be the same as its name");
        const matchingCommand = this.parent?._findCommand(alias);
        if (matchingCommand) {
          const existingCmd = [matchingCommand.name()].concat(matchingCommand.aliases()).join("|");
          throw new Error(
            `cannot add alias '${alias}' to command '${this.name()}' as already have command '${existingCmd}'`
          );
        }
        command._aliases.push(alias);
        return this;
      }
      /**
       * Set aliases for the command.
       *
       * Only the first alias is shown in the auto-generated help.
       *
       * @param {string[]} [aliases]
       * @return {(string[]|Command)}
       */
      aliases(aliases) {
        if (aliases === void 0) return this._aliases;
        aliases.forEach((alias) => this.alias(alias));
        return this;
      }
      /**
       * Set / get the command usage `str`.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      usage(str) {
        if (str === void 0) {
          if (this._usage) return this._usage;
          const args = this.registeredArguments.map((arg) => {
            return humanReadableArgName(arg);
          });
          return [].concat(
            this.options.length || this._helpOption !== null ? "[options]" : [],
            this.commands.length ? "[command]" : [],
            this.registeredArguments.length ? args : []
          ).join(" ");
        }
        this._usage = str;
        return this;
      }
      /**
       * Get or set the name of the command.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      name(str) {
        if (str === void 0) return this._name;
        this._name = str;
        return this;
      }
      /**
       * Set/get the help group heading for this subcommand in parent command's help.
       *
       * @param {string} [heading]
       * @return {Command | string}
       */
      helpGroup(heading) {
        if (heading === void 0) return this._helpGroupHeading ?? "";
        this._helpGroupHeading = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for subcommands added to this command.
       * (This does not override a group set directly on the subcommand using .helpGroup().)
       *
       * @example
       * program.commandsGroup('Development Commands:);
       * program.command('watch')...
       * program.command('lint')...
       * ...
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      commandsGroup(heading) {
        if (heading === void 0) return this._defaultCommandGroup ?? "";
        this._defaultCommandGroup = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for options added to this command.
       * (This does not override a group set directly on the option using .helpGroup().)
       *
       * @example
       * program
       *   .optionsGroup('Development Options:')
       *   .option('-d, --debug', 'output extra debugging')
       *   .option('-p, --profile', 'output profiling information')
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      optionsGroup(heading) {
        if (heading === void 0) return this._defaultOptionGroup ?? "";
        this._defaultOptionGroup = heading;
        return this;
      }
      /**
       * @param {Option} option
       * @private
       */
      _initOptionGroup(option) {
        if (this._defaultOptionGroup && !option.helpGroupHeading)
          option.helpGroup(this._defaultOptionGroup);
      }
      /**
       * @param {Command} cmd
       * @private
       */
      _initCommandGroup(cmd) {
        if (this._defaultCommandGroup && !cmd.helpGroup())
          cmd.helpGroup(this._defaultCommandGroup);
      }
      /**
       * Set the name of the command from script filename, such as process.argv[1],
       * or require.main.filename, or __filename.
       *
       * (Used internally and public although not documented in README.)
       *
       * @example
       * program.nameFromFilename(require.main.filename);
       *
       * @param {string} filename
       * @return {Command}
       */
      nameFromFilename(filename) {
        this._name = path.basename(filename, path.extname(filename));
        return this;
      }
      /**
       * Get or set the directory for searching for executable subcommands of this command.
       *
       * @example
       * program.executableDir(__dirname);
       * // or
       * program.executableDir('subcommands');
       *
       * @param {string} [path]
       * @return {(string|null|Command)}
       */
      executableDir(path2) {
        if (path2 === void 0) return this._executableDir;
        this._executableDir = path2;
        return this;
      }
      /**
       * Return program help documentation.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to wrap for stderr instead of stdout
       * @return {string}
       */
      helpInformation(contextOptions) {
        const helper = this.createHelp();
        const context = this._getOutputContext(contextOptions);
        helper.prepareContext({
          error: context.error,
          helpWidth: context.helpWidth,
          outputHasColors: context.hasColors
        });
        const text = helper.formatHelp(this, helper);
        if (context.hasColors) return text;
        return this._outputConfiguration.stripColor(text);
      }
      /**
       * @typedef HelpContext
       * @type {object}
       * @property {boolean} error
       * @property {number} helpWidth
       * @property {boolean} hasColors
       * @property {function} write - includes stripColor if needed
       *
       * @returns {HelpContext}
       * @private
       */
      _getOutputContext(contextOptions) {
        contextOptions = contextOptions || {};
        const error = !!contextOptions.error;
        let baseWrite;
        let hasColors;
        let helpWidth;
        if (error) {
          baseWrite = (str) => this._outputConfiguration.writeErr(str);
          hasColors = this._outputConfiguration.getErrHasColors();
          helpWidth = this._outputConfiguration.getErrHelpWidth();
        } else {
          baseWrite = (str) => this._outputConfiguration.writeOut(str);
          hasColors = this._outputConfiguration.getOutHasColors();
          helpWidth = this._outputConfiguration.getOutHelpWidth();
        }
        const write = (str) => {
          if (!hasColors) str = this._outputConfiguration.stripColor(str);
          return baseWrite(str);
        };
        return { error, write, hasColors, helpWidth };
      }
      /**
       * Output help information for this command.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean } | Function} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      outputHelp(contextOptions) {
        let deprecatedCallback;
        if (typeof contextOptions === "function") {
          deprecatedCallback = contextOptions;
          contextOptions = void 0;
        }
        const outputContext = this._getOutputContext(contextOptions);
        const eventContext = {
          error: outputContext.error,
          write: outputContext.write,
          command: this
        };
        this._getCommandAndAncestors().reverse().forEach((command) => command.emit("beforeAllHelp", eventContext));
        this.emit("beforeHelp", eventContext);
        let helpInformation = this.helpInformation({ error: outputContext.error });
        if (deprecatedCallback) {
          helpInformation = deprecatedCallback(helpInformation);
          if (typeof helpInformation !== "string" && !Buffer.isBuffer(helpInformation)) {
            throw new Error("outputHelp callback must return a string or a Buffer");
          }
        }
        outputContext.write(helpInformation);
        if (this._getHelpOption()?.long) {
          this.emit(this._getHelpOption().long);
        }
        this.emit("afterHelp", eventContext);
        this._getCommandAndAncestors().forEach(
          (command) => command.emit("afterAllHelp", eventContext)
        );
      }
      /**
       * You can pass in flags and a description to customise the built-in help option.
       * Pass in false to disable the built-in help option.
       *
       * @example
       * program.helpOption('-?, --help' 'show help'); // customise
       * program.helpOption(false); // disable
       *
       * @param {(string | boolean)} flags
       * @param {string} [description]
       * @return {Command} `this` command for chaining
       */
      helpOption(flags, description) {
        if (typeof flags === "boolean") {
          if (flags) {
            if (this._helpOption === null) this._helpOption = void 0;
            if (this._defaultOptionGroup) {
              this._initOptionGroup(this._getHelpOption());
            }
          } else {
            this._helpOption = null;
          }
          return this;
        }
        this._helpOption = this.createOption(
          flags ?? "-h, --help",
          description ?? "display help for command"
        );
        if (flags || description) this._initOptionGroup(this._helpOption);
        return this;
      }
      /**
       * Lazy create help option.
       * Returns null if has been disabled with .helpOption(false).
       *
       * @returns {(Option | null)} the help option
       * @package
       */
      _getHelpOption() {
        if (this._helpOption === void 0) {
          this.helpOption(void 0, void 0);
        }
        return this._helpOption;
      }
      /**
       * Supply your own option to use for the built-in help option.
       * This is an alternative to using helpOption() to customise the flags and description etc.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addHelpOption(option) {
        this._helpOption = option;
        this._initOptionGroup(option);
        return this;
      }
      /**
       * Output help information and exit.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      help(contextOptions) {
        this.outputHelp(contextOptions);
        let exitCode = Number(process2.exitCode ?? 0);
        if (exitCode === 0 && contextOptions && typeof contextOptions !== "function" && contextOptions.error) {
          exitCode = 1;
        }
        this._exit(exitCode, "commander.help", "(outputHelp)");
      }
      /**
       * // Do a little typing to coordinate emit and listener for the help text events.
       * @typedef HelpTextEventContext
       * @type {object}
       * @property {boolean} error
       * @property {Command} command
       * @property {function} write
       */
      /**
       * Add additional text to be displayed with the built-in help.
       *
       * Position is 'before' or 'after' to affect just this command,
       * and 'beforeAll' or 'afterAll' to affect this command and all its subcommands.
       *
       * @param {string} position - before or after built-in help
       * @param {(string | Function)} text - string to add, or a function returning a string
       * @return {Command} `this` command for chaining
       */
      addHelpText(position, text) {
        const allowedValues = ["beforeAll", "before", "after", "afterAll"];
        if (!allowedValues.includes(position)) {
          throw new Error(`Unexpected value for position to addHelpText.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        const helpEvent = `${position}Help`;
        this.on(helpEvent, (context) => {
          let helpStr;
          if (typeof text === "function") {
            helpStr = text({ error: context.error, command: context.command });
          } else {
            helpStr = text;
          }
          if (helpStr) {
            context.write(`${helpStr}
`);
          }
        });
        return this;
      }
      /**
       * Output help information if help flags specified
       *
       * @param {Array} args - array of options to search for help flags
       * @private
       */
      _outputHelpIfRequested(args) {
        const helpOption = this._getHelpOption();
        const helpRequested = helpOption && args.find((arg) => helpOption.is(arg));
        if (helpRequested) {
          this.outputHelp();
          this._exit(0, "commander.helpDisplayed", "(outputHelp)");
        }
      }
    };
    function incrementNodeInspectorPort(args) {
      return args.map((arg) => {
        if (!arg.startsWith("--inspect")) {
          return arg;
        }
        let debugOption;
        let debugHost = "127.0.0.1";
        let debugPort = "9229";
        let match;
        if ((match = arg.match(/^(--inspect(-brk)?)$/)) !== null) {
          debugOption = match[1];
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+)$/)) !== null) {
          debugOption = match[1];
          if (/^\d+$/.test(match[3])) {
            debugPort = match[3];
          } else {
            debugHost = match[3];
          }
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+):(\d+)$/)) !== null) {
          debugOption = match[1];
          debugHost = match[3];
          debugPort = match[4];
        }
        if (debugOption && debugPort !== "0") {
          return `${debugOption}=${debugHost}:${parseInt(debugPort) + 1}`;
        }
        return arg;
      });
    }
    function useColor() {
      if (process2.env.NO_COLOR || process2.env.FORCE_COLOR === "0" || process2.env.FORCE_COLOR === "false")
        return false;
      if (process2.env.FORCE_COLOR || process2.env.CLICOLOR_FORCE !== void 0)
        return true;
      return void 0;
    }
    exports.Command = Command2;
    exports.useColor = useColor;
  }
});

// node_modules/commander/index.js
var require_commander = __commonJS({
  "node_modules/commander/index.js"(exports) {
    var { Argument: Argument2 } = require_argument();
    var { Command: Command2 } = require_command();
    var { CommanderError: CommanderError2, InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var { Help: Help2 } = require_help();
    var { Option: Option2 } = require_option();
    exports.program = new Command2();
    exports.createCommand = (name) => new Command2(name);
    exports.createOption = (flags, description) => new Option2(flags, description);
    exports.createArgument = (name, description) => new Argument2(name, description);
    exports.Command = Command2;
    exports.Option = Option2;
    exports.Argument = Argument2;
    exports.Help = Help2;
    exports.CommanderError = CommanderError2;
    exports.InvalidArgumentError = InvalidArgumentError2;
    exports.InvalidOptionArgumentError = InvalidArgumentError2;
  }
});

// node_modules/commander/esm.mjs
var import_index = __toESM(require_commander(), 1);
var {
  program,
  createCommand,
  createArgument,
  createOption,
  CommanderError,
  InvalidArgumentError,
  InvalidOptionArgumentError,
  // deprecated old name
  Command,
  Argument,
  Option,
  Help
} = import_index.default;

// src/cli/commands/check.ts
import { join, resolve as resolve4 } from "node:path";

// src/cli/commands/shard-output.ts
import { resolve as resolve3 } from "node:path";

// src/cli/context.ts
var EXIT = {
  /** The gate ran and nothing blocks. */
  pass: 0,
  /** The gate ran and blocks promotion. */
  blocked: 1,
  /** The gate could not judge: bad arguments, unreadable configuration, internal error. */
  unusable: 2
};
var UsageError = class extends Error {
  name = "UsageError";
};

// src/cli/output.ts
import { stat as stat2 } from "node:fs/promises";
import { dirname, resolve as resolve2 } from "node:path";

// src/report/text.ts
function formatText(report) {
  const out = [];
  const baseline = report.baseline ? ` against baseline ${versionLabel(report.baseline)}` : "";
  out.push(
    `embedding-gate ${report.tool.version}: candidate ${versionLabel(report.candidate)}${baseline}`
  );
  out.push("");
  const vectors = [
    ["candidate", report.candidate.vectors],
    ["baseline", report.baseline?.vectors]
  ];
  if (vectors.some(([, v]) => v)) {
    out.push("Vectors");
    for (const [label, v] of vectors) {
      if (!v) continue;
      out.push(`  ${pad(label, 10)} ${v.file}: ${shapeLabel(v)}`);
      const norms = normsLabel(v);
      if (norms) out.push(`  ${pad("", 10)} ${norms}`);
    }
    out.push("");
  }
  const applicable = report.consumers.filter((c) => c.applies);
  if (applicable.length) {
    out.push("Consumers");
    const width = Math.max(...applicable.map((c) => c.consumer.length));
    const ownerWidth = Math.max(...applicable.map((c) => c.owner.length));
    for (const c of applicable) {
      const mark = c.satisfied ? "ok  " : c.status === "pending" ? "warn" : "FAIL";
      const failed = c.requirements.filter((r) => !r.ok);
      const detail = failed.length ? failed.map((r) => `${r.requirement}: needs ${r.expected}, has ${r.found}`).join("; ") : c.requirements.map((r) => r.requirement).join(", ") + " satisfied";
      out.push(
        `  ${mark} ${pad(c.consumer, width)}  ${pad(c.status, 7)}  ${pad(c.owner, ownerWidth)}  ${detail}`
      );
    }
    out.push("");
  }
  if (report.changes?.length) {
    out.push(`Changes from ${report.baseline?.version ?? "baseline"}`);
    for (const ch of report.changes) out.push(`  ${pad(ch.field, 15)} ${ch.from} -> ${ch.to}`);
    out.push("");
  }
  if (report.coverage) {
    const c = report.coverage;
    out.push(
      `Id coverage: ${count(c.candidateIds)} candidate ids, ${count(c.baselineIds)} baseline ids, ${count(c.missing)} missing, ${count(c.added)} new`
    );
    out.push("");
  }
  out.push(...suitesText(report));
  out.push(...stagingText(report));
  out.push(...versioningText(report));
  if (report.onnxRuntime) out.push(`ONNX runtime: ${runtimeLabel(report.onnxRuntime)}`, "");
  if (report.findings.length) {
    out.push(`Findings (${countsLabel(report)})`);
    for (const f of report.findings) {
      out.push(`  ${pad(f.severity, 7)}  ${pad(f.id, 22)}  ${whereLabel(f)}`);
      out.push(`           ${f.message}`);
      if (f.suppressed) out.push(`           does not block: ${suppressionLabel(f)}`);
    }
    out.push("");
  }
  out.push(`Verdict: ${verdictSentence(report)}`);
  return out.join("\n") + "\n";
}

// src/report/index.ts
var FORMATTERS = {
  text: (report) => formatText(report),
  json: (report) => formatJson(report),
  markdown: (report) => formatMarkdown(report),
  sarif: (report, options) => formatSarif(report, options),
  junit: (report) => formatJunit(report),
  html: formatHtml
};
var FORMAT_NAMES = Object.keys(FORMATTERS);

// src/cli/files.ts
import { constants } from "node:fs";
import { access, stat } from "node:fs/promises";
import { resolve } from "node:path";
function requireLocalPath(value, option) {
  const problem = pathProblem(value, { allowBackslash: true });
  if (problem !== void 0) throw new UsageError(`${option} ${quotePath(value)} ${problem}`);
}
async function requireInputFile(cwd, value, option, what) {
  requireLocalPath(value, option);
  const path = resolve(cwd, value);
  const problem = await fileProblem(path);
  if (problem !== void 0)
    throw new UsageError(`${option} ${value}: ${problem}; expected ${what}`);
  return path;
}
function isRemoteInput(value) {
  return isPgRef(value) || REMOTE_REF.test(value);
}
async function requireVectorsInput(cwd, value, option, allowRemote) {
  const table = isPgRef(value);
  if (table || REMOTE_REF.test(value)) {
    if (allowRemote) return value;
    const shown2 = table ? redact(value) : redactUrl(value);
    throw new UsageError(
      `${option} ${quotePath(shown2)} is ${table ? "a database table" : "remote"}; remote reads are off by default so that a pull request cannot make CI fetch arbitrary URLs: pass --allow-remote to read it`
    );
  }
  requireLocalPath(value, option);
  const path = resolve(cwd, value);
  const info = await stat(path).catch(() => void 0);
  if (info?.isFile()) return requireInputFile(cwd, value, option, "a vectors file");
  if (info?.isDirectory() || !info && isDatasetPattern(path)) {
    if ((await listLocalDataset(path)).parts.length > 0) return path;
    throw new UsageError(
      `${option} ${quotePath(value)}: names no parts; expected a vectors file, or a directory or glob of vectors files`
    );
  }
  return requireInputFile(cwd, value, option, "a vectors file, or a directory or glob of parts");
}
async function optionalInputFile(cwd, value, option, what) {
  return value === void 0 ? void 0 : requireInputFile(cwd, value, option, what);
}
async function fileProblem(path) {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return "is a directory";
    if (!info.isFile()) return "is not a regular file";
    await access(path, constants.R_OK);
    return void 0;
  } catch (err) {
    return describeFsError(err);
  }
}
async function requireDirectory(cwd, value, option, what) {
  requireLocalPath(value, option);
  const path = resolve(cwd, value);
  const info = await stat(path).catch(() => void 0);
  if (!info) throw new UsageError(`${option} ${value}: no such directory; expected ${what}`);
  if (!info.isDirectory())
    throw new UsageError(`${option} ${value}: is not a directory; expected ${what}`);
  return path;
}

// src/cli/output.ts
var EXTENSION = {
  text: "txt",
  json: "json",
  markdown: "md",
  sarif: "sarif",
  junit: "xml",
  html: "html"
};
function parseOutputs(formats, output) {
  const targets = formats.map((spec) => {
    const eq = spec.indexOf("=");
    const name = (eq < 0 ? spec : spec.slice(0, eq)).trim();
    const file = eq < 0 ? void 0 : spec.slice(eq + 1).trim();
    if (!FORMAT_NAMES.includes(name)) {
      throw new UsageError(
        `--format ${spec}: unknown format "${name}"; expected one of ${FORMAT_NAMES.join(", ")}`
      );
    }
    if (file === "") throw new UsageError(`--format ${spec}: expected a file name after "="`);
    return { format: name, file: file ?? output };
  });
  const byFile = /* @__PURE__ */ new Map();
  for (const t of targets) {
    if (!t.file) continue;
    const other = byFile.get(resolve2(t.file));
    if (other)
      throw new UsageError(
        `--format ${other} and --format ${t.format} would both write ${t.file}, and one would silently replace the other; give each its own file, e.g. --format ${t.format}=report.${EXTENSION[t.format]}`
      );
    byFile.set(resolve2(t.file), t.format);
  }
  const toStdout = targets.filter((t) => !t.file);
  if (toStdout.length > 1) {
    throw new UsageError(
      `--format ${toStdout.map((t) => t.format).join(" and ")} would all write to standard output; send all but one to files, e.g. --format ${toStdout[1].format}=report.${EXTENSION[toStdout[1].format]}`
    );
  }
  return targets;
}
async function requireOutputTargets(targets, cwd, option = "--format") {
  for (const t of targets)
    if (t.file) await requireOutputFile(cwd, t.file, `${option} ${t.format}=${t.file}`);
}
async function emitReport(report, targets, io, options = {}) {
  for (const t of targets) {
    const text = FORMATTERS[t.format](report, options);
    if (t.file) await writeFileAtomic(resolve2(io.cwd, t.file), text);
    else io.stdout(text);
  }
}
async function requireOutputDirectory(dir, option) {
  requireLocalPath(dir, option);
  try {
    if (!(await stat2(dir)).isDirectory())
      throw new UsageError(
        `${option} ${dir}: is not a directory; expected a directory for the run files`
      );
  } catch (err) {
    if (err.code !== "ENOENT") throw err;
  }
}
async function requireOutputFile(cwd, value, option) {
  requireLocalPath(value, option);
  const file = resolve2(cwd, value);
  const info = await stat2(file).catch(() => void 0);
  if (info?.isDirectory())
    throw new UsageError(`${option}: ${value} is a directory; expected a file to write`);
  if (info && !info.isFile())
    throw new UsageError(`${option}: ${value} is not a regular file; expected a file to write`);
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const parent = await stat2(dir).catch(() => void 0);
    if (parent && !parent.isDirectory())
      throw new UsageError(`${option}: ${dir} is not a directory; cannot write ${value} below it`);
    if (parent || dirname(dir) === dir) return file;
  }
}

// src/cli/commands/shard-output.ts
async function writeShard(request, opts, io, run) {
  if (opts.partial === void 0)
    throw new UsageError(
      `--shard ${opts.shard} needs --partial <file>: a shard writes a partial result, and "embedding-gate merge" makes the report`
    );
  const shard = parseShard(opts.shard ?? "1/1");
  await requireOutputTargets([{ format: "json", file: opts.partial }], io.cwd);
  const partial = await run((d) => runShard(request, d, shard));
  await writeFileAtomic(resolve3(io.cwd, opts.partial), serialisePartial(partial));
  io.stderr(`shard ${shard.index}/${shard.count}: partial result written to ${opts.partial}
`);
}

// src/cli/progress.ts
function showProgress(o) {
  return o.stderrIsTTY === true && !o.quiet && o.toStdout.every((f) => f === "text");
}
function progressDisplay(write, elapsedMs, timing = {}) {
  const delay = timing.delayMs ?? 2e3;
  const interval = timing.intervalMs ?? 200;
  const start = elapsedMs();
  let label = "";
  let stepStart = start;
  let counter;
  let drawn = false;
  let lastDraw = -Infinity;
  const erase = () => {
    if (drawn) write("\r\x1B[2K");
    drawn = false;
  };
  const draw = (now) => {
    if (!label || now - stepStart < delay || now - lastDraw < interval) return;
    const what = counter?.progress.what ? ` (${counter.progress.what})` : "";
    const body = counter ? `: ${progressText(counter.progress, counter.at - counter.since)}` : "\u2026";
    write(`\r\x1B[2Kembedding-gate: ${label}${what}${body} \xB7 ${seconds(now - start)} s`);
    drawn = true;
    lastDraw = now;
  };
  return {
    begin(next) {
      erase();
      label = next;
      stepStart = elapsedMs();
      counter = void 0;
    },
    update(progress) {
      const now = elapsedMs();
      const restarts = !counter || counter.progress.what !== progress.what || progress.done < counter.progress.done;
      counter = restarts ? { progress, since: counter ? counter.at : stepStart, at: now } : { ...counter, progress, at: now };
      draw(now);
    },
    tick: () => draw(elapsedMs()),
    end: erase
  };
}
var LABEL = {
  plan: "reading the manifests, contracts and suites",
  scan: "reading the vectors",
  consumers: "checking the consumer contracts",
  benchmarks: "running the benchmark suites",
  staging: "running the consumers' models",
  baseline: "comparing with the baseline",
  versioning: "versioning, registry and compatibility",
  judge: "judging"
};
function progressLine(write, elapsedMs, timing = {}) {
  const display = progressDisplay(write, elapsedMs, timing);
  return {
    stepStarted: (step) => display.begin(LABEL[step]),
    stepFinished: () => display.tick(),
    progress: (_step, p) => display.update(p),
    tick: () => display.tick(),
    end: () => display.end()
  };
}
async function withProgress(line2, body) {
  if (!line2) return body(void 0);
  const timer = setInterval(() => line2.tick(), 200);
  timer.unref();
  try {
    return await body(line2);
  } finally {
    clearInterval(timer);
    line2.end();
  }
}

// src/cli/options.ts
function positiveInt(name, max = 65536) {
  return (value) => {
    if (!/^\d+$/.test(value.trim()))
      throw new InvalidArgumentError(`${name} must be a whole number, found "${value}"`);
    const n = Number(value);
    if (n < 1 || n > max)
      throw new InvalidArgumentError(`${name} must be between 1 and ${max}, found ${n}`);
    return n;
  };
}
function positiveNumber(name) {
  return (value) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0)
      throw new InvalidArgumentError(`${name} must be a positive number, found "${value}"`);
    return n;
  };
}
function collect(value, previous) {
  return [...previous ?? [], value];
}
var failOnOption = () => new Option("--fail-on <level>", "lowest severity that blocks: error, warning or never").choices(["error", "warning", "never"]).default("error");
var dtypeOption = (flags, description) => new Option(flags, description).choices([...VECTOR_DTYPES]);
var vectorFormatOption = (flags, description) => new Option(flags, description).choices([...VECTOR_FORMATS]);
var allowRemoteOption = () => new Option(
  "--allow-remote",
  "read s3:// and http(s):// vectors (credentials from the AWS SDK chain; off by default)"
).default(false);
var MAX_CONFIG_KB = 1 << 20;
var MAX_ALIASES = 1e6;
function configLimitOption(which) {
  if (which === "size") {
    return new Option(
      "--max-config-kb <n>",
      `largest YAML or JSON file read (manifest, contract, suite, waivers, registry, report), in KiB (default ${DEFAULT_CONFIG_LIMITS.maxBytes / 1024})`
    ).argParser(positiveInt("--max-config-kb", MAX_CONFIG_KB));
  }
  return new Option(
    "--max-aliases <n>",
    `most YAML alias expansions (*name) in one file; 0 forbids aliases (default ${DEFAULT_CONFIG_LIMITS.maxAliases})`
  ).argParser((value) => {
    if (!/^\d+$/.test(value.trim()) || Number(value) > MAX_ALIASES)
      throw new InvalidArgumentError(
        `--max-aliases must be a whole number from 0 to ${MAX_ALIASES}, found "${value}"`
      );
    return Number(value);
  });
}
function configLimitsOf(opts) {
  return {
    ...opts.maxConfigKb !== void 0 && { maxBytes: opts.maxConfigKb * 1024 },
    ...opts.maxAliases !== void 0 && { maxAliases: opts.maxAliases }
  };
}
function vectorsFileOptions(command) {
  return command.option("--ids <file>", "sidecar ids file, one id per line (npy, binary)").option("--id-column <name>", "column holding the ids (arrow, parquet)").option("--vector-column <name>", "column holding the vectors (arrow, parquet)").addOption(
    vectorFormatOption(
      "--vectors-format <format>",
      "vectors file format (default: from the extension)"
    )
  );
}
function shardOptions(command) {
  return command.option(
    "--shard <i/n>",
    "run shard i of n (from 1): this shard's rows of every vectors file; needs --partial"
  ).option(
    "--partial <file>",
    `write this shard's partial result (JSON) instead of a report, for "embedding-gate merge"`
  );
}

// src/cli/commands/check.ts
var EXAMPLES = `
Examples:
  # gate a candidate against production and every consumer contract
  $ embedding-gate check --candidate releases/v2/manifest.yaml \\
      --baseline releases/v1/manifest.yaml --contracts contracts/

  # JSON for a machine, text for the terminal; block on warnings too
  $ embedding-gate check --candidate m.yaml --contracts 'contracts/*.yaml' \\
      --format text --format json=report.json --fail-on warning

  # with the registry: immutability of released versions, released hashes, sunsets
  $ embedding-gate check --candidate releases/v2/manifest.yaml \\
      --baseline releases/v1/manifest.yaml --contracts contracts/ --registry registry.yaml

  # against whatever the registry's production channel serves
  $ embedding-gate check --candidate releases/v2/manifest.yaml --contracts contracts/ \\
      --registry registry.yaml --baseline-channel production

Exit codes: 0 pass, 1 blocked, 2 could not judge (usage, unreadable configuration).`;
var MIB = 1024 * 1024;
function nonNegativeInt(name) {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || n > 4294967295)
      throw new InvalidArgumentError(
        `${name} must be a whole number from 0 to 4294967295, found "${value}"`
      );
    return n;
  };
}
function checkCommand(io, deps, setExit) {
  const command = new Command("check").description(
    "gate a candidate embedding version: manifest, vectors, consumer contracts, baseline"
  ).requiredOption("--candidate <manifest>", "manifest of the candidate version (YAML or JSON)").option("--baseline <manifest>", "manifest of the version in production, to compare with").option(
    "--baseline-channel <name>",
    "with --registry: compare with the version this channel serves (e.g. production) instead of --baseline"
  ).option("--contracts <dir|file|glob>", "consumer contracts; repeatable", collect).option(
    "--format <name[=file]>",
    'report format: text, json, markdown, sarif, junit, html; repeatable; "=file" writes it to a file',
    collect
  ).option(
    "--output <file>",
    'file for the formats given without "=file" (default: standard output)'
  ).addOption(failOnOption()).option("--quiet", "no progress line on a terminal").option(
    "--sarif-include-info",
    'also put info findings (notes such as "model revision changed") in SARIF; left out by default so they do not become code-scanning alerts on every release'
  ).option(
    "--registry <file>",
    "registry (contracts/registry.schema.json): released versions are immutable, released files unchanged, no consumer left past a sunset"
  ).option(
    "--sample-size <n>",
    "shared ids sampled to compare the candidate and baseline spaces (default 2000, at most 5000)",
    positiveInt("--sample-size", 5e3)
  ).option(
    "--seed <n>",
    "seed of every random draw: the compatibility sample and the regression statistics (defaults are fixed, so runs repeat)",
    nonNegativeInt("--seed")
  ).option(
    "--suites <file|glob>",
    "benchmark suites besides those the candidate manifest lists; repeatable",
    collect
  ).option(
    "--write-run <dir>",
    "write every TREC run the benchmarks evaluated into this directory"
  ).option(
    "--max-model-mb <n>",
    "largest ONNX model staging validation reads (default 512)",
    positiveInt("--max-model-mb", 1 << 20)
  ).option(
    "--max-data-mb <n>",
    "largest labels file or probe set staging validation reads (default 256)",
    positiveInt("--max-data-mb", 1 << 20)
  ).option(
    "--waivers <file>",
    "waivers file (contracts/waivers.schema.json): accepted findings, each until its expiry date"
  ).option(
    "--workspace <dir>",
    "every file the gate reads must lie inside this directory, by its real path (default: the working directory)"
  ).addOption(configLimitOption("size")).addOption(configLimitOption("aliases")).addOption(allowRemoteOption()).option("--debug", "print stack traces of internal errors").addHelpText("after", EXAMPLES);
  return shardOptions(command).action(async (opts) => {
    const targets = parseOutputs(opts.format ?? ["text"], opts.output);
    await requireOutputTargets(targets, io.cwd);
    const writeRuns = opts.writeRun === void 0 ? void 0 : resolve4(io.cwd, opts.writeRun);
    if (writeRuns) await requireOutputDirectory(writeRuns, "--write-run");
    const workspace = await requireDirectory(
      io.cwd,
      opts.workspace ?? ".",
      "--workspace",
      "the directory every file of the run lies in"
    );
    requireLocalPath(opts.candidate, "--candidate");
    if (opts.baseline !== void 0) requireLocalPath(opts.baseline, "--baseline");
    if (opts.waivers !== void 0) requireLocalPath(opts.waivers, "--waivers");
    if (opts.registry !== void 0) requireLocalPath(opts.registry, "--registry");
    for (const c of opts.contracts ?? []) requireLocalPath(c, "--contracts");
    for (const s of opts.suites ?? []) requireLocalPath(s, "--suites");
    const allowRemote = opts.allowRemote === true;
    const request = {
      candidate: opts.candidate,
      baseline: opts.baseline,
      baselineChannel: opts.baselineChannel,
      contracts: opts.contracts ?? [],
      failOn: opts.failOn,
      workspace,
      allowRemote,
      cwd: io.cwd,
      waivers: opts.waivers,
      registry: opts.registry,
      compatibility: { sampleSize: opts.sampleSize, seed: opts.seed },
      staging: {
        maxModelBytes: opts.maxModelMb === void 0 ? void 0 : opts.maxModelMb * MIB,
        maxDataBytes: opts.maxDataMb === void 0 ? void 0 : opts.maxDataMb * MIB
      },
      suites: opts.suites,
      seed: opts.seed,
      configLimits: configLimitsOf(opts),
      keepRuns: writeRuns !== void 0
    };
    const sharded = opts.shard !== void 0 || opts.partial !== void 0;
    const progress = showProgress({
      stderrIsTTY: io.stderrIsTTY,
      quiet: opts.quiet === true,
      // A shard writes its partial to a file, never to stdout.
      toStdout: sharded ? [] : targets.filter((t) => !t.file).map((t) => t.format)
    }) ? progressLine(io.stderr, io.elapsedMs ?? (() => performance.now())) : void 0;
    const confined = confineDeps(deps, workspace, { allowRemote });
    const observed = (run) => withProgress(progress, (observer) => run(observer ? { ...confined, observer } : confined));
    if (sharded) {
      await writeShard(request, opts, io, observed);
      setExit(EXIT.pass);
      return;
    }
    const { report, runs } = await observed((d) => runGate(request, d));
    if (writeRuns) {
      for (const run of runs)
        await writeLinesAtomic(join(writeRuns, `${run.suite}.${run.label}.run`), run.lines());
    }
    await emitReport(report, targets, io, {
      includeInfo: opts.sarifIncludeInfo === true,
      readmeUrl: readmeUrlFromEnv(io.env),
      workspace
    });
    setExit(report.verdict === "pass" ? EXIT.pass : EXIT.blocked);
  });
}

// src/retrieval/c-format.ts
function formatFixed(x, digits) {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  const negative = x < 0 || Object.is(x, -0);
  const abs = Math.abs(x);
  const scaled = abs * 10 ** digits;
  const frac = scaled - Math.floor(scaled);
  if (Math.abs(frac - 0.5) < 1e-6 && abs < 1e15) {
    const exact = abs.toFixed(100);
    const dot = exact.indexOf(".");
    const kept = exact.slice(0, dot + 1 + digits);
    const rest = exact.slice(dot + 1 + digits);
    if (/^50*$/.test(rest)) {
      const lastDigit = Number(kept.replace(".", "").slice(-1));
      if (lastDigit % 2 === 0) {
        const body = digits === 0 ? kept.slice(0, -1) : kept;
        return (negative ? "-" : "") + body;
      }
    }
  }
  return (negative ? "-" : "") + abs.toFixed(digits);
}

// src/retrieval/trec-eval.ts
var PRINT_ORDER = [
  "runid",
  "num_q",
  ...MEASURE_FAMILIES.slice(0, MEASURE_FAMILIES.findIndex((f) => f.name === "P") + 1).map(
    (f) => f.name
  ),
  "relstring",
  ...MEASURE_FAMILIES.slice(MEASURE_FAMILIES.findIndex((f) => f.name === "P") + 1).map(
    (f) => f.name
  )
];
var SPECIAL = /* @__PURE__ */ new Set(["runid", "num_q", "relstring"]);
var NICKNAMES = {
  official: [
    "runid",
    "num_q",
    "num_ret",
    "num_rel",
    "num_rel_ret",
    "map",
    "gm_map",
    "Rprec",
    "bpref",
    "recip_rank",
    "iprec_at_recall",
    "P"
  ],
  set: [
    "runid",
    "num_q",
    "num_ret",
    "num_rel",
    "num_rel_ret",
    "utility",
    "set_P",
    "set_recall",
    "set_relative_P",
    "set_map",
    "set_F"
  ],
  all_trec: PRINT_ORDER
};
var MEASURE_FORMS = [
  "a measure name (map, ndcg, P, ndcg_cut, ...)",
  "name.cutoffs (P.5,10)",
  "an expanded name (P_5, iprec_at_recall_0.50)",
  "a nickname (official, set, all_trec)"
];
function parseCutoffs(arg, family, text) {
  const spec = family.cutoffs;
  if (!spec)
    throw new UnknownMetricError(arg, MEASURE_FORMS, `${family.name} takes no parameters here`);
  const values = text.split(",").map((t) => {
    const v = Number(t.trim());
    const ok = t.trim() !== "" && Number.isFinite(v) && (spec.kind === "fraction" || Number.isInteger(v) && v > 0);
    if (!ok) {
      const want = spec.kind === "rank" ? "positive integers" : "numbers";
      throw new UnknownMetricError(
        arg,
        MEASURE_FORMS,
        `cutoffs of ${family.name} must be ${want}, found ${JSON.stringify(t)}`
      );
    }
    return v;
  });
  return values;
}
function splitExpanded(name) {
  const m = /^(.+)_(\d+(?:\.\d+)?)$/.exec(name);
  const family = m ? FAMILY_BY_NAME.get(m[1]) : void 0;
  if (!m || !family?.cutoffs) return void 0;
  return { family, cutoff: m[2] };
}
function parseMeasureRequests(args) {
  if (args.length === 0) return new Map(PRINT_ORDER.map((n) => [n, void 0]));
  const requests = /* @__PURE__ */ new Map();
  const addCutoffs = (name, cutoffs) => {
    const merged = /* @__PURE__ */ new Set([...requests.get(name) ?? [], ...cutoffs]);
    requests.set(
      name,
      [...merged].sort((a, b) => a - b)
    );
  };
  for (const arg of args) {
    const friendly = /^([a-z]+)@(\d+)$/i.exec(arg);
    const friendlyFamily = friendly && FRIENDLY_CUTOFF[friendly[1].toLowerCase()];
    if (friendly && friendlyFamily) {
      addCutoffs(
        friendlyFamily,
        parseCutoffs(arg, FAMILY_BY_NAME.get(friendlyFamily), friendly[2])
      );
      continue;
    }
    const plain = FRIENDLY_PLAIN[arg.toLowerCase()];
    if (plain && !FAMILY_BY_NAME.has(arg)) {
      if (!requests.has(plain)) requests.set(plain, void 0);
      continue;
    }
    const dot = arg.indexOf(".");
    const head = dot >= 0 ? arg.slice(0, dot) : arg;
    const params = dot >= 0 ? arg.slice(dot + 1) : void 0;
    const family = FAMILY_BY_NAME.get(head);
    if (params !== void 0 && family) {
      addCutoffs(head, parseCutoffs(arg, family, params));
    } else if (params === void 0 && (family || SPECIAL.has(head))) {
      if (!requests.has(head)) requests.set(head, void 0);
    } else if (params === void 0 && NICKNAMES[head]) {
      for (const n of NICKNAMES[head]) if (!requests.has(n)) requests.set(n, void 0);
    } else {
      const expanded = splitExpanded(arg);
      if (!expanded) throw new UnknownMetricError(arg, MEASURE_FORMS);
      addCutoffs(expanded.family.name, parseCutoffs(arg, expanded.family, expanded.cutoff));
    }
  }
  return requests;
}
function valueNames(family, cutoffs) {
  if (!family.cutoffs) return [family.name];
  return cutoffs.map(
    (c) => `${family.name}_${family.cutoffs?.kind === "fraction" ? formatFixed(c, 2) : String(c)}`
  );
}
function evaluate(qrels, run, requests, complete) {
  const qids = [...qrels.queries.keys()].filter((q2) => complete || run.queries.has(q2)).sort(compareBytes);
  if (qids.length === 0) {
    throw new EvaluationError(
      "no query has both judgments and results (trec_eval would stop here too)"
    );
  }
  const families = [];
  const cutoffsOf = /* @__PURE__ */ new Map();
  for (const family of MEASURE_FAMILIES) {
    if (!requests.has(family.name)) continue;
    const cutoffs = requests.get(family.name) ?? family.cutoffs?.defaults ?? [];
    families.push({ family, cutoffs });
    cutoffsOf.set(family.name, cutoffs);
  }
  const values = new Map(families.map((f) => [f.family.name, []]));
  const relStrings = [];
  const wantRelString = requests.has("relstring");
  for (const qid of qids) {
    const r = judgeRanking(qid, qrels.queries.get(qid), run.queries.get(qid), run.file);
    for (const { family, cutoffs } of families)
      values.get(family.name).push(family.compute(r, cutoffs));
    if (wantRelString) relStrings.push(relString(r));
  }
  return { qids, values, relStrings, cutoffs: cutoffsOf };
}
function line(name, qid, value) {
  return `${name.padEnd(22)}	${qid}	${value}`;
}
function formatValue(family, v) {
  return family.integer ? String(Math.trunc(v)) : formatFixed(v, 4);
}
function runTrecEval(qrels, run, options = {}) {
  const requests = parseMeasureRequests(options.measures ?? []);
  const ev = evaluate(qrels, run, requests, options.complete ?? false);
  const printed = PRINT_ORDER.filter((n2) => requests.has(n2));
  const out = [];
  if (options.perQuery) {
    ev.qids.forEach((qid, qi) => {
      for (const name of printed) {
        if (name === "relstring") out.push(`${name.padEnd(22)}	${qid}	'${ev.relStrings[qi]}'`);
        const family = FAMILY_BY_NAME.get(name);
        if (!family?.perQuery) continue;
        const names = valueNames(family, ev.cutoffs.get(name));
        const vals = ev.values.get(name)[qi];
        names.forEach((n2, k) => out.push(line(n2, qid, formatValue(family, vals[k]))));
      }
    });
  }
  const n = ev.qids.length;
  for (const name of printed) {
    if (name === "runid") out.push(line("runid", "all", run.runId));
    if (name === "num_q") out.push(line("num_q", "all", String(n)));
    const family = FAMILY_BY_NAME.get(name);
    if (!family) continue;
    const names = valueNames(family, ev.cutoffs.get(name));
    const perQuery = ev.values.get(name);
    names.forEach((valueName, k) => {
      let sum = 0;
      for (const vals of perQuery) sum += vals[k];
      const v = family.summary === "sum" ? sum : family.summary === "mean" ? sum / n : Math.exp(sum / n);
      out.push(line(valueName, "all", formatValue(family, v)));
    });
  }
  return out.map((l) => `${l}
`).join("");
}

// src/cli/commands/eval.ts
var EXAMPLES2 = `
Examples:
  $ embedding-gate eval --qrels qrels/test.tsv --run run.txt
  $ embedding-gate eval --qrels qrels.test --run results.test -q -m map -m P.5,10 -m ndcg_cut.10

Prints trec_eval's format ("measure<TAB>qid|all<TAB>value", 4 decimals) with trec_eval's
measure names and semantics: rank by score descending, ties by docid descending, the
rank column ignored; relevance threshold 1. qrels: BEIR TSV or TREC, auto-detected.
Exit codes: 0 printed, 2 unreadable input or unknown measure.`;
function evalCommand(io, setExit) {
  return new Command("eval").description("evaluate a TREC run against relevance judgments, exactly as trec_eval does").requiredOption("--qrels <file>", "relevance judgments: BEIR qrels TSV or TREC qrels").requiredOption("--run <file>", "TREC run file (qid Q0 docid rank score tag)").option("-q", "also print every measure for every query").option("-c", "average over every query in the qrels, counting missing ones as 0").option(
    "-m <measure>",
    "a measure or family (map, P.5,10, ndcg_cut); repeatable; default all",
    collect
  ).option("--debug", "print stack traces of internal errors").addHelpText("after", EXAMPLES2).action(async (opts) => {
    const qrelsPath = await requireInputFile(
      io.cwd,
      opts.qrels,
      "--qrels",
      "a qrels file (BEIR TSV or TREC)"
    );
    const runPath = await requireInputFile(
      io.cwd,
      opts.run,
      "--run",
      "a TREC run file (qid Q0 docid rank score tag)"
    );
    const qrels = await readQrelsFile(qrelsPath);
    const run = await readRunFile(runPath);
    io.stdout(
      runTrecEval(qrels, run, { perQuery: opts.q, complete: opts.c, measures: opts.m ?? [] })
    );
    setExit(EXIT.pass);
  });
}

// src/cli/commands/init.ts
import { stat as stat3 } from "node:fs/promises";
import { basename, dirname as dirname2, extname, relative, resolve as resolve5, sep } from "node:path";
var import_semver = __toESM(require_semver(), 1);
var EXAMPLES3 = `
Examples:
  # a manifest beside the vectors, measured from them; fill in the TODOs it names
  $ embedding-gate init releases/1.0.0/vectors.arrow --name products-text --version 1.0.0

  # and a consumer contract skeleton that accepts exactly what was measured
  $ embedding-gate init emb.npy --ids ids.txt --output releases/1.0.0/manifest.yaml \\
      --contract contracts/search-index.yaml

Exit codes: 0 written, 2 could not (unreadable vectors, an existing file without --force).`;
var UNIT_TOLERANCE = 1e-3;
function initCommand(io, _deps, setExit) {
  return vectorsFileOptions(new Command("init")).description("write a manifest (and a contract skeleton) measured from existing vectors").argument("<vectors>", "vectors file (.arrow .feather .arrows .parquet .npy .jsonl .bin)").option("--name <name>", "embedding name (default: the vectors folder name)").option("--version <version>", "semver version of this embedding (the manifest's)", "1.0.0").option("--output <file>", "manifest to write (default: manifest.yaml beside the vectors)").option("--contract <file>", "also write a consumer contract skeleton accepting these vectors").option("--model <name>", "embedding model name (else a TODO)").option("--revision <rev>", "model revision (else a TODO)").option("--dataset <name>", "name and version of the embedded data (else a TODO)").option("--inputs-sha256 <hex>", "sha256 of the embedded data (else a TODO)").addOption(
    new Option(
      "--metric <metric>",
      "similarity consumers use (default: cosine if unit-norm, else dot)"
    ).choices(["cosine", "dot", "l2"])
  ).option("--force", "replace existing files (atomically)").addHelpText("after", EXAMPLES3).action(async (file, opts) => {
    if (!import_semver.default.valid(opts.version))
      throw new UsageError(`--version "${opts.version}" is not a semantic version (e.g. 1.0.0)`);
    if (opts.inputsSha256 !== void 0 && !/^[0-9a-f]{64}$/.test(opts.inputsSha256))
      throw new UsageError("--inputs-sha256 must be 64 lowercase hex characters");
    const vectors = resolve5(io.cwd, file);
    const manifestPath = resolve5(
      io.cwd,
      opts.output ?? resolve5(dirname2(vectors), "manifest.yaml")
    );
    const contractPath = opts.contract && resolve5(io.cwd, opts.contract);
    for (const target of [manifestPath, contractPath])
      if (target && !opts.force) await refuseExisting(target, io.cwd);
    const idsPath = opts.ids === void 0 ? void 0 : resolve5(io.cwd, opts.ids);
    const measured = await measure(vectors, { ...opts, ids: idsPath });
    const name = opts.name ?? defaultName(vectors);
    const metric = opts.metric ?? (measured.unitNorm ? "cosine" : "dot");
    const manifest = manifestText(name, opts, metric, measured, {
      vectors: posixRelative(dirname2(manifestPath), vectors),
      ...idsPath && { ids: posixRelative(dirname2(manifestPath), idsPath) }
    });
    await writeFileAtomic(manifestPath, manifest);
    const shown2 = (p) => relative(io.cwd, p) || p;
    io.stdout(
      `wrote ${shown2(manifestPath)}: ${name} ${opts.version}, ${count(measured.rows)} \xD7 ${measured.dims} ${measured.dtype}, ${measured.unitNorm ? "l2-normalised" : "not normalised"}, sha256 ${measured.sha256.slice(0, 12)}\u2026
`
    );
    if (contractPath) {
      await writeFileAtomic(contractPath, contractText(name, opts.version, metric, measured));
      io.stdout(
        `wrote ${shown2(contractPath)}: a contract accepting ^${import_semver.default.major(opts.version)}.0.0
`
      );
    }
    const todos = [
      !opts.model && "model.name",
      !opts.revision && "model.revision",
      !opts.dataset && "inputs.dataset",
      !opts.inputsSha256 && "inputs.sha256",
      contractPath && "the contract's consumer and owner"
    ].filter(Boolean);
    if (measured.nonFinite > 0)
      io.stdout(
        `warning: ${count(measured.nonFinite)} rows hold NaN or \xB1Inf; check will report them (vectors.non-finite)
`
      );
    if (!measured.hasIds)
      io.stdout("note: the file has no ids; row numbers stand in (name --ids or --id-column)\n");
    if (todos.length)
      io.stdout(
        `next: fill in the TODOs (${todos.join(", ")}), then run embedding-gate check --candidate ${shown2(manifestPath)}
`
      );
    setExit(EXIT.pass);
  });
}
async function refuseExisting(target, cwd) {
  const exists = await stat3(target).then(
    () => true,
    () => false
  );
  if (exists)
    throw new UsageError(
      `${relative(cwd, target) || target} exists; init never overwrites a file (pass --force to replace it)`
    );
}
async function measure(path, opts) {
  const source = await openVectors(
    path,
    {
      format: opts.vectorsFormat,
      idColumn: opts.idColumn,
      vectorColumn: opts.vectorColumn,
      idsPath: opts.ids
    },
    openLocalSource
  );
  try {
    const stats = await scanVectors(source, {
      expectUnitNorm: true,
      normTolerance: UNIT_TOLERANCE
    });
    const unitNorm = stats.rows > 0 && stats.dtype !== "binary" && (stats.unitNorm?.rows ?? 0) === 0 && stats.zero.rows === 0;
    return {
      format: source.info.format,
      dims: stats.dims,
      dtype: stats.dtype,
      rows: stats.rows,
      unitNorm,
      nonFinite: stats.nonFinite.rows,
      sha256: await sha256File(path),
      hasIds: source.info.hasIds
    };
  } finally {
    await source.close();
  }
}
function defaultName(vectors) {
  const folder = basename(dirname2(vectors));
  const stem = basename(vectors, extname(vectors));
  const base = import_semver.default.valid(folder) || folder === "" ? stem : folder;
  return base.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "embedding";
}
function posixRelative(from, to) {
  return relative(from, to).split(sep).join("/");
}
var q = (s) => JSON.stringify(s);
function manifestText(name, opts, metric, m, paths) {
  const todo = (value, what) => value === void 0 ? `${q(TODO)}  # TODO: ${what}` : q(value);
  const lines = [
    `# Written by embedding-gate init from ${paths.vectors}: dims, dtype, normalisation and sha256 were measured.`,
    `name: ${q(name)}`,
    `version: ${q(opts.version)}`,
    `tag: ${q(`v${opts.version}_${name}`)}`,
    "model:",
    `  name: ${todo(opts.model, "the embedding model, e.g. sentence-transformers/all-MiniLM-L6-v2")}`,
    `  revision: ${todo(opts.revision, "the model revision (commit, tag or checkpoint date)")}`,
    "vectors:",
    `  path: ${q(paths.vectors)}`,
    ...opts.vectorsFormat ? [`  format: ${opts.vectorsFormat}`] : [],
    ...opts.idColumn ? [`  id_column: ${q(opts.idColumn)}`] : [],
    ...opts.vectorColumn ? [`  vector_column: ${q(opts.vectorColumn)}`] : [],
    ...paths.ids ? [`  ids: ${q(paths.ids)}`] : [],
    `  sha256: ${m.sha256}`,
    `dims: ${m.dims}`,
    `dtype: ${m.dtype}`,
    `normalization: ${m.unitNorm ? "l2" : "none"}`,
    `metric: ${metric}`,
    `created: ${(/* @__PURE__ */ new Date()).toISOString().replace(/\.\d{3}Z$/, "Z")}`,
    "inputs:",
    `  dataset: ${todo(opts.dataset, "name and version of the embedded data")}`,
    opts.inputsSha256 === void 0 ? `  sha256: ${q(TODO_SHA256)}  # TODO: sha256 of the embedded data` : `  sha256: ${opts.inputsSha256}`
  ];
  return lines.join("\n") + "\n";
}
function contractText(name, version, metric, m) {
  return [
    "# Written by embedding-gate init: it accepts exactly what was measured. Name the consumer and its owner.",
    'consumer: "TODO"  # TODO: the downstream system, e.g. search-index',
    'owner: "TODO"  # TODO: the team that owns it, e.g. "@org/search"',
    `embedding: ${q(name)}`,
    `accepts: ${q(`^${import_semver.default.major(version)}.0.0`)}`,
    "requires:",
    `  dims: ${m.dims}`,
    `  dtype: ${m.dtype}`,
    ...m.unitNorm ? ["  normalization: l2"] : [],
    `  metric: ${metric}`
  ].join("\n") + "\n";
}

// src/gate/partial-knn.ts
async function knnInputs(described, files, open) {
  const size = async (path) => {
    try {
      const s = await open({ path });
      const bytes = s.size;
      await s.close();
      return bytes;
    } catch {
      return void 0;
    }
  };
  const inputs = [
    { file: described.queries, sha256: await sha256File(files.queries, open) }
  ];
  if (files.queryIds && described.queryIds)
    inputs.push({ file: described.queryIds, sha256: await sha256File(files.queryIds, open) });
  const corpusBytes = await size(files.corpus);
  inputs.push({ file: described.corpus, ...corpusBytes !== void 0 && { bytes: corpusBytes } });
  if (files.corpusIds && described.corpusIds) {
    const idBytes = await size(files.corpusIds);
    inputs.push({ file: described.corpusIds, ...idBytes !== void 0 && { bytes: idBytes } });
  }
  return inputs;
}
async function knnShard(corpus, shard, described, files, toolVersion, search, open = openLocalSource) {
  const inputs = await knnInputs(described, files, open);
  const slice = rowSlice(shard, corpus.info.rows);
  const sliced = sliceSource(corpus, slice, false, { rowNumberIds: true });
  const result = await search(sliced);
  return {
    format: PARTIAL_FORMAT,
    version: PARTIAL_VERSION,
    tool: { name: "embedding-gate", version: toolVersion },
    command: "knn",
    plan: { digest: planDigest(toolVersion, described, inputs), request: described, inputs },
    shard,
    slice,
    result: {
      ...result,
      hits: result.hits.map(
        (list) => list.map((h) => ({ id: h.id, row: sliced.globalRow(h.row), score: h.score }))
      )
    }
  };
}
function mergeKnnPartials(partials) {
  const ordered = checkShardSet(partials);
  return {
    result: mergeKnnResults(ordered.map((p) => p.partial.result)),
    tag: ordered[0].partial.plan.request.tag
  };
}

// src/cli/commands/knn.ts
var EXAMPLES4 = `
Examples:
  $ embedding-gate knn --queries queries.arrow --corpus vectors.arrow -k 100 --output run.txt
  $ embedding-gate knn --queries q.npy --query-ids q.txt --corpus c.npy --corpus-ids c.txt --metric dot --output run.txt

Writes a TREC run file: "qid Q0 docid rank score tag", scores descending, ties by docid
descending (trec_eval's order). Without ids, 0-based row numbers are the ids.
Exit codes: 0 written, 2 could not run (unreadable input, dims or dtype mismatch).`;
function knnCommand(io, setExit) {
  const command = new Command("knn").description("exact k-nearest-neighbour retrieval (onnxruntime, CPU) into a TREC run file").requiredOption("--queries <file>", "query vectors (any supported format)").requiredOption("--corpus <file>", "corpus vectors (any supported format; streamed)").option("--query-ids <file>", "sidecar ids of the queries (npy, binary)").option("--corpus-ids <file>", "sidecar ids of the corpus (npy, binary)").option("-k, --k <n>", "neighbours per query", positiveInt("-k", 1e5), 10).addOption(
    new Option("--metric <metric>", "similarity").choices(["cosine", "dot", "l2"]).default("cosine")
  ).option("--output <file>", "the TREC run file to write (atomically); not with --partial").option("--tag <name>", "run tag (last column)", "embedding-gate").option(
    "--threads <n>",
    "onnxruntime threads (default: all cores)",
    positiveInt("--threads", 1024)
  ).addOption(allowRemoteOption()).option("--quiet", "no progress line on a terminal").option("--debug", "print stack traces of internal errors").addHelpText("after", EXAMPLES4);
  return shardOptions(command).action(async (opts) => {
    const ids = "a text file of ids, one per line";
    const allowRemote = opts.allowRemote === true;
    const queriesPath = await requireVectorsInput(io.cwd, opts.queries, "--queries", allowRemote);
    const queryIds = await optionalInputFile(io.cwd, opts.queryIds, "--query-ids", ids);
    const corpusPath = await requireVectorsInput(io.cwd, opts.corpus, "--corpus", allowRemote);
    const corpusIds = await optionalInputFile(io.cwd, opts.corpusIds, "--corpus-ids", ids);
    const sharded = opts.shard !== void 0 || opts.partial !== void 0;
    if (sharded && opts.partial === void 0)
      throw new UsageError(`--shard ${opts.shard} needs --partial <file>`);
    if (!sharded && opts.output === void 0)
      throw new UsageError(
        "knn needs --output <file> for the TREC run (or --partial with --shard)"
      );
    const output = await requireOutputFile(
      io.cwd,
      sharded ? opts.partial : opts.output,
      sharded ? "--partial" : "--output"
    );
    const opener = defaultDeps(void 0, { allowRemote }).openSource;
    const querySource = await openVectors(queriesPath, { idsPath: queryIds }, opener);
    const queries = await readQueries(querySource).finally(() => querySource.close());
    const corpus = await openVectors(corpusPath, { idsPath: corpusIds }, opener);
    const search = (c) => exactKnn({ queries, corpus: c, k: opts.k, metric: opts.metric, threads: opts.threads });
    if (sharded) {
      try {
        const shard = parseShard(opts.shard ?? "1/1");
        const partial = await knnShard(
          corpus,
          shard,
          {
            // A partial is an artifact others read: URLs go in without their credentials.
            queries: shown(opts.queries),
            ...opts.queryIds !== void 0 && { queryIds: opts.queryIds },
            corpus: shown(opts.corpus),
            ...opts.corpusIds !== void 0 && { corpusIds: opts.corpusIds },
            k: opts.k,
            metric: opts.metric,
            tag: opts.tag
          },
          { queries: queriesPath, queryIds, corpus: corpusPath, corpusIds },
          VERSION,
          search,
          opener
        );
        await writeFileAtomic(output, serialisePartial(partial));
        io.stderr(
          `embedding-gate: shard ${shard.index}/${shard.count} of knn written to ${opts.partial}
`
        );
      } finally {
        await corpus.close();
      }
      setExit(EXIT.pass);
      return;
    }
    try {
      const line2 = io.stderrIsTTY === true && opts.quiet !== true ? progressDisplay(io.stderr, io.elapsedMs ?? (() => performance.now())) : void 0;
      const result = await withProgress(line2, (display) => {
        display?.begin(`exact kNN of ${count(queries.rows)} queries`);
        return exactKnn({
          queries,
          corpus,
          k: opts.k,
          metric: opts.metric,
          threads: opts.threads,
          ...display && {
            onBlock: (rows) => display.update({
              done: rows,
              unit: "corpus rows",
              ...corpus.info.rows !== void 0 && { total: corpus.info.rows }
            })
          }
        });
      });
      await writeLinesAtomic(output, trecRunLines(result, opts.tag));
      io.stderr(
        `embedding-gate: wrote ${result.queryIds.length} queries \xD7 ${result.k} neighbours (${opts.metric}, ${result.stats.corpusRows} corpus rows) to ${opts.output}
`
      );
    } finally {
      await corpus.close();
    }
    setExit(EXIT.pass);
  });
}
function shown(value) {
  return isRemoteInput(value) ? redactUrl(value) : value;
}

// src/cli/commands/merge.ts
import { readFile } from "node:fs/promises";
import { join as join2, resolve as resolve7 } from "node:path";

// src/gate/validate.ts
import { relative as relative2, resolve as resolve6 } from "node:path";
function validateScanRequest(plan) {
  const table = isPgRef(plan.file);
  const remote = table || REMOTE_REF.test(plan.file);
  const path = remote ? plan.file : resolve6(plan.cwd, plan.file);
  return {
    path,
    displayPath: table ? redact(plan.file) : remote ? redactUrl(plan.file) : relative2(plan.cwd, path) || path,
    open: plan.open,
    expectUnitNorm: plan.normalization === "l2",
    normTolerance: plan.normTolerance ?? MANIFEST_NORM_TOLERANCE,
    collectIds: false
  };
}
async function runValidate(plan, deps) {
  const { displayPath, path } = validateScanRequest(plan);
  const findings = [];
  let vectors;
  try {
    deps.observer?.stepStarted("scan", { file: displayPath });
    const onRows = progressOf(deps.observer, "scan", "rows");
    const outcome = await deps.scan({ ...validateScanRequest(plan), ...onRows && { onRows } });
    deps.observer?.stepFinished("scan");
    vectors = outcome.summary;
    findings.push(
      ...checkVectors(
        { dims: plan.dims, dtype: plan.dtype, normalization: plan.normalization },
        outcome.summary,
        outcome.outOfTolerance
      )
    );
  } catch (err) {
    if (!(err instanceof VectorFileError)) throw err;
    findings.push(unreadableFinding(err, displayPath, void 0, path));
  }
  const sorted = sortFindings(findings);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: "embedding-gate", version: deps.toolVersion },
    verdict: decideVerdict(sorted, plan.failOn),
    failOn: plan.failOn,
    candidate: {
      manifest: displayPath,
      ...vectors ? { dims: vectors.dims, dtype: vectors.dtype, vectors } : {}
    },
    consumers: [],
    findings: sorted,
    counts: countFindings(sorted)
  };
}

// src/gate/partial-validate.ts
async function digestOf(plan, described, deps) {
  const request = validateScanRequest(plan);
  let bytes;
  try {
    const source = await (deps.openSource ?? openLocalSource)({ path: request.path });
    bytes = source.size;
    await source.close();
  } catch {
  }
  const inputs = [{ file: request.displayPath, ...bytes !== void 0 && { bytes } }];
  return { digest: planDigest(deps.toolVersion, described, inputs), inputs };
}
async function runValidateShard(plan, described, deps, shard) {
  const { digest, inputs } = await digestOf(plan, described, deps);
  return {
    format: PARTIAL_FORMAT,
    version: PARTIAL_VERSION,
    tool: { name: "embedding-gate", version: deps.toolVersion },
    command: "validate",
    plan: { digest, request: described, inputs },
    shard,
    scan: await scanShard(validateScanRequest(plan), shard, deps.openSource)
  };
}
async function runValidateMerge(partials, plan, deps) {
  const ordered = checkShardSet(partials);
  const merged = (() => {
    try {
      return mergeScanPartials(ordered.map((p) => p.partial.scan));
    } catch (err) {
      return err;
    }
  })();
  const scan = async () => {
    if (merged instanceof Error) throw merged;
    return merged;
  };
  return runValidate(plan, { ...deps, scan });
}

// src/cli/commands/validate.ts
var EXAMPLES5 = `
Examples:
  $ embedding-gate validate vectors.arrow --dims 768 --dtype float32 --normalization l2
  $ embedding-gate validate emb.npy --ids ids.txt --format json=check.json
  $ embedding-gate validate codes.bin --vectors-format binary --dims 256

Exit codes: 0 pass, 1 blocked, 2 could not judge.`;
async function validatePlanOf(described, cwd, failOn, allowRemote = false) {
  await requireVectorsInput(cwd, described.file, "validate", allowRemote);
  const idsPath = await optionalInputFile(
    cwd,
    described.ids,
    "--ids",
    "a text file of ids, one per line"
  );
  return {
    file: described.file,
    open: {
      format: described.format,
      vectorColumn: described.vectorColumn,
      idColumn: described.idColumn,
      idsPath,
      dims: described.dims
    },
    dims: described.dims,
    dtype: described.dtype,
    normalization: described.normalization,
    normTolerance: described.normTolerance,
    failOn,
    cwd
  };
}
function validateCommand(io, deps, setExit) {
  return vectorsFileOptions(
    new Command("validate").description("check one vectors file: readable, shape, dtype, finite, norms, ids").argument("<vectors>", "vectors file (.arrow .feather .arrows .parquet .npy .jsonl .bin)").option(
      "--dims <n>",
      "expected dimensions (bits for binary); required for --vectors-format binary",
      positiveInt("--dims")
    ).addOption(dtypeOption("--dtype <type>", "expected element type")).addOption(
      new Option("--normalization <kind>", "expected normalisation").choices(["l2", "none"])
    ).option(
      "--norm-tolerance <x>",
      "allowed |\u2016v\u2016 \u2212 1| for l2 (default 0.001)",
      positiveNumber("--norm-tolerance")
    )
  ).option(
    "--format <name[=file]>",
    "report format: text, json, markdown, sarif, junit, html; name=file writes to a file; repeatable",
    collect
  ).addOption(new Option("--report-format <name[=file]>").hideHelp().argParser(collect)).option("--output <file>", 'file for report formats given without "=file"').addOption(failOnOption()).addOption(allowRemoteOption()).option("--quiet", "no progress line on a terminal").option("--debug", "print stack traces of internal errors").addHelpText("after", EXAMPLES5).option("--shard <i/n>", "scan shard i of n (from 1): this shard's rows; needs --partial").option(
    "--partial <file>",
    `write this shard's partial result instead of a report, for "embedding-gate merge"`
  ).action(async (file, opts) => {
    if (opts.reportFormat)
      throw new UsageError(
        `--report-format is now --format (the report format, as in every command); the vectors file's format is --vectors-format`
      );
    const vectorsFormat = (opts.format ?? []).find(
      (f) => VECTOR_FORMATS.includes(f)
    );
    if (vectorsFormat)
      throw new UsageError(
        `--format ${vectorsFormat}: --format is the report format (text, json, markdown, sarif, junit, html); for the vectors file's format write --vectors-format ${vectorsFormat}`
      );
    const targets = parseOutputs(opts.format ?? ["text"], opts.output);
    await requireOutputTargets(targets, io.cwd, "--format");
    const described = {
      file,
      ...opts.ids !== void 0 && { ids: opts.ids },
      ...opts.vectorsFormat !== void 0 && { format: opts.vectorsFormat },
      ...opts.vectorColumn !== void 0 && { vectorColumn: opts.vectorColumn },
      ...opts.idColumn !== void 0 && { idColumn: opts.idColumn },
      ...opts.dims !== void 0 && { dims: opts.dims },
      ...opts.dtype !== void 0 && { dtype: opts.dtype },
      ...opts.normalization !== void 0 && { normalization: opts.normalization },
      ...opts.normTolerance !== void 0 && { normTolerance: opts.normTolerance }
    };
    const allowRemote = opts.allowRemote === true;
    const plan = await validatePlanOf(described, io.cwd, opts.failOn, allowRemote);
    if (opts.shard !== void 0 || opts.partial !== void 0) {
      if (opts.partial === void 0)
        throw new UsageError(`--shard ${opts.shard} needs --partial <file>`);
      const shard = parseShard(opts.shard ?? "1/1");
      const out = await requireOutputFile(io.cwd, opts.partial, "--partial");
      const shown2 = isRemoteInput(file) ? { ...described, file: redactUrl(file) } : described;
      const partial = await runValidateShard(
        plan,
        shown2,
        allowRemote ? confineDeps(deps, void 0, { allowRemote }) : deps,
        shard
      );
      await writeFileAtomic(out, serialisePartial(partial));
      io.stderr(
        `shard ${shard.index}/${shard.count}: partial result written to ${opts.partial}
`
      );
      setExit(EXIT.pass);
      return;
    }
    const show = showProgress({
      stderrIsTTY: io.stderrIsTTY,
      quiet: opts.quiet === true,
      toStdout: targets.filter((t) => !t.file).map((t) => t.format)
    });
    const routed = allowRemote ? confineDeps(deps, void 0, { allowRemote }) : deps;
    const report = await withProgress(
      show ? progressLine(io.stderr, io.elapsedMs ?? (() => performance.now())) : void 0,
      (observer) => runValidate(plan, observer ? { ...routed, observer } : routed)
    );
    await emitReport(report, targets, io);
    setExit(report.verdict === "pass" ? EXIT.pass : EXIT.blocked);
  });
}

// src/cli/commands/merge.ts
var EXAMPLES6 = `
Examples:
  # three shards (each on its own machine), then one merge
  $ embedding-gate check --candidate m.yaml --baseline prod.yaml --shard 1/3 --partial p1.json
  $ embedding-gate check --candidate m.yaml --baseline prod.yaml --shard 2/3 --partial p2.json
  $ embedding-gate check --candidate m.yaml --baseline prod.yaml --shard 3/3 --partial p3.json
  $ embedding-gate merge p1.json p2.json p3.json --format markdown=summary.md --format json=report.json

The report equals the one "check" gives on one machine. A missing or repeated shard, or
partials of different plans (options, files), are refused.

Exit codes: 0 pass, 1 blocked, 2 could not judge (usage, unreadable configuration or partials).`;
function mergeCommand(io, deps, setExit) {
  return new Command("merge").description('merge the partial results of "check --shard i/n" into the single-machine report').argument("<partials...>", "partial result files, one per shard, in any order").option(
    "--format <name[=file]>",
    'report format: text, json, markdown, sarif, junit, html; repeatable; "=file" writes it to a file',
    collect
  ).option(
    "--output <file>",
    'file for the formats given without "=file" (default: standard output)'
  ).addOption(failOnOption()).option("--workspace <dir>", "the workspace the shards ran in (default: the working directory)").option(
    "--write-run <dir>",
    "write every TREC run the benchmarks evaluated into this directory"
  ).option(
    "--sarif-include-info",
    'also put info findings in SARIF, as "check --sarif-include-info" does'
  ).addOption(allowRemoteOption()).option("--debug", "print stack traces of internal errors").addHelpText("after", EXAMPLES6).action(async (files, opts) => {
    const targets = parseOutputs(opts.format ?? ["text"], opts.output);
    await requireOutputTargets(targets, io.cwd);
    const writeRuns = opts.writeRun === void 0 ? void 0 : resolve7(io.cwd, opts.writeRun);
    if (writeRuns) await requireOutputDirectory(writeRuns, "--write-run");
    const workspace = await requireDirectory(
      io.cwd,
      opts.workspace ?? ".",
      "--workspace",
      "the directory every file of the run lies in"
    );
    const all = [];
    for (const file of files) {
      const path = await requireInputFile(io.cwd, file, "merge", "a partial result file");
      all.push({ file, partial: parsePartial(file, await readFile(path, "utf8")) });
    }
    const other = all.find((p) => p.partial.command !== all[0].partial.command);
    if (other)
      throw new UsageError(
        `${other.file} is a partial of "${other.partial.command}" but ${all[0].file} is one of "${all[0].partial.command}"; merge each run's partials apart`
      );
    const knn = all.filter(
      (p) => p.partial.command === "knn"
    );
    if (knn.length > 0) {
      await writeKnnRun(knn, all, opts, io);
      setExit(EXIT.pass);
      return;
    }
    const validate = all.filter(
      (p) => p.partial.command === "validate"
    );
    if (validate.length > 0) {
      const described = validate[0].partial.plan.request;
      const report2 = await runValidateMerge(
        validate,
        await validatePlanOf(described, io.cwd, opts.failOn, opts.allowRemote === true),
        deps
      );
      await emitReport(report2, targets, io);
      setExit(report2.verdict === "pass" ? EXIT.pass : EXIT.blocked);
      return;
    }
    const partials = all;
    const outcome = await runMerge(
      partials,
      {
        workspace,
        failOn: opts.failOn,
        keepRuns: writeRuns !== void 0,
        allowRemote: opts.allowRemote === true
      },
      confineDeps(deps, workspace, { allowRemote: opts.allowRemote === true })
    );
    const { report, runs } = outcome;
    io.stderr(`embedding-gate: ${mergeLine(partials.length, outcome)}
`);
    if (writeRuns) {
      for (const run of runs)
        await writeLinesAtomic(join2(writeRuns, `${run.suite}.${run.label}.run`), run.lines());
    }
    await emitReport(report, targets, io, {
      includeInfo: opts.sarifIncludeInfo === true,
      readmeUrl: readmeUrlFromEnv(io.env),
      workspace
    });
    setExit(report.verdict === "pass" ? EXIT.pass : EXIT.blocked);
  });
}
async function writeKnnRun(knn, all, opts, io) {
  const check = all.find((p) => p.partial.command !== "knn");
  if (check)
    throw new UsageError(
      `${check.file} is a partial of "check" but ${knn[0].file} is one of "knn"; merge each run's partials apart`
    );
  if (opts.output === void 0 || opts.format !== void 0)
    throw new UsageError(
      'the partials are of "knn": give the run file with --output <file> (and no --format)'
    );
  const output = await requireOutputFile(io.cwd, opts.output, "--output");
  const { result, tag } = mergeKnnPartials(knn);
  await writeLinesAtomic(output, trecRunLines(result, tag));
  io.stderr(
    `embedding-gate: merged ${knn.length} shards: ${result.queryIds.length} queries \xD7 ${result.k} neighbours (${result.metric}, ${result.stats.corpusRows} corpus rows) to ${opts.output}
`
  );
}

// src/cli/commands/card.ts
import { readFile as readFile2 } from "node:fs/promises";

// src/report/card.ts
function scalar(v) {
  return typeof v === "string" ? v : JSON.stringify(v);
}
function renderVersionCard(report) {
  const c = report.candidate;
  const out = [];
  out.push(`# ${c.name ?? c.manifest} ${c.version ?? ""}`.trimEnd(), "");
  const verdict = report.verdict === "pass" ? "PASS" : "BLOCKED";
  out.push(
    `> ${c.tag ? `\`${c.tag}\` \xB7 ` : ""}gate verdict **${verdict}** (fail-on ${report.failOn}; ${countsLabel(report)}) \xB7 embedding-gate ${report.tool.version}`,
    ""
  );
  out.push("## Metadata", "", "| | |", "|---|---|");
  const row = (k, v) => v !== void 0 && out.push(`| ${k} | ${cell(v)} |`);
  row("model", c.model);
  row(
    "space",
    c.dims !== void 0 ? `${c.dims} \xD7 ${c.dtype}, normalization ${c.normalization}, metric ${c.metric}` : void 0
  );
  row("dataset", c.dataset);
  row("created", c.created);
  if (c.vectors)
    row(
      "vectors",
      `\`${c.vectors.file}\` (${c.vectors.format}, ${count(c.vectors.rows)} rows, ${count(c.vectors.bytes)} bytes)`
    );
  row("manifest", `\`${c.manifest}\`${c.manifestSha256 ? ` sha256 \`${c.manifestSha256}\`` : ""}`);
  if (report.baseline) row("compared with", versionLabel(report.baseline));
  out.push("");
  const maps = [
    ["Preprocessing", c.preprocessing],
    ["Generation parameters", c.parameters]
  ];
  for (const [title, map] of maps) {
    if (!map || Object.keys(map).length === 0) continue;
    out.push(`## ${title}`, "");
    for (const [k, v] of Object.entries(map)) out.push(`- \`${k}\`: ${cell(scalar(v))}`);
    out.push("");
  }
  const b = report.requiredBump;
  if (b) {
    out.push("## Version bump", "");
    const declared = b.declared ? ` ${b.from ?? ""} \u2192 ${b.to ?? ""} declares **${b.declared}**${b.sufficient === false ? " \u2014 not enough" : b.sufficient ? " (sufficient)" : ""}.` : "";
    out.push(`Required: **${b.level}**.${declared}`, "");
    for (const r of b.details ?? [])
      out.push(
        `- **${r.level}** \u2014 \`${r.field}\` ${cell(r.from ?? "")} \u2192 ${cell(r.to ?? "")}: ${cell(r.why)}`
      );
    if (!b.details) for (const r of b.reasons) out.push(`- ${cell(r)}`);
    if (b.reasons.length === 0) out.push("- nothing that matters to consumers changed");
    out.push("");
  }
  const compat = report.compatibility;
  if (compat) {
    out.push(
      `## Compatibility with ${report.baseline?.version ?? "the baseline"}`,
      "",
      `**${cell(compat.summary)}**`,
      ""
    );
    out.push("| measure | value | threshold |", "|---|---|---|");
    for (const [m, v, t] of compatibilityRows(compat))
      out.push(`| ${cell(m)} | ${v} | ${cell(t)} |`);
    out.push(
      "",
      `Measured on ${count(compat.rows)} of ${count(compat.shared)} shared ids (seed ${compat.seed}).`,
      ""
    );
  }
  if (report.benchmarks?.length) {
    out.push(
      "## Benchmarks",
      "",
      "| suite | metric | baseline | candidate | \u0394 | status |",
      "|---|---|---|---|---|---|"
    );
    for (const x of report.benchmarks) {
      out.push(
        `| ${cell(x.suite)} | ${cell(x.metric)} | ${score(x.baseline)} | ${score(x.candidate)} | ${signed(x.delta)} | ${x.status} |`
      );
    }
    out.push("");
  }
  const applicable = report.consumers.filter((x) => x.applies);
  if (applicable.length || report.pins?.length) {
    out.push(
      "## Consumers",
      "",
      "| consumer | owner | contract | this version | pinned (registry) |",
      "|---|---|---|---|---|"
    );
    const names = [
      .../* @__PURE__ */ new Set([
        ...applicable.map((x) => x.consumer),
        ...(report.pins ?? []).map((p) => p.consumer)
      ])
    ].sort();
    for (const name of names) {
      const r = applicable.find((x) => x.consumer === name);
      const p = report.pins?.find((x) => x.consumer === name);
      const state = r ? r.satisfied ? "\u2705 satisfied" : `${r.status === "pending" ? "\u23F3" : "\u274C"} ${r.requirements.filter((q2) => !q2.ok).map((q2) => `${q2.requirement}: needs ${q2.expected}`).join("; ")}` : MISSING;
      const pin = p ? `${p.version ?? MISSING} (${pinStatus(p)})` : MISSING;
      out.push(
        `| ${cell(name)} | ${cell(r?.owner ?? "")} | ${r?.status ?? ""} | ${cell(state)} | ${cell(pin)} |`
      );
    }
    out.push("");
  }
  if (report.lineage?.length) {
    out.push("## Lineage", "");
    for (const l of report.lineage) {
      const compared = l.compared.map((x) => `${x.field} ${x.ok ? "matches" : "DIFFERS from"} \`${x.pointer}\``).join(", ") || "nothing comparable";
      out.push(
        `- ${l.subject}: ${l.kind} pointer \`${l.pointer}\`${l.tracks ? ` (tracks \`${l.tracks}\`)` : ""}: ${compared}`
      );
    }
    out.push("");
  }
  const notable = report.findings.filter((f) => f.severity !== "info" || f.id === "compat.space");
  if (notable.length) {
    out.push("## Gate findings", "");
    for (const f of notable)
      out.push(`- ${f.suppressed ? "\u{1F515} " : ""}${f.severity} \`${f.id}\`: ${cell(f.message)}`);
    out.push("");
  }
  return out.join("\n");
}
function changelogHeading(report) {
  const c = report.candidate;
  const date = c.created ? c.created.slice(0, 10) : "";
  return `## ${c.name ?? c.manifest} ${c.version ?? ""}${date ? ` \u2014 ${date}` : ""}`;
}
function renderChangelogEntry(report) {
  const out = [changelogHeading(report), ""];
  if (report.verdict !== "pass")
    out.push(
      `- **BLOCKED** by the gate (fail-on ${report.failOn}; ${countsLabel(report)}): not promotable as gated`
    );
  const b = report.requiredBump;
  if (b) {
    const what = (b.details ?? []).map((r) => `${r.field} ${r.from} \u2192 ${r.to}`).join("; ") || b.reasons.join("; ") || "no change that matters to consumers";
    out.push(
      `- **${b.level}** change from ${b.from ?? report.baseline?.version ?? "the baseline"}: ${what}`
    );
  }
  if (report.compatibility) out.push(`- Compatibility: ${report.compatibility.summary}`);
  const applicable = report.consumers.filter((x) => x.applies);
  if (applicable.length) {
    const states = applicable.map(
      (x) => `${x.consumer} ${x.satisfied ? "satisfied" : x.status === "pending" ? "not yet (pending)" : "NOT satisfied"}`
    );
    out.push(`- Consumers: ${states.join(", ")}`);
  }
  for (const x of report.benchmarks ?? [])
    out.push(
      `- ${x.suite} ${x.metric}: ${score(x.candidate)} (${signed(x.delta)} vs ${score(x.baseline)}, ${x.status})`
    );
  return out.join("\n") + "\n";
}
function prependChangelog(existing, entry, heading) {
  const key = heading.replace(/ — .*$/, "");
  const lines = existing.split("\n");
  const start = lines.findIndex((l) => l === key || l.startsWith(`${key} \u2014 `));
  if (start >= 0) {
    let end = lines.findIndex((l, i) => i > start && l.startsWith("## "));
    if (end < 0) end = lines.length;
    const before = lines.slice(0, start).join("\n");
    const after = lines.slice(end).join("\n");
    return `${before}${before ? "\n" : ""}${entry}${after ? "\n" + after : ""}`.replace(
      /\n{3,}/g,
      "\n\n"
    );
  }
  if (!existing.trim()) return `# Changelog

${entry}`;
  if (lines[0].startsWith("# ")) {
    let i = 1;
    while (i < lines.length && !lines[i].startsWith("## ")) i++;
    const head = lines.slice(0, i).join("\n").replace(/\n+$/, "");
    const rest = lines.slice(i).join("\n");
    return `${head}

${entry}${rest ? "\n" + rest : ""}`;
  }
  return `${entry}
${existing}`;
}

// src/cli/commands/card.ts
var EXAMPLES7 = `
Examples:
  $ embedding-gate card --report gate.json --output releases/1.1.0/CARD.md --changelog CHANGELOG.md

The card and the entry say only what the report measured. Re-running replaces the entry for
the same version instead of adding another. A blocked report (verdict fail) is refused, so no
CHANGELOG says its consumers are satisfied; --allow-blocked writes it marked BLOCKED.
Exit codes: 0 written, 1 the report is blocked (nothing written), 2 could not run.`;
function cardCommand(io, setExit) {
  return new Command("card").description("write a markdown version card (and a CHANGELOG entry) from a JSON gate report").requiredOption("--report <json>", "JSON report of check (check --format json=FILE)").option("--output <md>", "write the card to this file (default: standard output)").option("--changelog <file>", "prepend the entry to this CHANGELOG (created if missing)").addOption(configLimitOption("size")).addOption(configLimitOption("aliases")).option(
    "--allow-blocked",
    "write the card and entry of a blocked report too, marked BLOCKED (default: refuse)"
  ).option("--debug", "print stack traces of internal errors").addHelpText("after", EXAMPLES7).action(async (opts) => {
    const reportPath = await requireInputFile(
      io.cwd,
      opts.report,
      "--report",
      "a JSON report (check --format json=FILE)"
    );
    const output = opts.output && await requireOutputFile(io.cwd, opts.output, "--output");
    const changelog = opts.changelog && await requireOutputFile(io.cwd, opts.changelog, "--changelog");
    const { report } = await readReport(reportPath, configLimitsOf(opts));
    if (report.verdict !== "pass" && !opts.allowBlocked) {
      io.stderr(
        `${opts.report}: the gate blocked ${report.candidate.name ?? report.candidate.manifest} ${report.candidate.version ?? ""} (${report.counts.error} error(s) at fail-on ${report.failOn}); no card or CHANGELOG entry written. Fix the findings and gate again, or pass --allow-blocked to record it marked BLOCKED
`
      );
      setExit(EXIT.blocked);
      return;
    }
    const card = renderVersionCard(report);
    if (output) await writeFileAtomic(output, card);
    else io.stdout(card);
    if (changelog) {
      const file = changelog;
      const existing = await readFile2(file, "utf8").catch((err) => {
        if (err.code === "ENOENT") return "";
        throw err;
      });
      await writeFileAtomic(
        file,
        prependChangelog(existing, renderChangelogEntry(report), changelogHeading(report))
      );
    }
    setExit(EXIT.pass);
  });
}

// src/cli/commands/deprecate.ts
var import_semver3 = __toESM(require_semver(), 1);

// src/cli/commands/promote.ts
import { createHash } from "node:crypto";
import { lstat } from "node:fs/promises";
import { dirname as dirname3, resolve as resolve8 } from "node:path";
var import_semver2 = __toESM(require_semver(), 1);
var EXAMPLES8 = `
Examples:
  # promote what a passing gate report gated
  $ embedding-gate check --candidate releases/1.1.0/manifest.yaml --baseline releases/1.0.0/manifest.yaml \\
      --contracts contracts/ --format json=gate.json
  $ embedding-gate promote --registry registry.yaml --channel production --version 1.1.0 --report gate.json

  # or let promote run the gate itself (baseline: the channel's current version)
  $ embedding-gate promote --registry registry.yaml --channel canary --version 1.1.0 \\
      --candidate releases/1.1.0/manifest.yaml --contracts contracts/

Re-running the same promote is a no-op. Exit codes: 0 promoted (or nothing to do),
1 refused (the gate did not pass, a released version's files changed, ...), 2 could not run.`;
function timestamp(deps) {
  return (deps.now?.() ?? /* @__PURE__ */ new Date()).toISOString().replace(/\.\d{3}Z$/, "Z");
}
function actorOf(opts, io) {
  return opts.actor ?? io.env.GITHUB_ACTOR ?? io.env.USER ?? "unknown";
}
function embeddingName(reg, name, file) {
  if (name) return name;
  const names = Object.keys(reg.embeddings);
  if (names.length === 1) return names[0];
  throw new UsageError(
    names.length === 0 ? `${file} holds no embeddings yet` : `${file} holds ${names.length} embeddings (${names.join(", ")}); choose one with --name`
  );
}
async function runChange(io, setExit, change) {
  try {
    const outcome = await change();
    io.stdout(`${outcome.message}
`);
    setExit(EXIT.pass);
  } catch (err) {
    if (!(err instanceof RegistryRefusal)) throw err;
    io.stderr(`embedding-gate: refused (${err.id}): ${err.message}
`);
    setExit(EXIT.blocked);
  }
}
async function requireRegistryFile(cwd, value) {
  requireLocalPath(value, "--registry");
  const path = resolve8(cwd, value);
  if (await lstat(path).catch(() => void 0) === void 0) return path;
  return requireInputFile(cwd, value, "--registry", "a registry (YAML or JSON)");
}
var registryOption = () => new Option(
  "--registry <file>",
  "the registry (YAML or JSON, contracts/registry.schema.json)"
).makeOptionMandatory();
function checkChannel(channel) {
  if (!/^[a-z][a-z0-9_-]{0,63}$/.test(channel)) {
    throw new UsageError(
      `--channel ${channel}: expected a lowercase name such as production, staging or canary`
    );
  }
  return channel;
}
function promoteCommand(io, deps, setExit) {
  return new Command("promote").description(
    "point a registry channel at a version whose gate passed (registers the version if new)"
  ).addOption(registryOption()).requiredOption("--channel <name>", "channel to promote to: production, staging, canary, ...").requiredOption("--version <semver>", "the version to promote").option("--name <embedding>", "embedding name (default: the manifest's)").option(
    "--report <json>",
    "JSON report of a passing check of this version (check --format json=FILE)"
  ).option(
    "--candidate <manifest>",
    "the version's manifest: runs the gate when no --report is given"
  ).option(
    "--baseline <manifest>",
    "with --candidate: the baseline (default: the channel's current version)"
  ).option(
    "--contracts <dir|file|glob>",
    "with --candidate: consumer contracts; repeatable",
    collect
  ).option("--actor <name>", "who promotes (default: $GITHUB_ACTOR, else $USER)").option("--reason <text>", "why, recorded in the channel history").option("--init", "create the registry if it does not exist").option(
    "--workspace <dir>",
    "files must resolve inside this directory (default: the working directory)"
  ).addOption(configLimitOption("size")).addOption(configLimitOption("aliases")).option("--debug", "print stack traces of internal errors").addHelpText("after", EXAMPLES8).action(async (opts) => {
    const channel = checkChannel(opts.channel);
    if (!import_semver2.default.valid(opts.version))
      throw new UsageError(
        `--version ${opts.version}: expected a semantic version such as 1.2.0`
      );
    if (!opts.report && !opts.candidate) {
      throw new UsageError(
        "promote needs evidence that the version passed the gate: --report <json> of a passing check, or --candidate <manifest> to run it"
      );
    }
    const workspace = await requireDirectory(
      io.cwd,
      opts.workspace ?? ".",
      "--workspace",
      "the directory every file of the release lies in"
    );
    const registryPath = await requireRegistryFile(io.cwd, opts.registry);
    const reportPath = await optionalInputFile(
      io.cwd,
      opts.report,
      "--report",
      "a JSON report of a passing check (check --format json=FILE)"
    );
    if (opts.candidate !== void 0) requireLocalPath(opts.candidate, "--candidate");
    if (opts.baseline !== void 0) requireLocalPath(opts.baseline, "--baseline");
    for (const c of opts.contracts ?? []) requireLocalPath(c, "--contracts");
    const limits = configLimitsOf(opts);
    await runChange(io, setExit, async () => {
      const evidence = reportPath ? await readReport(reportPath, limits) : void 0;
      const manifest = opts.candidate ?? reportedManifest(evidence, opts.report, workspace, io.cwd);
      const release = await describeRelease(manifest, registryPath, workspace, io.cwd, limits);
      if (release.version !== opts.version || opts.name && release.name !== opts.name) {
        throw new RegistryRefusal(
          "promote.mismatch",
          `${manifest} is ${release.name} ${release.version}, not ${opts.name ?? release.name} ${opts.version}`
        );
      }
      let reportSha256 = evidence?.sha256;
      if (evidence) {
        await requirePassingReport(evidence, release, opts.report);
      } else {
        reportSha256 = await gateBeforePromotion(
          opts,
          release.name,
          channel,
          registryPath,
          workspace,
          io,
          deps
        );
      }
      return updateRegistry(
        registryPath,
        (reg) => promote(reg, {
          name: release.name,
          channel,
          version: release.version,
          record: release.files,
          at: timestamp(deps),
          actor: actorOf(opts, io),
          reason: opts.reason,
          reportSha256
        }),
        { create: opts.init, limits }
      );
    });
  });
}
async function gateBeforePromotion(opts, name, channel, registryPath, workspace, io, deps) {
  let baseline = opts.baseline;
  const limits = configLimitsOf(opts);
  const exists = await loadRegistry(registryPath, io.cwd, { limits, workspace }).catch(
    (err) => {
      if (opts.init && err instanceof ConfigError && /no such file/.test(err.message))
        return void 0;
      throw err;
    }
  );
  if (!baseline && exists) {
    const reg = requireValid(exists);
    const current = reg.embeddings[name]?.channels?.[channel]?.version;
    const path = current ? reg.embeddings[name].versions[current].manifest.path : void 0;
    if (path) baseline = resolve8(dirname3(registryPath), path);
  }
  const { report } = await runGate(
    {
      candidate: opts.candidate,
      baseline,
      contracts: opts.contracts ?? [],
      failOn: "error",
      workspace,
      cwd: io.cwd,
      configLimits: limits,
      ...exists ? { registry: registryPath } : {}
    },
    confineDeps(deps, workspace)
  );
  if (report.verdict !== "pass") {
    io.stdout(FORMATTERS.text(report));
    throw new RegistryRefusal(
      "promote.gate",
      `the gate blocked ${name} ${report.candidate.version} (${report.counts.error} error(s)); nothing was promoted`
    );
  }
  return createHash("sha256").update(FORMATTERS.json(report)).digest("hex");
}

// src/cli/commands/deprecate.ts
var EXAMPLES9 = `
Examples:
  $ embedding-gate deprecate --registry registry.yaml --version 1.0.0 --sunset 2026-06-30 \\
      --reason "superseded by 2.0.0 (multilingual)"

From the sunset date on, a consumer whose range only matches sunset versions blocks the gate;
before it, check --registry warns with the days left. Exit codes: 0 done (or nothing to do),
1 refused, 2 could not run.`;
function deprecateCommand(io, deps, setExit) {
  return new Command("deprecate").description("mark a released version deprecated, with the date it stops being supported").addOption(registryOption()).requiredOption("--version <semver>", "the version to deprecate").requiredOption(
    "--sunset <date>",
    "RFC 3339 date (YYYY-MM-DD, UTC) from which the version is unsupported"
  ).option("--name <embedding>", "embedding name (default: the registry's only one)").option("--reason <text>", "why, recorded on the version").addOption(configLimitOption("size")).addOption(configLimitOption("aliases")).option("--debug", "print stack traces of internal errors").addHelpText("after", EXAMPLES9).action(async (opts) => {
    if (!import_semver3.default.valid(opts.version))
      throw new UsageError(`--version ${opts.version}: expected a semantic version`);
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(opts.sunset);
    const day = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : void 0;
    if (!day || day.toISOString().slice(0, 10) !== opts.sunset) {
      throw new UsageError(`--sunset ${opts.sunset}: expected a date such as 2026-06-30`);
    }
    const file = await requireRegistryFile(io.cwd, opts.registry);
    await runChange(
      io,
      setExit,
      () => updateRegistry(
        file,
        (reg) => deprecate(reg, {
          name: embeddingName(reg, opts.name, opts.registry),
          version: opts.version,
          sunset: opts.sunset,
          at: timestamp(deps),
          reason: opts.reason
        }),
        { limits: configLimitsOf(opts) }
      )
    );
  });
}

// src/cli/commands/rollback.ts
var import_semver4 = __toESM(require_semver(), 1);
var EXAMPLES10 = `
Examples:
  $ embedding-gate rollback --registry registry.yaml --channel production --reason "recall dropped"
  # safe to retry: only rolls back while production still serves 1.2.0
  $ embedding-gate rollback --registry registry.yaml --channel production --from 1.2.0

A rollback is itself a history entry; history is never deleted. Two rollbacks in a row go
two promotions back. Exit codes: 0 rolled back (or nothing to do), 1 refused, 2 could not run.`;
function rollbackCommand(io, deps, setExit) {
  return new Command("rollback").description("point a registry channel back at the version it served before its current one").addOption(registryOption()).requiredOption("--channel <name>", "channel to roll back").option("--name <embedding>", "embedding name (default: the registry's only one)").option(
    "--from <semver>",
    "only roll back while the channel is at this version (idempotent retries)"
  ).option("--actor <name>", "who rolls back (default: $GITHUB_ACTOR, else $USER)").option("--reason <text>", "why, recorded in the channel history").addOption(configLimitOption("size")).addOption(configLimitOption("aliases")).option("--debug", "print stack traces of internal errors").addHelpText("after", EXAMPLES10).action(async (opts) => {
    if (opts.from && !import_semver4.default.valid(opts.from))
      throw new UsageError(`--from ${opts.from}: expected a semantic version`);
    const file = await requireRegistryFile(io.cwd, opts.registry);
    await runChange(
      io,
      setExit,
      () => updateRegistry(
        file,
        (reg) => rollback(reg, {
          name: embeddingName(reg, opts.name, opts.registry),
          channel: opts.channel,
          at: timestamp(deps),
          actor: actorOf(opts, io),
          reason: opts.reason,
          from: opts.from
        }),
        { limits: configLimitsOf(opts) }
      )
    );
  });
}

// src/cli/main.ts
async function main(argv, io, deps) {
  let exitCode = EXIT.pass;
  const setExit = (code) => {
    exitCode = code;
  };
  const program2 = new Command("embedding-gate").description("Decide whether a new embedding version may be promoted to production.").version(VERSION, "-V, --version").enablePositionalOptions().configureOutput({ writeOut: io.stdout, writeErr: io.stderr }).exitOverride().showHelpAfterError("(run with --help for usage)");
  for (const cmd of [
    checkCommand(io, deps, setExit),
    validateCommand(io, deps, setExit),
    mergeCommand(io, deps, setExit),
    initCommand(io, deps, setExit),
    promoteCommand(io, deps, setExit),
    rollbackCommand(io, deps, setExit),
    deprecateCommand(io, deps, setExit),
    cardCommand(io, setExit),
    knnCommand(io, setExit),
    evalCommand(io, setExit)
  ]) {
    program2.addCommand(
      cmd.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    );
  }
  const debug = argv.includes("--debug");
  try {
    refuseRepeatedOptions(program2, argv);
    await program2.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (err) {
    return reportError(err, io, debug);
  }
}
var USER_ERRORS = [
  ConfigError,
  UsageError,
  VectorFileError,
  KnnInputError,
  RuntimeUnavailableError,
  BenchParseError,
  UnknownMetricError,
  InvalidRunError,
  EvaluationError
];
function reportError(err, io, debug) {
  if (err instanceof CommanderError) {
    return err.exitCode === 0 ? EXIT.pass : EXIT.unusable;
  }
  if (USER_ERRORS.some((kind) => err instanceof kind)) {
    const e2 = err;
    io.stderr(`embedding-gate: ${e2.message}
`);
    if (debug && e2.stack) io.stderr(e2.stack + "\n");
    return EXIT.unusable;
  }
  const e = err instanceof Error ? err : new Error(String(err));
  io.stderr(
    `embedding-gate: internal error: ${e.message}${debug ? "" : " (run with --debug for details)"}
`
  );
  if (debug && e.stack) io.stderr(e.stack + "\n");
  return EXIT.unusable;
}
function refuseRepeatedOptions(program2, argv) {
  const end = argv.indexOf("--");
  const args = end < 0 ? argv : argv.slice(0, end);
  const command = program2.commands.find((c) => c.name() === args.find((a) => !a.startsWith("-")));
  if (!command) return;
  for (const option of command.options) {
    if (!(option.required || option.optional) || option.parseArg === collect) continue;
    const flags = [option.long, option.short].filter((f) => f !== void 0);
    const given = args.filter((a) => flags.some((f) => a === f || a.startsWith(`${f}=`))).length;
    if (given > 1)
      throw new UsageError(
        `${option.long ?? option.short} was given ${given} times, but takes one value (the last would silently win); give it once`
      );
  }
}

// src/cli/index.ts
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
}
process.exitCode = await main(
  process.argv.slice(2),
  {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: process.stderr.isTTY === true,
    cwd: process.cwd(),
    env: process.env
  },
  defaultDeps()
);
