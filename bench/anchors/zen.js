// GoRules zen-engine over an export: one decision table (hit policy collect),
// a row per rule whose cell is the rule's condition, evaluated once per profile.
'use strict';
const { ZenEngine } = require('@gorules/zen-engine');
const { load, check, cpuSeconds, report } = require('./common');

// Field names the expression language reads: dots and dashes become underscores.
const id = (s) => s.replace(/[.-]/g, '_');

function expression(r) {
  switch (r.kind) {
    case 'answer': return `answers.${id(r.question)} == ${r.yes}`;
    case 'age': return `age >= ${r.at_least} and age <= ${r.at_most}`;
    case 'deficit': return `deficit.${id(r.measure)} >= ${r.at_least}`;
    case 'asymmetry': return `asymmetry.${id(r.measure)} >= ${r.at_least}`;
    case 'goal': return `goal == "${r.goal}"`;
    case 'score': return `startback == "${r.category}"`;
    default: throw new Error(`unknown kind ${r.kind}`);
  }
}

function input(f) {
  const keyed = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [id(k), v]));
  return { age: f.age, goal: f.goal, startback: f.startback, answers: keyed(f.answers), deficit: keyed(f.deficit),
           asymmetry: keyed(f.asymmetry) };
}

async function main() {
  const { rules, facts, expected } = load(process.argv[2]);
  const graph = {
    contentType: 'application/vnd.gorules.decision',
    nodes: [
      { id: 'in', type: 'inputNode', name: 'profile', content: {} },
      { id: 'rules', type: 'decisionTableNode', name: 'rules', content: {
          hitPolicy: 'collect', inputs: [{ id: 'when', name: 'when' }], outputs: [{ id: 'rule', name: 'rule', field: 'rule' }],
          rules: rules.map((r) => ({ _id: r.id, when: expression(r), rule: JSON.stringify(r.id) })) } },
      { id: 'out', type: 'outputNode', name: 'fired', content: {} },
    ],
    edges: [{ id: 'a', sourceId: 'in', targetId: 'rules' }, { id: 'b', sourceId: 'rules', targetId: 'out' }],
  };
  const decision = new ZenEngine().createDecision(Buffer.from(JSON.stringify(graph)));
  const inputs = facts.map(input);
  await decision.evaluate(inputs[0]); // warm up
  const fired = [];
  const c0 = cpuSeconds(), w0 = process.hrtime.bigint();
  for (const f of inputs) {
    const { result } = await decision.evaluate(f);
    fired.push(result.map((row) => row.rule));
  }
  const wall = Number(process.hrtime.bigint() - w0) / 1e9, cpu = cpuSeconds() - c0;
  check('zen-engine', fired, expected);
  report('zen-engine', rules.length, facts.length, wall, cpu);
}

main().catch((e) => { console.error(e.message); process.exit(1); });
