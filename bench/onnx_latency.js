// ONNX Runtime's latency for an exported model: one row at a time and a
// 10,000-row batch (median of repeated runs), as JSON.
//   node bench/onnx_latency.js MODEL.onnx INPUTS.json   (INPUTS: one row, as tests/onnx/run_onnx.js reads)
const fs = require('fs');
const ort = require('onnxruntime-node');

function feeds(inputs, rows) {
    const out = {};
    for (const [name, { type, values }] of Object.entries(inputs)) {
        const v = values[0];
        let data;
        if (type === 'double') data = new Float64Array(rows).fill(v === null ? NaN : v);
        else if (type === 'int64') data = new BigInt64Array(rows).fill(BigInt(v));
        else if (type === 'string') data = new Array(rows).fill(v === null ? '' : String(v));
        else data = new Uint8Array(rows).fill(v ? 1 : 0);
        out[name] = new ort.Tensor(type === 'double' ? 'float64' : type, data, [rows, 1]);
    }
    return out;
}

async function median(session, feed, times) {
    const ms = [];
    for (let i = 0; i < times; ++i) {
        const start = process.hrtime.bigint();
        await session.run(feed);
        ms.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    ms.sort((a, b) => a - b);
    return ms[Math.floor(ms.length / 2)];
}

async function main() {
    const [model, inputsPath] = process.argv.slice(2);
    const inputs = JSON.parse(fs.readFileSync(inputsPath, 'utf8'));
    const session = await ort.InferenceSession.create(model, { intraOpNumThreads: 1 });
    const one = feeds(inputs, 1), batch = feeds(inputs, 10000);
    await median(session, one, 50); // warm-up
    const single = await median(session, one, 2000);
    const large = await median(session, batch, 20);
    process.stdout.write(JSON.stringify({ single_row_ms: single, batch_10000_ms: large }) + '\n');
}

main().catch((e) => { process.stderr.write(String(e) + '\n'); process.exit(1); });
