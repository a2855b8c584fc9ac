// json-rules-engine over an export: one Engine with every rule, run once per profile.
'use strict';
const { Engine } = require('json-rules-engine');
const { load, check, cpuSeconds, report } = require('./common');

function conditions(r) {
  const fact = (name, operator, value) => ({ fact: name, operator, value });
  switch (r.kind) {
    case 'answer': return { all: [fact(`answer:${r.question}`, 'equal', r.yes)] };
    case 'age': return { all: [fact('age', 'greaterThanInclusive', r.at_least), fact('age', 'lessThanInclusive', r.at_most)] };
    case 'deficit': return { all: [fact(`deficit:${r.measure}`, 'greaterThanInclusive', r.at_least)] };
    case 'asymmetry': return { all: [fact(`asymmetry:${r.measure}`, 'greaterThanInclusive', r.at_least)] };
    case 'goal': return { all: [fact('goal', 'equal', r.goal)] };
    case 'score': return { all: [fact('startback', 'equal', r.category)] };
    default: throw new Error(`unknown kind ${r.kind}`);
  }
}

// Flat facts: json-rules-engine reads a fact by name; a missing one is undefined (no match).
function flat(f) {
  const out = { age: f.age, goal: f.goal, startback: f.startback };
  for (const [q, v] of Object.entries(f.answers)) out[`answer:${q}`] = v;
  for (const [m, v] of Object.entries(f.deficit)) out[`deficit:${m}`] = v;
  for (const [m, v] of Object.entries(f.asymmetry)) out[`asymmetry:${m}`] = v;
  return out;
}

async function main() {
  const { rules, facts, expected } = load(process.argv[2]);
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const r of rules) engine.addRule({ name: r.id, conditions: conditions(r), event: { type: r.id } });
  const inputs = facts.map(flat);
  await engine.run(inputs[0]); // warm up
  const fired = [];
  const c0 = cpuSeconds(), w0 = process.hrtime.bigint();
  for (const f of inputs) {
    const { events } = await engine.run(f);
    fired.push(events.map((e) => e.type));
  }
  const wall = Number(process.hrtime.bigint() - w0) / 1e9, cpu = cpuSeconds() - c0;
  check('json-rules-engine', fired, expected);
  report('json-rules-engine', rules.length, facts.length, wall, cpu);
}

main().catch((e) => { console.error(e.message); process.exit(1); });
