// Runs an ONNX model in ONNX Runtime (the npm package onnxruntime-node) and
// prints its outputs as JSON: the test's way to check Stratus's exports with
// the runtime people use.
//   node run_onnx.js MODEL.onnx INPUTS.json
// INPUTS.json: {"column": {"type": "double" | "int64" | "bool" | "string", "values": [...]}, ...}
const fs = require('fs');
const ort = require('onnxruntime-node');

async function main() {
    const [model, inputsPath] = process.argv.slice(2);
    const inputs = JSON.parse(fs.readFileSync(inputsPath, 'utf8'));
    const feeds = {};
    for (const [name, { type, values }] of Object.entries(inputs)) {
        let data;
        if (type === 'double') data = Float64Array.from(values.map((v) => (v === null ? NaN : v)));
        else if (type === 'int64') data = BigInt64Array.from(values.map((v) => BigInt(v)));
        else if (type === 'string') data = values.map((v) => (v === null ? '' : String(v)));
        else data = Uint8Array.from(values.map((v) => (v ? 1 : 0)));
        feeds[name] = new ort.Tensor(type === 'double' ? 'float64' : type, data, [values.length, 1]);
    }
    const session = await ort.InferenceSession.create(model);
    const results = await session.run(feeds);
    const out = {};
    for (const [name, tensor] of Object.entries(results))
        out[name] = { dims: tensor.dims, data: Array.from(tensor.data, (v) => (typeof v === 'bigint' ? Number(v) : v)) };
    process.stdout.write(JSON.stringify(out));
}

main().catch((e) => {
    process.stderr.write(String(e && e.message ? e.message : e) + '\n');
    process.exit(1);
});
