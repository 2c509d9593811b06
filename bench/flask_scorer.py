"""The anchor a user would otherwise run: a Flask app serving a scikit-learn
model of the heart-failure data, behind gunicorn, answering the same
{"data": [{...}]} payload (string values converted as the lesson's score.py
does). Trained on import from the CSV named by $HEART_CSV."""
import os

import pandas as pd
from flask import Flask, jsonify, request
from sklearn.ensemble import RandomForestClassifier

frame = pd.read_csv(os.environ["HEART_CSV"])
features = [c for c in frame.columns if c != "DEATH_EVENT"]
model = RandomForestClassifier(n_estimators=100, random_state=1).fit(frame[features], frame["DEATH_EVENT"])
TRUE = {"true": 1.0, "false": 0.0}

app = Flask(__name__)


@app.post("/score")
def score():
    rows = request.get_json()["data"]
    values = [[TRUE.get(str(r[c]).lower(), None) if str(r[c]).lower() in TRUE else float(r[c]) for c in features] for r in rows]
    predicted = model.predict(pd.DataFrame(values, columns=features))
    return jsonify({"result": [bool(p) for p in predicted]})
