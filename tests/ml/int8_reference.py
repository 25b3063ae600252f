"""Float reference for the shipped int8 ONNX models, built in memory at test time.

The int8 models come from ``quantize_dynamic``: every encoder ``MatMul`` became
``DynamicQuantizeLinear(x) -> MatMulInteger(x_q, W_q) -> Cast -> Mul(scale_x * scale_w)``. The
reference replaces each such chain with ``MatMul(x, (W_q - zero_point) * scale_w)``, i.e. the
same dequantised weights without quantising the activations; everything else (including the
uint8 embedding tables, which are dequantised exactly) is shared. The difference between the
two models is therefore exactly the effect of quantising the activations.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnx
from onnx import helper, numpy_helper


def float_reference(path: Path) -> bytes:
    """Serialized float model equivalent to the int8 model at ``path`` (see module doc)."""
    model = onnx.load(str(path))
    graph = model.graph
    inits = {i.name: i for i in graph.initializer}
    producer = {o: n for n in graph.node for o in n.output}
    consumers: dict[str, list[onnx.NodeProto]] = {}
    for n in graph.node:
        for i in n.input:
            consumers.setdefault(i, []).append(n)
    drop: set[int] = set()
    replace: dict[int, onnx.NodeProto] = {}
    for node in graph.node:
        if node.op_type != "MatMulInteger" or node.input[1] not in inits:
            continue
        quant = producer[node.input[0]]
        (cast,) = consumers[node.output[0]]
        (mul,) = consumers[cast.output[0]]
        assert quant.op_type == "DynamicQuantizeLinear" and cast.op_type == "Cast"
        assert mul.op_type == "Mul"
        scales = producer[next(i for i in mul.input if i != cast.output[0])]
        w_scale = next(i for i in scales.input if i in inits)
        q = numpy_helper.to_array(inits[node.input[1]]).astype(np.float64)
        zp = numpy_helper.to_array(inits[node.input[3]]).astype(np.float64) \
            if len(node.input) > 3 and node.input[3] else 0.0
        scale = numpy_helper.to_array(inits[w_scale]).astype(np.float32)
        w = ((q - zp).astype(np.float32) * scale).astype(np.float32)
        name = node.input[1] + "_dequantized"
        graph.initializer.append(numpy_helper.from_array(w, name))
        replace[id(node)] = helper.make_node("MatMul", [quant.input[0], name], [mul.output[0]],
                                             name=node.name + "_float")
        drop.update((id(cast), id(mul)))
    nodes = [replace.get(id(n), n) for n in graph.node if id(n) not in drop]
    del graph.node[:]
    graph.node.extend(nodes)
    # drop nodes whose outputs nothing reads any more (activation quantisers, scale products)
    while True:
        used = {i for n in graph.node for i in n.input} | {o.name for o in graph.output}
        keep = [n for n in graph.node if any(o in used for o in n.output)]
        if len(keep) == len(graph.node):
            break
        del graph.node[:]
        graph.node.extend(keep)
    used = {i for n in graph.node for i in n.input}
    keep_init = [i for i in graph.initializer if i.name in used]
    del graph.initializer[:]
    graph.initializer.extend(keep_init)
    return model.SerializeToString()
