'use strict';
// Checks Adaptive Cards with the `adaptivecards` renderer package, the way a Teams-like host parses them.
//
//   node tools/cards/check-cards.cjs --host-config <teams-host-config.json> [--target-version 1.5] < cards.jsonl
//
// Batch protocol, so one process checks every card of a test run:
//   stdin:  one JSON document per line, either {"id": <any>, "card": {...}} or a bare card
//           (then the id is the line number, from 1);
//   stdout: one line per input line, in order: {"id": <id>, "problems": [{phase, event, message, element}]}.
// A line that is not JSON, or a card the renderer throws on, answers with a problem instead of stopping.
// The process ends when stdin ends.
//
// Only parsing and validateProperties() run: neither needs a DOM (render() does, and is not needed here).
// Every event the renderer reports counts; it has no severity, so callers decide what to tolerate.

// lib/ of this package is extension-less ESM that Node cannot load; dist/ is the CommonJS bundle.
const AC = require('adaptivecards/dist/adaptivecards.js');
const fs = require('node:fs');
const readline = require('node:readline');

function parseArguments(argv) {
  const options = { hostConfig: null, targetVersion: '1.5' };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--host-config': options.hostConfig = value; i++; break;
      case '--target-version': options.targetVersion = value; i++; break;
      default: fail(`unknown argument "${argv[i]}"`);
    }
  }
  if (!options.hostConfig) fail('--host-config <file> is required');
  return options;
}

function fail(message) {
  process.stderr.write(`check-cards: ${message}\n`);
  process.exit(2);
}

// adaptivecards 3.0.6 checks "lang" with a /g regular expression, whose lastIndex survives between
// calls: every second card with a valid lang ("pl") is reported as invalid. Its flags without g keep
// the same rule and make each check independent of the card before it.
const lang = AC.CardElement.langProperty;
if (lang.regEx && lang.regEx.global) lang.regEx = new RegExp(lang.regEx.source, lang.regEx.flags.replace('g', ''));

const options = parseArguments(process.argv.slice(2));
const hostConfig = new AC.HostConfig(JSON.parse(fs.readFileSync(options.hostConfig, 'utf8')));
const targetVersion = AC.Version.parse(options.targetVersion, new AC.SerializationContext());
if (!targetVersion || !targetVersion.isValid) fail(`invalid --target-version "${options.targetVersion}"`);

// "AdaptiveCard > Container > TextBlock#total": where in the card an event comes from.
function describe(source) {
  const parts = [];
  for (let node = source; node; node = node.parent) {
    const type = typeof node.getJsonTypeName === 'function' ? node.getJsonTypeName() : node.constructor.name;
    parts.unshift(node.id ? `${type}#${node.id}` : type);
  }
  return parts.length > 0 ? parts.join(' > ') : null;
}

function toProblem(event) {
  return {
    phase: AC.ValidationPhase[event.phase] ?? String(event.phase),
    event: AC.ValidationEvent[event.event] ?? String(event.event),
    message: event.message,
    element: event.source ? describe(event.source) : null,
  };
}

function check(json) {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return [{ phase: 'Parse', event: 'NotACard', message: 'A card must be a JSON object.', element: null }];
  }

  const card = new AC.AdaptiveCard();
  card.hostConfig = hostConfig;
  const context = new AC.SerializationContext(targetVersion);
  card.parse(json, context);

  const problems = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(toProblem(context.getEventAt(i)));
  for (const event of card.validateProperties().validationEvents) problems.push(toProblem(event));

  // The renderer only rejects versions it does not know (2.0); a 1.6 card parses, but Teams renders 1.5.
  const versionReported = problems.some((p) => p.event === 'UnsupportedCardVersion');
  if (!versionReported && card.version && card.version.isValid && card.version.compareTo(targetVersion) > 0) {
    problems.push({
      phase: 'Validation',
      event: 'UnsupportedCardVersion',
      message: `The card's version ${card.version} is newer than ${targetVersion}, the version the host renders.`,
      element: 'AdaptiveCard',
    });
  }
  return problems;
}

function answer(id, problems) {
  process.stdout.write(JSON.stringify({ id, problems }) + '\n');
}

let lineNumber = 0;
const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on('line', (line) => {
  lineNumber++;
  let request;
  try {
    request = JSON.parse(line);
  } catch (error) {
    answer(lineNumber, [{ phase: 'Parse', event: 'InvalidJson', message: error.message, element: null }]);
    return;
  }

  const wrapped = request !== null && typeof request === 'object' && !Array.isArray(request) && 'card' in request;
  const id = wrapped ? request.id : lineNumber;
  try {
    answer(id, check(wrapped ? request.card : request));
  } catch (error) {
    answer(id, [{ phase: 'Parse', event: 'Exception', message: String(error && error.message || error), element: null }]);
  }
});
