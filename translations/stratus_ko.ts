<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>QObject</name>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Stratus</source>
        <translation>Stratus</translation>
    </message>
</context>
<context>
    <name>stratus::AutoMLDatasetPage</name>
    <message>
        <source>Select a dataset</source>
        <translation>데이터 세트 선택</translation>
    </message>
    <message>
        <source>The data to train on. Register more from the Datasets screen.</source>
        <translation>학습할 데이터입니다. 데이터 세트 화면에서 더 등록할 수 있습니다.</translation>
    </message>
    <message>
        <source>%1 rows, %2 columns, version %3</source>
        <translation>%1행, %2열, 버전 %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; version %2 · %3 rows · %4 columns</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 버전 %2 · %3행 · %4열</translation>
    </message>
    <message>
        <source>%1 (sample, made-up data)</source>
        <translation>%1 (샘플, 만든 데이터)</translation>
    </message>
    <message>
        <source>A sample of made-up records that Stratus generated, to try the workflow. Import your own data from the Datasets screen.</source>
        <translation>Stratus가 워크플로를 체험하도록 만든 가상 레코드 샘플입니다. 데이터 세트 화면에서 자신의 데이터를 가져오세요.</translation>
    </message>
</context>
<context>
    <name>stratus::AutoMLReviewPage</name>
    <message>
        <source>Review and submit</source>
        <translation>검토 및 제출</translation>
    </message>
    <message>
        <source>The run starts on the chosen compute profile; its page opens and follows it live.</source>
        <translation>실행은 선택한 컴퓨팅 프로필에서 시작되며, 실행 페이지가 열려 실시간으로 진행 상황을 보여 줍니다.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>%1-fold cross-validation</source>
        <translation>%1-폴드 교차 검증</translation>
    </message>
    <message>
        <source>%1% held out</source>
        <translation>%1% 홀드아웃</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>데이터 세트</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>실험</translation>
    </message>
    <message>
        <source>Label column</source>
        <translation>레이블 열</translation>
    </message>
    <message>
        <source>Compute profile</source>
        <translation>컴퓨팅 프로필</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>분류</translation>
    </message>
    <message>
        <source>Regression</source>
        <translation>회귀</translation>
    </message>
    <message>
        <source>Primary metric</source>
        <translation>기본 메트릭</translation>
    </message>
    <message>
        <source>Featurization</source>
        <translation>특성화</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>끔</translation>
    </message>
    <message>
        <source>Column purposes</source>
        <translation>열 용도</translation>
    </message>
    <message>
        <source>Auto for every column</source>
        <translation>모든 열 자동</translation>
    </message>
    <message>
        <source>Blocked algorithms</source>
        <translation>차단된 알고리즘</translation>
    </message>
    <message>
        <source>Experiment timeout</source>
        <translation>실험 시간 제한</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 초</translation>
    </message>
    <message>
        <source>Max trials</source>
        <translation>최대 시도 수</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>제한 없음</translation>
    </message>
    <message>
        <source>Exit score</source>
        <translation>종료 점수</translation>
    </message>
    <message>
        <source>Trial timeout</source>
        <translation>시도 시간 제한</translation>
    </message>
    <message>
        <source>Concurrent trials</source>
        <translation>동시 시도</translation>
    </message>
    <message>
        <source>the profile&apos;s</source>
        <translation>프로필 설정</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>Ensembles</source>
        <translation>앙상블</translation>
    </message>
    <message>
        <source>voting</source>
        <translation>투표</translation>
    </message>
    <message>
        <source>stack</source>
        <translation>스택</translation>
    </message>
    <message>
        <source>Early stopping</source>
        <translation>조기 중지</translation>
    </message>
    <message>
        <source>on</source>
        <translation>켬</translation>
    </message>
    <message>
        <source>off</source>
        <translation>끔</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Time series forecasting</source>
        <translation>시계열 예측</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>Time column</source>
        <translation>시간 열</translation>
    </message>
    <message>
        <source>Time series ids</source>
        <translation>시계열 ID</translation>
    </message>
    <message>
        <source>none (one series)</source>
        <translation>없음 (시계열 하나)</translation>
    </message>
    <message>
        <source>Forecast horizon</source>
        <translation>예측 범위</translation>
    </message>
    <message>
        <source> periods</source>
        <translation> 기간</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>빈도</translation>
    </message>
    <message>
        <source>Seasonality</source>
        <translation>계절성</translation>
    </message>
    <message>
        <source>rolling origin, %1 folds, step %2</source>
        <translation>롤링 원점, 폴드 %1개, 간격 %2</translation>
    </message>
</context>
<context>
    <name>stratus::AutoMLRunPage</name>
    <message>
        <source>Configure the run</source>
        <translation>실행 구성</translation>
    </message>
    <message>
        <source>Runs are grouped in experiments. The label column is the one to predict.</source>
        <translation>실행은 실험으로 묶입니다. 레이블 열은 예측할 열입니다.</translation>
    </message>
    <message>
        <source>A new or existing experiment</source>
        <translation>새 실험 또는 기존 실험</translation>
    </message>
    <message>
        <source>Experiment name</source>
        <translation>실험 이름</translation>
    </message>
    <message>
        <source>Label column</source>
        <translation>레이블 열</translation>
    </message>
    <message>
        <source>Compute profile</source>
        <translation>컴퓨팅 프로필</translation>
    </message>
    <message>
        <source>This column is a prediction of a scored dataset, not a label.</source>
        <translation>이 열은 점수를 매긴 데이터 세트의 예측값이지 레이블이 아닙니다.</translation>
    </message>
    <message>
        <source>%1 (Slurm partition %2, jobs at once: %3)</source>
        <translation>%1 (Slurm 파티션 %2, 동시 작업: %3)</translation>
    </message>
    <message>
        <source>%1 (this machine, trials at once: %2)</source>
        <translation>%1 (이 컴퓨터, 동시 시도: %2)</translation>
    </message>
</context>
<context>
    <name>stratus::AutoMLSettingsPage</name>
    <message>
        <source>Task type and settings</source>
        <translation>작업 유형 및 설정</translation>
    </message>
    <message>
        <source>Sensible defaults are set; a run of a minute is usually enough for a few thousand rows.</source>
        <translation>적절한 기본값이 설정되어 있습니다. 수천 행이면 보통 1분 실행으로 충분합니다.</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>분류</translation>
    </message>
    <message>
        <source>Regression</source>
        <translation>회귀</translation>
    </message>
    <message>
        <source>Automatic featurization (impute, encode, scale)</source>
        <translation>자동 특성화 (대체, 인코딩, 스케일링)</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>열</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>Use as</source>
        <translation>용도</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 초</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>제한 없음</translation>
    </message>
    <message>
        <source>Stop at score</source>
        <translation>점수 도달 시 중지</translation>
    </message>
    <message>
        <source>the profile&apos;s</source>
        <translation>프로필 설정</translation>
    </message>
    <message>
        <source>Auto (by rows: 10-fold, 3-fold or a 10% holdout)</source>
        <translation>자동 (행 수에 따라 10-폴드, 3-폴드 또는 10% 홀드아웃)</translation>
    </message>
    <message>
        <source>k-fold cross-validation</source>
        <translation>k-폴드 교차 검증</translation>
    </message>
    <message>
        <source>Train-validation split</source>
        <translation>학습-검증 분할</translation>
    </message>
    <message>
        <source> folds</source>
        <translation> 폴드</translation>
    </message>
    <message>
        <source> % for validation</source>
        <translation> % 검증용</translation>
    </message>
    <message>
        <source>Voting ensemble</source>
        <translation>투표 앙상블</translation>
    </message>
    <message>
        <source>Stack ensemble</source>
        <translation>스택 앙상블</translation>
    </message>
    <message>
        <source>Early stopping</source>
        <translation>조기 중지</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>Task type</source>
        <translation>작업 유형</translation>
    </message>
    <message>
        <source>Primary metric</source>
        <translation>기본 메트릭</translation>
    </message>
    <message>
        <source>Exit criteria and limits</source>
        <translation>종료 조건 및 제한</translation>
    </message>
    <message>
        <source>Experiment timeout</source>
        <translation>실험 시간 제한</translation>
    </message>
    <message>
        <source>Max trials</source>
        <translation>최대 시도 수</translation>
    </message>
    <message>
        <source>Exit score</source>
        <translation>종료 점수</translation>
    </message>
    <message>
        <source>Trial timeout</source>
        <translation>시도 시간 제한</translation>
    </message>
    <message>
        <source>Concurrent trials</source>
        <translation>동시 시도</translation>
    </message>
    <message>
        <source>Validation and ensembles</source>
        <translation>검증 및 앙상블</translation>
    </message>
    <message>
        <source>Validation type</source>
        <translation>검증 유형</translation>
    </message>
    <message>
        <source>Ensembles</source>
        <translation>앙상블</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Featurization</source>
        <translation>특성화</translation>
    </message>
    <message>
        <source>Algorithms (unchecked ones are blocked)</source>
        <translation>알고리즘 (선택 해제된 항목은 차단됨)</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>무시</translation>
    </message>
    <message>
        <source>Categorical</source>
        <translation>범주형</translation>
    </message>
    <message>
        <source>Numeric</source>
        <translation>숫자형</translation>
    </message>
    <message>
        <source>Allow at least one algorithm.</source>
        <translation>알고리즘을 하나 이상 허용하세요.</translation>
    </message>
    <message>
        <source>ONNX-compatible models only</source>
        <translation>ONNX 호환 모델만</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Featurizes only what ONNX can compute: text columns without their length, and no date columns.</source>
        <translation>ONNX가 계산할 수 있는 특성화만 사용합니다: 텍스트 열은 길이 없이, 날짜 열은 제외합니다.</translation>
    </message>
    <message>
        <source>A prediction of the label (a scored dataset&apos;s column): learning from it would leak the answer.</source>
        <translation>레이블의 예측값(점수 매긴 데이터 세트의 열)입니다: 여기서 학습하면 정답이 새어 들어갑니다.</translation>
    </message>
    <message>
        <source>Time series forecasting</source>
        <translation>시계열 예측</translation>
    </message>
</context>
<context>
    <name>stratus::AutoMLWizard</name>
    <message>
        <source>New Automated ML run</source>
        <translation>새 자동화된 ML 실행</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>제출</translation>
    </message>
</context>
<context>
    <name>stratus::ChartView</name>
    <message>
        <source>Reset zoom</source>
        <translation>확대/축소 초기화</translation>
    </message>
    <message>
        <source>Save as PNG, SVG or PDF...</source>
        <translation>PNG, SVG 또는 PDF로 저장...</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>차트 저장</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 이미지 (*.png);;SVG 그림 (*.svg);;PDF 문서 (*.pdf)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1에 쓸 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>stratus::ChildRunPage</name>
    <message>
        <source>← Run</source>
        <translation>← 실행</translation>
    </message>
    <message>
        <source>Register model...</source>
        <translation>모델 등록...</translation>
    </message>
    <message>
        <source>Explain model</source>
        <translation>모델 설명</translation>
    </message>
    <message>
        <source>Computes the permutation importance of every input column.</source>
        <translation>모든 입력 열의 순열 중요도를 계산합니다.</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>메트릭</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Hyperparameter</source>
        <translation>하이퍼파라미터</translation>
    </message>
    <message>
        <source>Normalised by true class</source>
        <translation>실제 클래스별 정규화</translation>
    </message>
    <message>
        <source>Rows: true class · Columns: predicted class</source>
        <translation>행: 실제 클래스 · 열: 예측 클래스</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>혼동 행렬</translation>
    </message>
    <message>
        <source>Feature importance</source>
        <translation>특성 중요도</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:%1&apos;&gt;%2&lt;/b&gt; · %3 · %4 = &lt;b&gt;%5&lt;/b&gt;&lt;br&gt;Validation: %6%7</source>
        <translation>&lt;b style=&apos;color:%1&apos;&gt;%2&lt;/b&gt; · %3 · %4 = &lt;b&gt;%5&lt;/b&gt;&lt;br&gt;검증: %6%7</translation>
    </message>
    <message>
        <source>members</source>
        <translation>구성원</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>클래스 %1</translation>
    </message>
    <message>
        <source>No importance yet: use &quot;Explain model&quot;</source>
        <translation>아직 중요도가 없습니다: &quot;모델 설명&quot;을 사용하세요</translation>
    </message>
    <message>
        <source>Drop in the primary metric when the column is shuffled</source>
        <translation>열을 섞었을 때 기본 메트릭의 감소</translation>
    </message>
    <message>
        <source>Threshold %1</source>
        <translation>임계값 %1</translation>
    </message>
    <message>
        <source>accuracy %1 · precision %2 · recall %3 · specificity %4 · F1 %5</source>
        <translation>정확도 %1 · 정밀도 %2 · 재현율 %3 · 특이도 %4 · F1 %5</translation>
    </message>
    <message>
        <source>Operating point</source>
        <translation>작동점</translation>
    </message>
    <message>
        <source>Explaining...</source>
        <translation>설명 중...</translation>
    </message>
    <message>
        <source>featurization</source>
        <translation>특성화</translation>
    </message>
    <message>
        <source>meta-learner</source>
        <translation>메타 학습기</translation>
    </message>
    <message>
        <source>fidelity</source>
        <translation>충실도</translation>
    </message>
    <message>
        <source>Forecasts</source>
        <translation>예측</translation>
    </message>
</context>
<context>
    <name>stratus::ClusterStatePanel</name>
    <message>
        <source>Job</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Nodes or reason</source>
        <translation>노드 또는 사유</translation>
    </message>
    <message>
        <source>Queue wait</source>
        <translation>대기열 대기</translation>
    </message>
    <message>
        <source>Reading partition %1 from Slurm...</source>
        <translation>Slurm에서 파티션 %1을(를) 읽는 중...</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>Partition %1 — nodes: %2 idle, %3 mixed, %4 allocated, %5 down. This workspace&apos;s jobs in the queue: %6. (sinfo and squeue, every %7 s)</source>
        <translation>파티션 %1 — 노드: 유휴 %2, 일부 사용 %3, 할당됨 %4, 중단 %5. 대기열에 있는 이 작업 영역의 작업: %6개. (sinfo와 squeue, %7초마다)</translation>
    </message>
</context>
<context>
    <name>stratus::ColumnBuilder</name>
    <message>
        <source>is not an ISO 8601 date/time (such as 2024-01-31 or 2024-01-31T14:05:00)</source>
        <translation>값이 ISO 8601 날짜/시간이 아닙니다 (예: 2024-01-31 또는 2024-01-31T14:05:00)</translation>
    </message>
    <message>
        <source>is not a whole number</source>
        <translation>값이 정수가 아닙니다</translation>
    </message>
    <message>
        <source>is not a number</source>
        <translation>값이 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>is not a boolean (true/false, yes/no or 1/0)</source>
        <translation>은(는) 부울 값이 아닙니다 (true/false, yes/no 또는 1/0)</translation>
    </message>
    <message>
        <source>is too large for a 64-bit integer</source>
        <translation>은(는) 64비트 정수로 나타내기에 너무 큽니다</translation>
    </message>
</context>
<context>
    <name>stratus::ColumnNote</name>
    <message>
        <source>&apos;%1&apos; on line %2</source>
        <translation>%2번째 줄의 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>column &apos;%1&apos;: %2 of %3 values are not %4 (%5) and were read as missing values, as the type %6 asks. Choose text to keep them.</source>
        <translation>열 &apos;%1&apos;: 값 %3개 중 %2개가 %4이(가) 아니어서 (%5), 형식 %6에 따라 결측값으로 읽었습니다. 그 값들을 유지하려면 텍스트를 선택하세요.</translation>
    </message>
    <message>
        <source>column &apos;%1&apos;: %2 of %3 numbers are written with the other decimal separator (%4) and were read as the numbers they are.</source>
        <translation>열 &apos;%1&apos;: 숫자 %3개 중 %2개가 다른 소수점 구분 기호로 쓰여 있어 (%4) 그 숫자 그대로 읽었습니다.</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; holds whole numbers too large for 64 bits (%2 of %3 values: %4), so the column is text (an ID), with every value as written.</source>
        <translation>열 &apos;%1&apos;에 64비트보다 큰 정수가 있어 (값 %3개 중 %2개: %4) 열을 텍스트(ID)로 두고 모든 값을 쓰인 그대로 유지했습니다.</translation>
    </message>
    <message>
        <source>column &apos;%1&apos;: %2 values write true or false another way than the first ones do (%3); they are written back in the first spelling.</source>
        <translation>열 &apos;%1&apos;: 값 %2개가 참이나 거짓을 처음 값들과 다르게 씁니다 (%3). 처음 표기로 다시 씁니다.</translation>
    </message>
    <message>
        <source>whole numbers</source>
        <translation>정수</translation>
    </message>
    <message>
        <source>numbers</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>booleans</source>
        <translation>부울 값</translation>
    </message>
    <message>
        <source>ISO 8601 dates</source>
        <translation>ISO 8601 날짜</translation>
    </message>
    <message>
        <source>text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>column &apos;%1&apos;: %2 of %3 values are not %4 (%5), the other %6 are. The column was kept as text, with every value as written; choose the type %7 to read those as missing values.</source>
        <translation>열 &apos;%1&apos;: 값 %3개 중 %2개가 %4이(가) 아니고 (%5) 나머지 %6개는 그렇습니다. 모든 값을 쓰인 그대로 두도록 열을 텍스트로 유지했습니다. 그 값들을 결측값으로 읽으려면 형식 %7을(를) 선택하세요.</translation>
    </message>
    <message>
        <source>column &apos;%1&apos;: %2 of %3 values are whole numbers written with leading zeros or a sign (%4), so the column is text (codes), with every value as written. Choose integer to read them as numbers.</source>
        <translation>열 &apos;%1&apos;: 값 %3개 중 %2개가 앞자리 0이나 부호와 함께 쓰인 정수여서 (%4) 열을 텍스트(코드)로 두고 모든 값을 쓰인 그대로 유지했습니다. 숫자로 읽으려면 정수를 선택하세요.</translation>
    </message>
</context>
<context>
    <name>stratus::ColumnType</name>
    <message>
        <source>Integer</source>
        <translation>정수</translation>
    </message>
    <message>
        <source>Decimal</source>
        <translation>소수</translation>
    </message>
    <message>
        <source>Boolean</source>
        <translation>부울</translation>
    </message>
    <message>
        <source>Categorical</source>
        <translation>범주형</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>Date/time</source>
        <translation>날짜/시간</translation>
    </message>
</context>
<context>
    <name>stratus::CompareView</name>
    <message>
        <source>← Back</source>
        <translation>← 뒤로</translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation>실행 비교</translation>
    </message>
    <message>
        <source>Differences only</source>
        <translation>차이만 표시</translation>
    </message>
    <message>
        <source>The best value of each row is marked in green. Double-click a column to open its run.</source>
        <translation>각 행의 최고 값은 녹색으로 표시됩니다. 열을 두 번 클릭하면 해당 실행이 열립니다.</translation>
    </message>
    <message>
        <source>Hyperparameters of</source>
        <translation>하이퍼파라미터:</translation>
    </message>
    <message>
        <source>against the primary metric (last axis); darker lines score better.</source>
        <translation>대 기본 메트릭 (마지막 축). 진한 선일수록 점수가 높습니다.</translation>
    </message>
    <message>
        <source>ROC and precision-recall</source>
        <translation>ROC 및 정밀도-재현율</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>메트릭</translation>
    </message>
    <message>
        <source>Hyperparameters</source>
        <translation>하이퍼파라미터</translation>
    </message>
    <message>
        <source>Metric vs. training time</source>
        <translation>메트릭 대 학습 시간</translation>
    </message>
    <message>
        <source>Compare runs (%1)</source>
        <translation>실행 비교 (%1)</translation>
    </message>
    <message>
        <source>%1 (%2 runs)</source>
        <translation>%1 (%2개 실행)</translation>
    </message>
    <message>
        <source>Training time (s)</source>
        <translation>학습 시간 (초)</translation>
    </message>
    <message>
        <source>%1 run %2</source>
        <translation>%1 실행 %2</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>실행 %1</translation>
    </message>
    <message>
        <source>%1 (1 run)</source>
        <translation>%1 (실행 1개)</translation>
    </message>
    <message>
        <source>%1 (log)</source>
        <translation>%1 (로그)</translation>
    </message>
    <message>
        <source>No hyperparameters to compare: the runs compared are ensembles, whose members have their own.</source>
        <translation>비교할 하이퍼파라미터가 없습니다: 비교하는 실행이 앙상블이며, 하이퍼파라미터는 그 구성원에게 있습니다.</translation>
    </message>
</context>
<context>
    <name>stratus::CompletedTrialEnsembles</name>
    <message>
        <source>Only a canceled or interrupted run builds its ensembles afterwards.</source>
        <translation>취소되었거나 중단된 실행만 나중에 앙상블을 만듭니다.</translation>
    </message>
    <message>
        <source>This run&apos;s settings turn the ensembles off.</source>
        <translation>이 실행의 설정에서 앙상블이 꺼져 있습니다.</translation>
    </message>
    <message>
        <source>This run has its ensembles already.</source>
        <translation>이 실행에는 이미 앙상블이 있습니다.</translation>
    </message>
    <message>
        <source>An ensemble needs at least two completed trials; this run has %1.</source>
        <translation>앙상블에는 완료된 시도가 두 개 이상 필요합니다. 이 실행에는 %1개가 있습니다.</translation>
    </message>
    <message>
        <source>Trial %1 (%2) kept no predictions: %3</source>
        <translation>시도 %1 (%2)에 저장된 예측이 없습니다: %3</translation>
    </message>
    <message>
        <source>Trial %1 (%2) kept predictions for other rows than its run&apos;s data prepared again.</source>
        <translation>시도 %1 (%2)에 저장된 예측이 다시 준비한 실행 데이터의 행과 맞지 않습니다.</translation>
    </message>
    <message>
        <source>No ensemble could be built from the completed trials (the run&apos;s log says why).</source>
        <translation>완료된 시도로 앙상블을 만들 수 없었습니다 (이유는 실행 로그에 있습니다).</translation>
    </message>
</context>
<context>
    <name>stratus::ComputeDialog</name>
    <message>
        <source>Edit compute profile</source>
        <translation>컴퓨팅 프로필 편집</translation>
    </message>
    <message>
        <source>New compute profile</source>
        <translation>새 컴퓨팅 프로필</translation>
    </message>
    <message>
        <source>e.g. cpu-cluster</source>
        <translation>예: cpu-cluster</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>제한 없음</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>보통</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>낮음</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>만들기</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>이름:</translation>
    </message>
    <message>
        <source>Max concurrent trials:</source>
        <translation>최대 동시 시도 수:</translation>
    </message>
    <message>
        <source>Threads per trial:</source>
        <translation>시도당 스레드 수:</translation>
    </message>
    <message>
        <source>Memory per trial:</source>
        <translation>시도당 메모리:</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>우선순위:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>설명:</translation>
    </message>
    <message>
        <source>%1 trials x %2 threads = %3 threads on %4 cores: trials will compete for the processor.</source>
        <translation>시도 %1개 x 스레드 %2개 = 코어 %4개에 스레드 %3개: 시도들이 프로세서를 두고 경쟁합니다.</translation>
    </message>
    <message>
        <source>Uses up to %1 of this machine&apos;s %2 cores.</source>
        <translation>이 컴퓨터의 코어 %2개 중 최대 %1개를 사용합니다.</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>이 컴퓨터</translation>
    </message>
    <message>
        <source>Slurm cluster</source>
        <translation>Slurm 클러스터</translation>
    </message>
    <message>
        <source>Slurm</source>
        <translation>Slurm</translation>
    </message>
    <message>
        <source>e.g. batch (sinfo lists them)</source>
        <translation>예: batch (sinfo가 목록을 보여 줍니다)</translation>
    </message>
    <message>
        <source> min</source>
        <translation>분</translation>
    </message>
    <message>
        <source>your default</source>
        <translation>사용자 기본값</translation>
    </message>
    <message>
        <source>the partition&apos;s default</source>
        <translation>파티션 기본값</translation>
    </message>
    <message>
        <source>a folder this machine and the nodes both mount</source>
        <translation>이 컴퓨터와 노드가 모두 마운트하는 폴더</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>찾아보기...</translation>
    </message>
    <message>
        <source>the same path</source>
        <translation>같은 경로</translation>
    </message>
    <message>
        <source>this machine&apos;s stratus-cli</source>
        <translation>이 컴퓨터의 stratus-cli</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>연결 테스트</translation>
    </message>
    <message>
        <source>Save without checking the cluster</source>
        <translation>클러스터를 확인하지 않고 저장</translation>
    </message>
    <message>
        <source>Partition:</source>
        <translation>파티션:</translation>
    </message>
    <message>
        <source>Time limit per job:</source>
        <translation>작업당 시간 제한:</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>계정:</translation>
    </message>
    <message>
        <source>QOS:</source>
        <translation>QOS:</translation>
    </message>
    <message>
        <source>Shared folder:</source>
        <translation>공유 폴더:</translation>
    </message>
    <message>
        <source>Shared folder on the nodes:</source>
        <translation>노드에서의 공유 폴더:</translation>
    </message>
    <message>
        <source>stratus-cli on the nodes:</source>
        <translation>노드의 stratus-cli:</translation>
    </message>
    <message>
        <source>Retries of a failed job:</source>
        <translation>실패한 작업 재시도 횟수:</translation>
    </message>
    <message>
        <source>Runs on:</source>
        <translation>실행 위치:</translation>
    </message>
    <message>
        <source>Shared folder</source>
        <translation>공유 폴더</translation>
    </message>
    <message>
        <source>Max concurrent jobs:</source>
        <translation>최대 동시 작업 수:</translation>
    </message>
    <message>
        <source>CPUs per job:</source>
        <translation>작업당 CPU:</translation>
    </message>
    <message>
        <source>Memory per job:</source>
        <translation>작업당 메모리:</translation>
    </message>
    <message>
        <source>Partition&apos;s default</source>
        <translation>파티션 기본값</translation>
    </message>
    <message>
        <source>A job on the partition writes in the shared folder...</source>
        <translation>파티션의 작업이 공유 폴더에 쓰는 중...</translation>
    </message>
    <message>
        <source>Checking the cluster...</source>
        <translation>클러스터 확인 중...</translation>
    </message>
    <message>
        <source>On Slurm the partition and the QOS decide the jobs&apos; priority.</source>
        <translation>Slurm에서는 파티션과 QOS가 작업의 우선순위를 정합니다.</translation>
    </message>
    <message>
        <source>Slurm jobs at once: up to %1, on partition %2; CPUs per job: %3. The workspace stays on this machine; the nodes read and write the shared folder.</source>
        <translation>동시 Slurm 작업: 최대 %1개, 파티션 %2; 작업당 CPU: %3. 작업 영역은 이 컴퓨터에 남고, 노드는 공유 폴더를 읽고 씁니다.</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(아직 없음)</translation>
    </message>
</context>
<context>
    <name>stratus::ComputeListModel</name>
    <message>
        <source>Idle</source>
        <translation>유휴</translation>
    </message>
    <message>
        <source>%1 running, %2 queued</source>
        <translation>%1개 실행 중, %2개 대기 중</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>제한 없음</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>낮음</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>보통</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Memory per trial</source>
        <translation>시도당 메모리</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>우선순위</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>Slurm: %1</source>
        <translation>Slurm: %1</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>이 컴퓨터</translation>
    </message>
    <message>
        <source>Partition&apos;s default</source>
        <translation>파티션 기본값</translation>
    </message>
    <message>
        <source>Runs on</source>
        <translation>실행 위치</translation>
    </message>
    <message>
        <source>Max concurrent trials (jobs)</source>
        <translation>최대 동시 시도 수(작업)</translation>
    </message>
    <message>
        <source>Threads (CPUs) per trial</source>
        <translation>시도당 스레드(CPU)</translation>
    </message>
</context>
<context>
    <name>stratus::ComputeScreen</name>
    <message>
        <source>Compute</source>
        <translation>컴퓨팅</translation>
    </message>
    <message>
        <source>New...</source>
        <translation>새로 만들기...</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>편집...</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Created compute profile &apos;%1&apos;.</source>
        <translation>컴퓨팅 프로필 &apos;%1&apos;을(를) 만들었습니다.</translation>
    </message>
    <message>
        <source>Saved compute profile &apos;%1&apos;.</source>
        <translation>컴퓨팅 프로필 &apos;%1&apos;을(를) 저장했습니다.</translation>
    </message>
    <message>
        <source>Delete compute profile</source>
        <translation>컴퓨팅 프로필 삭제</translation>
    </message>
    <message>
        <source>Delete the compute profile &apos;%1&apos;?</source>
        <translation>컴퓨팅 프로필 &apos;%1&apos;을(를) 삭제할까요?</translation>
    </message>
    <message>
        <source>Deleted compute profile &apos;%1&apos;.</source>
        <translation>컴퓨팅 프로필 &apos;%1&apos;을(를) 삭제했습니다.</translation>
    </message>
    <message>
        <source>Compute profiles say where an Automated ML run trains: on this machine (how many trials run at once, the threads and memory each may use; it has %1 cores) or on a Slurm cluster&apos;s partition, where worker jobs take the trials. They stand in for Azure&apos;s compute clusters.</source>
        <translation>컴퓨팅 프로필은 자동화된 ML 실행이 학습하는 위치를 정합니다: 이 컴퓨터(동시에 실행할 시도 수, 각 시도가 쓸 수 있는 스레드와 메모리. 이 컴퓨터의 코어는 %1개입니다) 또는 작업자 작업이 시도를 맡는 Slurm 클러스터의 파티션. Azure의 컴퓨팅 클러스터에 해당합니다.</translation>
    </message>
</context>
<context>
    <name>stratus::ComputeStore</name>
    <message>
        <source>Max concurrent trials must be between 1 and 1024 (got %1).</source>
        <translation>최대 동시 시도 수는 1에서 1024 사이여야 합니다 (입력값: %1).</translation>
    </message>
    <message>
        <source>Threads per trial must be between 1 and 1024 (got %1).</source>
        <translation>시도당 스레드 수는 1에서 1024 사이여야 합니다 (입력값: %1).</translation>
    </message>
    <message>
        <source>Memory per trial must be 0 (no limit) or at least 64 MB (got %1).</source>
        <translation>시도당 메모리는 0(제한 없음)이거나 64 MB 이상이어야 합니다 (입력값: %1).</translation>
    </message>
    <message>
        <source>Priority must be &apos;normal&apos; or &apos;low&apos; (got &apos;%1&apos;).</source>
        <translation>우선순위는 &apos;normal&apos; 또는 &apos;low&apos;여야 합니다 (입력값: &apos;%1&apos;).</translation>
    </message>
    <message>
        <source>There is no compute profile named &apos;%1&apos;.</source>
        <translation>&apos;%1&apos;(이)라는 컴퓨팅 프로필이 없습니다.</translation>
    </message>
    <message>
        <source>A compute profile named &apos;%1&apos; already exists.</source>
        <translation>&apos;%1&apos;(이)라는 컴퓨팅 프로필이 이미 있습니다.</translation>
    </message>
    <message>
        <source>The compute profile &apos;%1&apos; no longer exists.</source>
        <translation>컴퓨팅 프로필 &apos;%1&apos;이(가) 더 이상 없습니다.</translation>
    </message>
    <message>
        <source>The compute profile &apos;%1&apos; has runs in progress; cancel them or wait before deleting it.</source>
        <translation>컴퓨팅 프로필 &apos;%1&apos;에서 실행 중인 작업이 있습니다. 삭제하기 전에 취소하거나 끝날 때까지 기다리세요.</translation>
    </message>
    <message>
        <source>This machine: one trial per core.</source>
        <translation>이 컴퓨터: 코어당 시도 하나.</translation>
    </message>
    <message>
        <source>Kind must be &apos;local&apos; or &apos;slurm&apos; (got &apos;%1&apos;).</source>
        <translation>종류는 &apos;local&apos; 또는 &apos;slurm&apos;이어야 합니다 (입력값: &apos;%1&apos;).</translation>
    </message>
    <message>
        <source>Partition: a Slurm profile needs the partition its jobs go to (sinfo lists them).</source>
        <translation>파티션: Slurm 프로필에는 작업이 제출될 파티션이 필요합니다 (sinfo가 목록을 보여 줍니다).</translation>
    </message>
    <message>
        <source>Partition: &apos;%1&apos; is not a Slurm partition name (letters, digits, _ . -).</source>
        <translation>파티션: &apos;%1&apos;은(는) Slurm 파티션 이름이 아닙니다 (문자, 숫자, _ . -).</translation>
    </message>
    <message>
        <source>Account: &apos;%1&apos; is not a Slurm account name (letters, digits, _ . -).</source>
        <translation>계정: &apos;%1&apos;은(는) Slurm 계정 이름이 아닙니다 (문자, 숫자, _ . -).</translation>
    </message>
    <message>
        <source>QOS: &apos;%1&apos; is not a Slurm QOS name (letters, digits, _ . -).</source>
        <translation>QOS: &apos;%1&apos;은(는) Slurm QOS 이름이 아닙니다 (문자, 숫자, _ . -).</translation>
    </message>
    <message>
        <source>Time limit must be between 1 and 525600 minutes (got %1).</source>
        <translation>시간 제한은 1에서 525600분 사이여야 합니다 (입력값: %1).</translation>
    </message>
    <message>
        <source>Retries must be between 0 and 10 (got %1).</source>
        <translation>재시도 횟수는 0에서 10 사이여야 합니다 (입력값: %1).</translation>
    </message>
    <message>
        <source>Shared folder: give the absolute path of a folder this machine and the nodes both see (got &apos;%1&apos;).</source>
        <translation>공유 폴더: 이 컴퓨터와 노드가 모두 볼 수 있는 폴더의 절대 경로를 입력하세요 (입력값: &apos;%1&apos;).</translation>
    </message>
    <message>
        <source>Shared folder on the nodes: give an absolute path (got &apos;%1&apos;).</source>
        <translation>노드에서의 공유 폴더: 절대 경로를 입력하세요 (입력값: &apos;%1&apos;).</translation>
    </message>
</context>
<context>
    <name>stratus::CsvReader</name>
    <message>
        <source>line %1, column %2 (&apos;%3&apos;)</source>
        <translation>%1행, %2열 (&apos;%3&apos;)</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>%1행, %2열</translation>
    </message>
    <message>
        <source>cannot open the file: %1</source>
        <translation>파일을 열 수 없습니다: %1</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>파일이 비어 있습니다</translation>
    </message>
    <message>
        <source>a decimal comma needs a delimiter other than a comma</source>
        <translation>소수점 쉼표를 쓰려면 쉼표가 아닌 구분 기호가 필요합니다</translation>
    </message>
    <message>
        <source>line %1, column %2: the column name is empty; every column needs a name</source>
        <translation>%1행, %2열: 열 이름이 비어 있습니다. 모든 열에 이름이 필요합니다</translation>
    </message>
    <message>
        <source>line %1, column %2: the column name &apos;%3&apos; is used twice (columns %4 and %2)</source>
        <translation>%1행, %2열: 열 이름 &apos;%3&apos;이(가) 두 번 쓰였습니다 (%4열과 %2열)</translation>
    </message>
    <message>
        <source>there is no column named &apos;%1&apos; (the columns are: %2)</source>
        <translation>&apos;%1&apos;(이)라는 열이 없습니다 (열 목록: %2)</translation>
    </message>
    <message>
        <source>every column is ignored; keep at least one</source>
        <translation>모든 열이 제외되었습니다. 하나 이상 남겨 두세요</translation>
    </message>
    <message>
        <source>line %1: expected %2 fields, as in the first line, but found %3</source>
        <translation>%1행: 첫 줄처럼 필드 %2개가 있어야 하지만 %3개가 있습니다</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>취소되었습니다.</translation>
    </message>
    <message>
        <source>the file has a header line but no data rows</source>
        <translation>파일에 머리글 줄만 있고 데이터 행이 없습니다</translation>
    </message>
    <message>
        <source>the file has no data rows</source>
        <translation>파일에 데이터 행이 없습니다</translation>
    </message>
</context>
<context>
    <name>stratus::CsvSniffer</name>
    <message>
        <source>the file is encoded as UTF-16; save it as UTF-8 and import it again</source>
        <translation>파일이 UTF-16으로 인코딩되어 있습니다. UTF-8로 저장한 뒤 다시 가져오세요</translation>
    </message>
    <message>
        <source>line %1: the file contains NUL bytes; it looks like a binary file, not delimited text</source>
        <translation>%1행: 파일에 NUL 바이트가 있습니다. 구분된 텍스트가 아니라 이진 파일로 보입니다</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>파일이 비어 있습니다</translation>
    </message>
</context>
<context>
    <name>stratus::CsvTokenizer</name>
    <message>
        <source>contains a NUL byte; this looks like a binary file, not text</source>
        <translation>NUL 바이트가 있습니다. 텍스트가 아니라 이진 파일로 보입니다</translation>
    </message>
    <message>
        <source>contains bytes that are not valid UTF-8 (byte 0x%1); save the file as UTF-8</source>
        <translation>올바른 UTF-8이 아닌 바이트가 있습니다 (바이트 0x%1). 파일을 UTF-8로 저장하세요</translation>
    </message>
    <message>
        <source>has a quote that is never closed</source>
        <translation>닫히지 않은 따옴표가 있습니다</translation>
    </message>
    <message>
        <source>has text after its closing quote (a quote inside a quoted field must be doubled: &quot;&quot;)</source>
        <translation>닫는 따옴표 뒤에 텍스트가 있습니다 (따옴표로 묶인 필드 안의 따옴표는 두 번 써야 합니다: &quot;&quot;)</translation>
    </message>
</context>
<context>
    <name>stratus::DataTable</name>
    <message>
        <source>line %1</source>
        <translation>%1번째 줄</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>%1행</translation>
    </message>
</context>
<context>
    <name>stratus::DatasetListModel</name>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Latest version</source>
        <translation>최신 버전</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>행</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>열</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>업데이트됨</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>%1 (sample)</source>
        <translation>%1 (샘플)</translation>
    </message>
</context>
<context>
    <name>stratus::DatasetPage</name>
    <message>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>만든 날짜</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>행</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>열</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>원본</translation>
    </message>
    <message>
        <source>Content hash</source>
        <translation>콘텐츠 해시</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>미리 보기</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>프로필</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>버전</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>버전:</translation>
    </message>
    <message>
        <source>%1 (latest)</source>
        <translation>%1 (최신)</translation>
    </message>
    <message>
        <source>%1 rows, %2 columns</source>
        <translation>%1행, %2열</translation>
    </message>
    <message>
        <source>created %1</source>
        <translation>%1에 만듦</translation>
    </message>
    <message>
        <source>tags: %1</source>
        <translation>태그: %1</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(비어 있음)</translation>
    </message>
    <message>
        <source>%1 (%2): %3 values, %4 missing, %5 unique. Most frequent: %6</source>
        <translation>%1 (%2): 값 %3개, 누락 %4개, 고유 %5개. 가장 많은 값: %6</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>참고: %1</translation>
    </message>
    <message>
        <source>(type chosen at import)</source>
        <translation>(가져올 때 선택한 형식)</translation>
    </message>
    <message>
        <source>← Datasets</source>
        <translation>← 데이터 세트</translation>
    </message>
</context>
<context>
    <name>stratus::DatasetStore</name>
    <message>
        <source>Canceled.</source>
        <translation>취소되었습니다.</translation>
    </message>
    <message>
        <source>tag &apos;%1&apos; is not of the form key=value</source>
        <translation>태그 &apos;%1&apos;이(가) key=value 형식이 아닙니다</translation>
    </message>
    <message>
        <source>a dataset needs at least one column and one row</source>
        <translation>데이터 세트에는 열과 행이 하나 이상 있어야 합니다</translation>
    </message>
    <message>
        <source>cannot number the new version</source>
        <translation>새 버전 번호를 정할 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot store the data</source>
        <translation>데이터를 저장할 수 없습니다</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a dataset version; use NAME, NAME:latest or NAME:NUMBER</source>
        <translation>&apos;%1&apos;은(는) 데이터 세트 버전이 아닙니다. NAME, NAME:latest 또는 NAME:NUMBER를 쓰세요</translation>
    </message>
    <message>
        <source>Dataset &apos;%1&apos; has no version %2.</source>
        <translation>데이터 세트 &apos;%1&apos;에 버전 %2이(가) 없습니다.</translation>
    </message>
    <message>
        <source>There is no dataset named &apos;%1&apos;.</source>
        <translation>&apos;%1&apos;(이)라는 데이터 세트가 없습니다.</translation>
    </message>
    <message>
        <source>The dataset version no longer exists.</source>
        <translation>데이터 세트 버전이 더 이상 없습니다.</translation>
    </message>
    <message>
        <source>Chunk %1 of column %2 of %3 is missing.</source>
        <translation>%3의 %2열 청크 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>Column &apos;%1&apos; of %2 is damaged: %3 values stored, %4 expected.</source>
        <translation>%2의 열 &apos;%1&apos;이(가) 손상되었습니다: 저장된 값 %3개, 예상 %4개.</translation>
    </message>
</context>
<context>
    <name>stratus::DatasetsScreen</name>
    <message>
        <source>Datasets</source>
        <translation>데이터 세트</translation>
    </message>
    <message>
        <source>Create dataset from file...</source>
        <translation>파일에서 데이터 세트 만들기...</translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation>이름으로 필터링</translation>
    </message>
    <message>
        <source>Tip: drop a CSV file anywhere on the window to import it.</source>
        <translation>팁: CSV 파일을 창 아무 곳에나 끌어다 놓으면 가져옵니다.</translation>
    </message>
    <message>
        <source>Registered %1.</source>
        <translation>%1을(를) 등록했습니다.</translation>
    </message>
    <message>
        <source>Registered %1; it holds the same data as %2.</source>
        <translation>%1을(를) 등록했습니다. %2와(과) 같은 데이터입니다.</translation>
    </message>
</context>
<context>
    <name>stratus::DeployDialog</name>
    <message>
        <source>Deploy model</source>
        <translation>모델 배포</translation>
    </message>
    <message>
        <source>key=value, key2=value2</source>
        <translation>key=value, key2=value2</translation>
    </message>
    <message>
        <source>127.0.0.1 serves this machine only; 0.0.0.0 every network this machine is on.</source>
        <translation>127.0.0.1은 이 컴퓨터에만, 0.0.0.0은 이 컴퓨터가 연결된 모든 네트워크에 서비스합니다.</translation>
    </message>
    <message>
        <source>a free port</source>
        <translation>빈 포트</translation>
    </message>
    <message>
        <source>Requests scored at once (Azure&apos;s cpu_cores).</source>
        <translation>한 번에 점수를 매기는 요청 수 (Azure의 cpu_cores).</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>제한 없음</translation>
    </message>
    <message>
        <source>Over this resident memory the endpoint is restarted (Azure&apos;s memory_gb).</source>
        <translation>상주 메모리가 이 값을 넘으면 엔드포인트를 다시 시작합니다 (Azure의 memory_gb).</translation>
    </message>
    <message>
        <source>Key-based authentication (a primary and a secondary key)</source>
        <translation>키 기반 인증 (기본 키와 보조 키)</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>배포</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Endpoint name</source>
        <translation>엔드포인트 이름</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>포트</translation>
    </message>
    <message>
        <source>Worker threads</source>
        <translation>작업 스레드</translation>
    </message>
    <message>
        <source>Memory limit</source>
        <translation>메모리 한도</translation>
    </message>
    <message>
        <source>No model is registered yet: register one from a run&apos;s page first.</source>
        <translation>등록된 모델이 아직 없습니다. 먼저 실행 페이지에서 모델을 등록하세요.</translation>
    </message>
    <message>
        <source>An endpoint named &apos;%1&apos; exists already.</source>
        <translation>&apos;%1&apos; 엔드포인트가 이미 있습니다.</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>태그: %1</translation>
    </message>
    <message>
        <source>Address: &apos;%1&apos; is not an IP address.</source>
        <translation>주소: &apos;%1&apos;은(는) IP 주소가 아닙니다.</translation>
    </message>
    <message>
        <source>%1 can be reached from other machines.</source>
        <translation>%1은(는) 다른 컴퓨터에서 접근할 수 있습니다.</translation>
    </message>
    <message>
        <source>Without keys, anyone who can reach the endpoint can use it.</source>
        <translation>키가 없으면 엔드포인트에 접근할 수 있는 누구나 사용할 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>stratus::EndpointConsumeTab</name>
    <message>
        <source>Show keys</source>
        <translation>키 보기</translation>
    </message>
    <message>
        <source>Regenerate...</source>
        <translation>다시 생성...</translation>
    </message>
    <message>
        <source>Scoring URI</source>
        <translation>점수 URI</translation>
    </message>
    <message>
        <source>Swagger URI</source>
        <translation>Swagger URI</translation>
    </message>
    <message>
        <source>Primary key</source>
        <translation>기본 키</translation>
    </message>
    <message>
        <source>Secondary key</source>
        <translation>보조 키</translation>
    </message>
    <message>
        <source>curl</source>
        <translation>curl</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>C++ (Qt)</source>
        <translation>C++ (Qt)</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>코드 복사</translation>
    </message>
    <message>
        <source>(no authentication)</source>
        <translation>(인증 없음)</translation>
    </message>
    <message>
        <source>Regenerate key</source>
        <translation>키 다시 생성</translation>
    </message>
    <message>
        <source>Regenerate the %1 key of %2? Clients using the old key get 401 from now on.</source>
        <translation>%2의 %1 키를 다시 생성할까요? 이전 키를 쓰는 클라이언트는 이제부터 401을 받습니다.</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>기본</translation>
    </message>
    <message>
        <source>secondary</source>
        <translation>보조</translation>
    </message>
    <message>
        <source>Copies the code with the real key in it.</source>
        <translation>실제 키가 들어간 코드를 복사합니다.</translation>
    </message>
</context>
<context>
    <name>stratus::EndpointMonitorTab</name>
    <message>
        <source>Seconds ago</source>
        <translation>초 전</translation>
    </message>
    <message>
        <source>Requests per second</source>
        <translation>초당 요청</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>지연 시간 (ms)</translation>
    </message>
    <message>
        <source>No traffic yet: samples are taken once a second while the endpoint runs.</source>
        <translation>아직 트래픽이 없습니다. 엔드포인트가 실행되는 동안 1초마다 측정합니다.</translation>
    </message>
    <message>
        <source>%1 requests, %2 errors  ·  now %3 requests/s  ·  latency p50 %4 ms, p99 %5 ms (last 10,000)  ·  memory %6 MB</source>
        <translation>요청 %1개, 오류 %2개  ·  현재 초당 %3건  ·  지연 시간 p50 %4 ms, p99 %5 ms (최근 10,000건)  ·  메모리 %6 MB</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>초당 요청</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
</context>
<context>
    <name>stratus::EndpointState</name>
    <message>
        <source>Stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>Transitioning</source>
        <translation>전환 중</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>정상</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>비정상</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
</context>
<context>
    <name>stratus::EndpointStore</name>
    <message>
        <source>An endpoint named &apos;%1&apos; exists already: choose another name.</source>
        <translation>&apos;%1&apos; 엔드포인트가 이미 있습니다. 다른 이름을 고르세요.</translation>
    </message>
    <message>
        <source>model: %1</source>
        <translation>모델: %1</translation>
    </message>
    <message>
        <source>host: &apos;%1&apos; is not an IP address (127.0.0.1 serves this machine only).</source>
        <translation>호스트: &apos;%1&apos;은(는) IP 주소가 아닙니다 (127.0.0.1은 이 컴퓨터에만 서비스합니다).</translation>
    </message>
    <message>
        <source>port: %1 is not a port number (1 to 65535, or 0 for a free one).</source>
        <translation>포트: %1은(는) 포트 번호가 아닙니다 (1~65535, 빈 포트는 0).</translation>
    </message>
    <message>
        <source>threads: %1 is out of range (1 to 256).</source>
        <translation>스레드: %1은(는) 범위를 벗어났습니다 (1~256).</translation>
    </message>
    <message>
        <source>memory: %1 MB is out of range (64 MB or more, or 0 for no limit).</source>
        <translation>메모리: %1 MB는 범위를 벗어났습니다 (64 MB 이상, 제한 없음은 0).</translation>
    </message>
    <message>
        <source>host: no free port could be found on %1.</source>
        <translation>호스트: %1에서 빈 포트를 찾지 못했습니다.</translation>
    </message>
    <message>
        <source>No endpoint is named &apos;%1&apos;.</source>
        <translation>&apos;%1&apos; 엔드포인트가 없습니다.</translation>
    </message>
    <message>
        <source>Endpoint &apos;%1&apos; has no keys: it was deployed without authentication.</source>
        <translation>&apos;%1&apos; 엔드포인트에는 키가 없습니다. 인증 없이 배포되었습니다.</translation>
    </message>
    <message>
        <source>There is no endpoint named &apos;%1&apos;.</source>
        <translation>&apos;%1&apos; 엔드포인트가 없습니다.</translation>
    </message>
</context>
<context>
    <name>stratus::EndpointTestTab</name>
    <message>
        <source>Form</source>
        <translation>양식</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>predict</source>
        <translation>predict</translation>
    </message>
    <message>
        <source>predict_proba</source>
        <translation>predict_proba</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>메서드</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>응답</translation>
    </message>
    <message>
        <source>Start the endpoint to test it.</source>
        <translation>테스트하려면 엔드포인트를 시작하세요.</translation>
    </message>
    <message>
        <source>Sending...</source>
        <translation>보내는 중...</translation>
    </message>
    <message>
        <source>HTTP %1 in %2 ms</source>
        <translation>HTTP %1, %2 ms</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>(결측)</translation>
    </message>
    <message>
        <source>The endpoint is stopped: start it to test it.</source>
        <translation>엔드포인트가 중지되어 있습니다: 테스트하려면 시작하세요.</translation>
    </message>
    <message>
        <source>The endpoint is starting.</source>
        <translation>엔드포인트를 시작하는 중입니다.</translation>
    </message>
    <message>
        <source>The endpoint is %1: its Logs tab says why.</source>
        <translation>엔드포인트가 %1 상태입니다: 이유는 로그 탭에 있습니다.</translation>
    </message>
    <message>
        <source>Nothing answers at %1: the endpoint is stopped. Start it to test it.</source>
        <translation>%1에서 응답이 없습니다: 엔드포인트가 중지되어 있습니다. 테스트하려면 시작하세요.</translation>
    </message>
    <message>
        <source>No answer from %1: %2</source>
        <translation>%1에서 응답 없음: %2</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>행 %1: %2</translation>
    </message>
    <message>
        <source>... and %1 more rows</source>
        <translation>... 그리고 %1개 행 더</translation>
    </message>
</context>
<context>
    <name>stratus::EndpointsScreen</name>
    <message>
        <source>&lt;br&gt;%1%2&lt;br&gt;run %3, experiment %4, trained on %5</source>
        <translation>&lt;br&gt;%1%2&lt;br&gt;실행 %3, 실험 %4, 학습 데이터 %5</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>엔드포인트</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Scoring URI</source>
        <translation>점수 URI</translation>
    </message>
    <message>
        <source>Deploy model...</source>
        <translation>모델 배포...</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>다시 시작</translation>
    </message>
    <message>
        <source>Delete...</source>
        <translation>삭제...</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>세부 정보</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>테스트</translation>
    </message>
    <message>
        <source>Consume</source>
        <translation>사용</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>로그</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>모니터링</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>엔드포인트</translation>
    </message>
    <message>
        <source>A registered model served over HTTP by its own process on this machine. Clients written for Azure ML (/score) or MLflow (/invocations) work unchanged.</source>
        <translation>등록된 모델을 이 컴퓨터의 별도 프로세스가 HTTP로 제공합니다. Azure ML(/score)이나 MLflow(/invocations)용 클라이언트가 그대로 동작합니다.</translation>
    </message>
    <message>
        <source>No endpoint yet: deploy a registered model (Deploy model..., or Deploy on the Models screen).</source>
        <translation>아직 엔드포인트가 없습니다. 등록된 모델을 배포하세요 (모델 배포..., 또는 모델 화면의 배포).</translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;%2&lt;/p&gt;&lt;table cellspacing=4&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;State&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&lt;span style=&apos;color:%3&apos;&gt;%4&lt;/span&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Scoring URI&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Swagger URI&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Model&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&lt;a href=&apos;%8&apos;&gt;%8&lt;/a&gt; %14&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Authentication&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%9&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Worker threads&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%10&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Memory limit&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%11&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Created&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%12&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Log file&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%13&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;%2&lt;/p&gt;&lt;table cellspacing=4&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;상태&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&lt;span style=&apos;color:%3&apos;&gt;%4&lt;/span&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;점수 URI&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Swagger URI&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;모델&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&lt;a href=&apos;%8&apos;&gt;%8&lt;/a&gt; %14&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;인증&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%9&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;작업 스레드&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%10&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;메모리 한도&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%11&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;만든 시각&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%12&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;로그 파일&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%13&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>key-based (primary and secondary)</source>
        <translation>키 기반 (기본 키와 보조 키)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>Delete endpoint</source>
        <translation>엔드포인트 삭제</translation>
    </message>
    <message>
        <source>Stop and delete endpoint %1? Its clients lose it; the model stays registered.</source>
        <translation>%1 엔드포인트를 중지하고 삭제할까요? 클라이언트는 더 이상 사용할 수 없고, 모델은 등록된 채로 남습니다.</translation>
    </message>
    <message>
        <source>Endpoint %1</source>
        <translation>엔드포인트 %1</translation>
    </message>
    <message>
        <source>&lt;p&gt;Deployed by pipeline run %1, step %2.&lt;/p&gt;</source>
        <translation>&lt;p&gt;파이프라인 실행 %1의 %2 단계가 배포했습니다.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>stratus::ExperimentListModel</name>
    <message>
        <source>No runs yet</source>
        <translation>아직 실행 없음</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>실험</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Latest status</source>
        <translation>최근 상태</translation>
    </message>
    <message>
        <source>Primary metric</source>
        <translation>기본 메트릭</translation>
    </message>
    <message>
        <source>Best score</source>
        <translation>최고 점수</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>생성됨</translation>
    </message>
</context>
<context>
    <name>stratus::ExperimentStore</name>
    <message>
        <source>There is no experiment named &apos;%1&apos;.</source>
        <translation>&apos;%1&apos;(이)라는 실험이 없습니다.</translation>
    </message>
</context>
<context>
    <name>stratus::ExperimentsScreen</name>
    <message>
        <source>New Automated ML run...</source>
        <translation>새 자동화된 ML 실행...</translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation>이름으로 필터링</translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>실험</translation>
    </message>
    <message>
        <source>← Experiments</source>
        <translation>← 실험 목록</translation>
    </message>
    <message>
        <source>New run...</source>
        <translation>새 실행...</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>시작됨</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>소요 시간</translation>
    </message>
    <message>
        <source>Best model</source>
        <translation>최고 모델</translation>
    </message>
    <message>
        <source>Primary metric</source>
        <translation>기본 메트릭</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>점수</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>비교</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Only runs started by this studio and still running can be canceled here.</source>
        <translation>이 스튜디오에서 시작되어 아직 실행 중인 실행만 여기서 취소할 수 있습니다.</translation>
    </message>
    <message>
        <source>The run could not start</source>
        <translation>실행을 시작할 수 없습니다</translation>
    </message>
    <message>
        <source>Experiment %1</source>
        <translation>실험 %1</translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation>실행 비교</translation>
    </message>
    <message>
        <source>Select at least two child runs to compare.</source>
        <translation>비교할 자식 실행을 두 개 이상 선택하세요.</translation>
    </message>
    <message>
        <source>Runs collected for comparison: %1</source>
        <translation>비교용으로 모은 실행: %1</translation>
    </message>
    <message>
        <source>Registered model %1. &lt;a href=&quot;%2&quot;&gt;Open it in Models&lt;/a&gt;</source>
        <translation>모델 %1을(를) 등록했습니다. &lt;a href=&quot;%2&quot;&gt;모델에서 열기&lt;/a&gt;</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
</context>
<context>
    <name>stratus::ForecastCharts</name>
    <message>
        <source>Actual vs forecast</source>
        <translation>실제 값과 예측</translation>
    </message>
    <message>
        <source>Error by horizon step</source>
        <translation>예측 단계별 오차</translation>
    </message>
    <message>
        <source>Residuals</source>
        <translation>잔차</translation>
    </message>
    <message>
        <source>Series:</source>
        <translation>시계열:</translation>
    </message>
    <message>
        <source>The first %1 of %2 series are kept for the charts.</source>
        <translation>차트에는 %2개 시계열 중 처음 %1개가 보관됩니다.</translation>
    </message>
    <message>
        <source>80% band, fold %1</source>
        <translation>80% 구간, 폴드 %1</translation>
    </message>
    <message>
        <source>Forecast, fold %1</source>
        <translation>예측, 폴드 %1</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>실제 값</translation>
    </message>
    <message>
        <source>Time (%1)</source>
        <translation>시간 (%1)</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>대상 값</translation>
    </message>
    <message>
        <source>Mean absolute error</source>
        <translation>평균 절대 오차</translation>
    </message>
    <message>
        <source>Horizon step (every series and fold)</source>
        <translation>예측 단계 (모든 시계열과 폴드)</translation>
    </message>
    <message>
        <source>Residual (actual - forecast)</source>
        <translation>잔차 (실제 값 - 예측)</translation>
    </message>
    <message>
        <source>Horizon step</source>
        <translation>예측 단계</translation>
    </message>
    <message>
        <source>Actual - forecast</source>
        <translation>실제 값 - 예측</translation>
    </message>
</context>
<context>
    <name>stratus::ForecastFileDialog</name>
    <message>
        <source>Forecast %1 with %2</source>
        <translation>%2(으)로 %1 예측</translation>
    </message>
    <message>
        <source>Forecasting...</source>
        <translation>예측하는 중...</translation>
    </message>
    <message>
        <source>Save as CSV...</source>
        <translation>CSV로 저장...</translation>
    </message>
    <message>
        <source>Series:</source>
        <translation>시계열:</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) forecast, with the 80% band (0.1 and 0.9 quantiles).</source>
        <translation>
            <numerusform>%n개 행을 예측했습니다. 80% 구간(0.1 및 0.9 분위수)을 함께 표시합니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>80% band</source>
        <translation>80% 구간</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>예측</translation>
    </message>
    <message>
        <source>History</source>
        <translation>이력</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>대상 값</translation>
    </message>
    <message>
        <source>Save the forecast</source>
        <translation>예측 저장</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>stratus::ForecastingSettingsBox</name>
    <message>
        <source>Forecasting</source>
        <translation>예측</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>자동</translation>
    </message>
    <message>
        <source> periods</source>
        <translation> 기간</translation>
    </message>
    <message>
        <source>auto (inferred from the time column)</source>
        <translation>자동 (시간 열에서 추론)</translation>
    </message>
    <message>
        <source>minutes (min)</source>
        <translation>분 (min)</translation>
    </message>
    <message>
        <source>hours (h)</source>
        <translation>시간 (h)</translation>
    </message>
    <message>
        <source>days (D)</source>
        <translation>일 (D)</translation>
    </message>
    <message>
        <source>business days (B)</source>
        <translation>영업일 (B)</translation>
    </message>
    <message>
        <source>weeks ending Sunday (W-SUN)</source>
        <translation>일요일에 끝나는 주 (W-SUN)</translation>
    </message>
    <message>
        <source>month starts (MS)</source>
        <translation>월초 (MS)</translation>
    </message>
    <message>
        <source>month ends (M)</source>
        <translation>월말 (M)</translation>
    </message>
    <message>
        <source>quarter starts (QS-JAN)</source>
        <translation>분기 초 (QS-JAN)</translation>
    </message>
    <message>
        <source>quarter ends (Q-DEC)</source>
        <translation>분기 말 (Q-DEC)</translation>
    </message>
    <message>
        <source>year starts (YS-JAN)</source>
        <translation>연초 (YS-JAN)</translation>
    </message>
    <message>
        <source>year ends (Y-DEC)</source>
        <translation>연말 (Y-DEC)</translation>
    </message>
    <message>
        <source>auto (drop when others are long enough, else pad)</source>
        <translation>자동 (다른 시계열이 충분히 길면 제외, 아니면 채움)</translation>
    </message>
    <message>
        <source>pad</source>
        <translation>채움</translation>
    </message>
    <message>
        <source>drop</source>
        <translation>제외</translation>
    </message>
    <message>
        <source>none (an error)</source>
        <translation>없음 (오류)</translation>
    </message>
    <message>
        <source>none (duplicates are an error)</source>
        <translation>없음 (중복은 오류)</translation>
    </message>
    <message>
        <source> folds</source>
        <translation> 폴드</translation>
    </message>
    <message>
        <source>auto (the horizon)</source>
        <translation>자동 (예측 범위)</translation>
    </message>
    <message>
        <source>Time column</source>
        <translation>시간 열</translation>
    </message>
    <message>
        <source>Time series ids</source>
        <translation>시계열 ID</translation>
    </message>
    <message>
        <source>Forecast horizon</source>
        <translation>예측 범위</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>빈도</translation>
    </message>
    <message>
        <source>Seasonality</source>
        <translation>계절성</translation>
    </message>
    <message>
        <source>Short series</source>
        <translation>짧은 시계열</translation>
    </message>
    <message>
        <source>Duplicate timestamps</source>
        <translation>중복 타임스탬프</translation>
    </message>
    <message>
        <source>Rolling-origin validation</source>
        <translation>롤링 원점 검증</translation>
    </message>
    <message>
        <source>Step between origins</source>
        <translation>원점 간격</translation>
    </message>
    <message>
        <source>auto, none, or lags in periods such as 1,2,7 (target_lags)</source>
        <translation>auto, none 또는 1,2,7 같은 기간 단위 시차 (target_lags)</translation>
    </message>
    <message>
        <source>Lag the features too (feature_lags)</source>
        <translation>특성에도 시차 적용 (feature_lags)</translation>
    </message>
    <message>
        <source>Features not known for the periods to forecast: left out, or read only before the origin when the features are lagged (features_unknown_at_forecast_time)</source>
        <translation>예측할 기간에 알 수 없는 특성: 제외되거나, 특성에 시차를 적용하면 예측 시점 이전 값만 읽습니다 (features_unknown_at_forecast_time)</translation>
    </message>
    <message>
        <source>Target lags</source>
        <translation>대상 시차</translation>
    </message>
    <message>
        <source>Unknown at forecast time</source>
        <translation>예측 시점에 알 수 없음</translation>
    </message>
    <message>
        <source>Target lags: %1</source>
        <translation>대상 시차: %1</translation>
    </message>
</context>
<context>
    <name>stratus::Guardrails</name>
    <message>
        <source>Validation split handling</source>
        <translation>유효성 검사 분할 처리</translation>
    </message>
    <message>
        <source>Class balancing detection</source>
        <translation>클래스 균형 감지</translation>
    </message>
    <message>
        <source>Missing feature values imputation</source>
        <translation>누락된 특성 값 대체</translation>
    </message>
    <message>
        <source>High cardinality feature detection</source>
        <translation>높은 카디널리티 특성 감지</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>통과</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Alerted</source>
        <translation>경고</translation>
    </message>
    <message>
        <source>%1; %2 rows without a label were left out.</source>
        <translation>%1. 레이블이 없는 %2개 행은 제외했습니다.</translation>
    </message>
    <message>
        <source>The classes are imbalanced: &apos;%1&apos; has %2 rows, %3% of the largest class. Prefer AUC_weighted or norm_macro_recall as the primary metric.</source>
        <translation>클래스가 불균형합니다: &apos;%1&apos;은(는) %2개 행으로 가장 큰 클래스의 %3%입니다. 기본 메트릭으로 AUC_weighted 또는 norm_macro_recall을 권장합니다.</translation>
    </message>
    <message>
        <source>Every class is well represented (the smallest, &apos;%1&apos;, has %2 rows).</source>
        <translation>모든 클래스가 충분히 있습니다 (가장 작은 &apos;%1&apos;은(는) %2개 행).</translation>
    </message>
    <message>
        <source>No feature value is missing.</source>
        <translation>누락된 특성 값이 없습니다.</translation>
    </message>
    <message>
        <source>Missing values were imputed in: %1 (numbers: the median, with a missing indicator; categories: the most frequent).</source>
        <translation>결측값을 대체한 열: %1 (숫자: 중앙값과 결측 표시, 범주: 최빈값).</translation>
    </message>
    <message>
        <source>No categorical feature has too many values.</source>
        <translation>값이 지나치게 많은 범주형 특성이 없습니다.</translation>
    </message>
    <message>
        <source>Frequency-encoded for their many values: %1.</source>
        <translation>값이 많아 빈도로 인코딩한 열: %1.</translation>
    </message>
    <message>
        <source>Prediction columns detection</source>
        <translation>예측 열 감지</translation>
    </message>
    <message>
        <source>Left out as features: %1. They are a scored dataset&apos;s predictions of the label and would leak it; give them a column purpose to learn from them anyway.</source>
        <translation>특성에서 제외: %1. 점수 매긴 데이터 세트의 레이블 예측값이라 정답이 새어 들어갑니다. 그래도 학습에 쓰려면 열 용도를 지정하세요.</translation>
    </message>
</context>
<context>
    <name>stratus::HistogramPlot</name>
    <message>
        <source>Rows</source>
        <translation>행</translation>
    </message>
    <message>
        <source>%1: %2 rows</source>
        <translation>%1: %2행</translation>
    </message>
    <message>
        <source>%1 to %2: %3 rows</source>
        <translation>%1 ~ %2: %3행</translation>
    </message>
</context>
<context>
    <name>stratus::HomeScreen</name>
    <message>
        <source>Welcome to Stratus</source>
        <translation>Stratus에 오신 것을 환영합니다</translation>
    </message>
    <message>
        <source>Train, compare and serve machine-learning models on this computer, following the Azure Machine Learning workflow. Work through the steps below.</source>
        <translation>Azure Machine Learning 워크플로를 따라 이 컴퓨터에서 머신러닝 모델을 학습하고, 비교하고, 서비스하세요. 아래 단계를 차례로 진행하세요.</translation>
    </message>
    <message>
        <source>Register a dataset</source>
        <translation>데이터 세트 등록</translation>
    </message>
    <message>
        <source>Import a CSV file as a versioned dataset and look at its profile.</source>
        <translation>CSV 파일을 버전이 있는 데이터 세트로 가져오고 프로필을 살펴보세요.</translation>
    </message>
    <message>
        <source>Choose compute</source>
        <translation>컴퓨팅 선택</translation>
    </message>
    <message>
        <source>Decide how many trials may train at once on this machine.</source>
        <translation>이 컴퓨터에서 동시에 학습할 시도 수를 정하세요.</translation>
    </message>
    <message>
        <source>Run Automated ML</source>
        <translation>자동화된 ML 실행</translation>
    </message>
    <message>
        <source>Train and tune many models and rank them on a leaderboard.</source>
        <translation>여러 모델을 학습하고 조정하여 리더보드에 순위를 매깁니다.</translation>
    </message>
    <message>
        <source>Deploy an endpoint</source>
        <translation>엔드포인트 배포</translation>
    </message>
    <message>
        <source>Serve the model as a REST endpoint and consume it.</source>
        <translation>모델을 REST 엔드포인트로 서비스하고 사용합니다.</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>작업 영역: %1</translation>
    </message>
    <message>
        <source>Done (%1)</source>
        <translation>완료 (%1)</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>할 일</translation>
    </message>
    <message>
        <source>Open Datasets</source>
        <translation>데이터 세트 열기</translation>
    </message>
    <message>
        <source>Open Compute</source>
        <translation>컴퓨팅 열기</translation>
    </message>
    <message>
        <source>Next step: create a dataset from a file</source>
        <translation>다음 단계: 파일에서 데이터 세트 만들기</translation>
    </message>
    <message>
        <source>Next step: create a compute profile</source>
        <translation>다음 단계: 컴퓨팅 프로필 만들기</translation>
    </message>
    <message>
        <source>Open Experiments</source>
        <translation>실험 열기</translation>
    </message>
    <message>
        <source>Open Models</source>
        <translation>모델 열기</translation>
    </message>
    <message>
        <source>Next step: start an Automated ML run</source>
        <translation>다음 단계: 자동화된 ML 실행 시작하기</translation>
    </message>
    <message>
        <source>Done (%1, %2 healthy)</source>
        <translation>완료 (%1개, 정상 %2개)</translation>
    </message>
    <message>
        <source>Open Endpoints</source>
        <translation>엔드포인트 열기</translation>
    </message>
    <message>
        <source>Next step: deploy a model as an endpoint</source>
        <translation>다음 단계: 모델을 엔드포인트로 배포</translation>
    </message>
    <message>
        <source>To do (a sample is there to try)</source>
        <translation>할 일 (체험용 샘플이 있습니다)</translation>
    </message>
    <message>
        <source>Register the recommended model</source>
        <translation>추천 모델 등록</translation>
    </message>
    <message>
        <source>Keep the model the run recommends, versioned, with its lineage.</source>
        <translation>실행이 추천하는 모델을 버전과 계보와 함께 보관합니다.</translation>
    </message>
    <message>
        <source>Next step: register the model a run recommends</source>
        <translation>다음 단계: 실행이 추천하는 모델 등록</translation>
    </message>
    <message>
        <source>Automate</source>
        <translation>자동화</translation>
    </message>
    <message>
        <source>Turn these steps into a pipeline that retrains the model when new data arrives.</source>
        <translation>이 단계들을 새 데이터가 들어오면 모델을 다시 학습하는 파이프라인으로 만드세요.</translation>
    </message>
    <message>
        <source>Make a retraining pipeline</source>
        <translation>재학습 파이프라인 만들기</translation>
    </message>
    <message>
        <source>Open Pipelines</source>
        <translation>파이프라인 열기</translation>
    </message>
    <message>
        <source>Register a model first: the pipeline retrains it.</source>
        <translation>먼저 모델을 등록하세요: 파이프라인이 그 모델을 다시 학습합니다.</translation>
    </message>
    <message>
        <source>Next step: make a retraining pipeline</source>
        <translation>다음 단계: 재학습 파이프라인 만들기</translation>
    </message>
    <message>
        <source>Next step: run, schedule or publish your pipelines</source>
        <translation>다음 단계: 파이프라인 실행, 예약 또는 게시</translation>
    </message>
</context>
<context>
    <name>stratus::ImportConfirmPage</name>
    <message>
        <source>Confirm details</source>
        <translation>세부 정보 확인</translation>
    </message>
    <message>
        <source>Register the data as a dataset. A name that exists already gets a new version.</source>
        <translation>데이터를 데이터 세트로 등록합니다. 이미 있는 이름이면 새 버전이 만들어집니다.</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>만들기</translation>
    </message>
    <message>
        <source>key=value, key2=value2</source>
        <translation>key=value, key2=value2</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>가져오기 취소</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>이름:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>설명:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>태그:</translation>
    </message>
    <message>
        <source>File: %1
Delimiter: %2; header: %3; decimal comma: %4
Columns: %5 of %6</source>
        <translation>파일: %1
구분 기호: %2, 머리글: %3, 소수점 쉼표: %4
열: %6개 중 %5개</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>태그: %1</translation>
    </message>
    <message>
        <source>The import was canceled; nothing was stored.</source>
        <translation>가져오기가 취소되었습니다. 아무것도 저장되지 않았습니다.</translation>
    </message>
    <message>
        <source>The import failed; nothing was stored.
%1</source>
        <translation>가져오기에 실패했습니다. 아무것도 저장되지 않았습니다.
%1</translation>
    </message>
</context>
<context>
    <name>stratus::ImportFilePage</name>
    <message>
        <source>Choose a file</source>
        <translation>파일 선택</translation>
    </message>
    <message>
        <source>A delimited text file: comma, tab, semicolon or pipe separated, in UTF-8.</source>
        <translation>쉼표, 탭, 세미콜론 또는 파이프로 구분된 UTF-8 텍스트 파일.</translation>
    </message>
    <message>
        <source>Path of a .csv, .tsv or .txt file</source>
        <translation>.csv, .tsv 또는 .txt 파일 경로</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>찾아보기...</translation>
    </message>
    <message>
        <source>There is no file at this path.</source>
        <translation>이 경로에 파일이 없습니다.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Choose a data file</source>
        <translation>데이터 파일 선택</translation>
    </message>
    <message>
        <source>Delimited text (*.csv *.tsv *.txt *.psv);;All files (*)</source>
        <translation>구분된 텍스트 (*.csv *.tsv *.txt *.psv);;모든 파일 (*)</translation>
    </message>
</context>
<context>
    <name>stratus::ImportSchemaPage</name>
    <message>
        <source>Schema</source>
        <translation>스키마</translation>
    </message>
    <message>
        <source>Types are inferred from the first rows here and checked over the whole file on import. Change a type, or untick a column to leave it out.</source>
        <translation>형식은 여기서 처음 몇 행으로 추론하고, 가져올 때 파일 전체로 확인합니다. 형식을 바꾸거나, 열의 선택을 해제해 제외하세요.</translation>
    </message>
    <message>
        <source>Include</source>
        <translation>포함</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>열</translation>
    </message>
    <message>
        <source>Detected type</source>
        <translation>감지된 형식</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>형식</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>처음 값</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>(누락)</translation>
    </message>
    <message>
        <source>No columns</source>
        <translation>열 없음</translation>
    </message>
    <message>
        <source>Include at least one column.</source>
        <translation>열을 하나 이상 포함하세요.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>참고</translation>
    </message>
</context>
<context>
    <name>stratus::ImportSettingsPage</name>
    <message>
        <source>Settings and preview</source>
        <translation>설정 및 미리 보기</translation>
    </message>
    <message>
        <source>Stratus detected how the file is written. Change a setting if the preview looks wrong.</source>
        <translation>Stratus가 파일 형식을 감지했습니다. 미리 보기가 이상하면 설정을 바꾸세요.</translation>
    </message>
    <message>
        <source>Comma ( , )</source>
        <translation>쉼표 ( , )</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>탭</translation>
    </message>
    <message>
        <source>Semicolon ( ; )</source>
        <translation>세미콜론 ( ; )</translation>
    </message>
    <message>
        <source>Pipe ( | )</source>
        <translation>파이프 ( | )</translation>
    </message>
    <message>
        <source>The first line holds the column names</source>
        <translation>첫 줄에 열 이름이 있음</translation>
    </message>
    <message>
        <source>Numbers use a decimal comma (1,83 means 1.83)</source>
        <translation>숫자에 소수점 쉼표 사용 (1,83은 1.83)</translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation>구분 기호:</translation>
    </message>
    <message>
        <source>the first %1 rows</source>
        <translation>처음 %1행</translation>
    </message>
    <message>
        <source>all %1 rows</source>
        <translation>전체 %1행</translation>
    </message>
    <message>
        <source>UTF-8 with a byte order mark</source>
        <translation>BOM이 있는 UTF-8</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>%1 columns; showing %2. Encoding: %3.</source>
        <translation>열 %1개, %2 표시. 인코딩: %3.</translation>
    </message>
</context>
<context>
    <name>stratus::ImportWizard</name>
    <message>
        <source>Create dataset from file</source>
        <translation>파일에서 데이터 세트 만들기</translation>
    </message>
</context>
<context>
    <name>stratus::InputSchema</name>
    <message>
        <source>unknown column &apos;%1&apos; (did you mean &apos;%2&apos;?)</source>
        <translation>알 수 없는 열 &apos;%1&apos; (&apos;%2&apos;을(를) 뜻했나요?)</translation>
    </message>
    <message>
        <source>unknown column &apos;%1&apos; (the model takes: %2)</source>
        <translation>알 수 없는 열 &apos;%1&apos; (모델이 받는 열: %2)</translation>
    </message>
    <message>
        <source>missing column &apos;%1&apos; (there is a column &apos;%2&apos;: is it misspelt?)</source>
        <translation>열 &apos;%1&apos;이(가) 없습니다 (열 &apos;%2&apos;이(가) 있습니다. 철자가 틀렸나요?)</translation>
    </message>
    <message>
        <source>missing column &apos;%1&apos; (give it, with null or an empty value where it is missing)</source>
        <translation>열 &apos;%1&apos;이(가) 없습니다 (값이 없는 곳은 null이나 빈 값으로 보내세요)</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; is given twice</source>
        <translation>열 &apos;%1&apos;이(가) 두 번 주어졌습니다</translation>
    </message>
    <message>
        <source>%1 is not a value</source>
        <translation>%1은(는) 값이 아닙니다</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>목록</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>객체</translation>
    </message>
    <message>
        <source>%1, column &apos;%2&apos;: &quot;%3&quot; %4</source>
        <translation>%1, 열 &apos;%2&apos;: &quot;%3&quot; %4</translation>
    </message>
</context>
<context>
    <name>stratus::LabelChoice</name>
    <message>
        <source>Regression: predicts a number (from %1 to %2)</source>
        <translation>회귀: 숫자를 예측합니다 (%1 ~ %2)</translation>
    </message>
    <message>
        <source>Classification: predicts one of %1 classes (%2%3)</source>
        <translation>분류: 클래스 %1개 중 하나를 예측합니다 (%2%3)</translation>
    </message>
</context>
<context>
    <name>stratus::LeaderboardModel</name>
    <message>
        <source>Rank</source>
        <translation>순위</translation>
    </message>
    <message>
        <source>Iteration</source>
        <translation>반복</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>알고리즘</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>소요 시간</translation>
    </message>
    <message>
        <source>Training time</source>
        <translation>학습 시간</translation>
    </message>
    <message>
        <source>Prediction time / row</source>
        <translation>예측 시간 / 행</translation>
    </message>
    <message>
        <source>The model this run hands back: the best on the leaderboard.</source>
        <translation>이 실행이 돌려주는 모델: 리더보드의 최고 모델입니다.</translation>
    </message>
    <message>
        <source>The model this run hands back. Its weights are not fitted on the validation predictions, so its score is not inflated by choosing among many trials as the leaderboard&apos;s top is: it generalises better on small data.</source>
        <translation>이 실행이 돌려주는 모델입니다. 가중치를 검증 예측에 맞추지 않으므로, 리더보드 1위처럼 많은 시도 중에서 골라 점수가 부풀려지지 않습니다. 작은 데이터에서 더 잘 일반화합니다.</translation>
    </message>
    <message>
        <source>The model this run hands back: the best whose refit on every row fitted in the time left.</source>
        <translation>이 실행이 돌려주는 모델: 남은 시간 안에 모든 행으로 다시 학습할 수 있었던 최고 모델입니다.</translation>
    </message>
    <message>
        <source>Fidelity</source>
        <translation>충실도</translation>
    </message>
</context>
<context>
    <name>stratus::MainWindow</name>
    <message>
        <source>Stratus — %1</source>
        <translation>Stratus — %1</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>홈</translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation>데이터 세트</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>컴퓨팅</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>작업 영역: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import dataset...</source>
        <translation>데이터 세트 가져오기(&amp;I)...</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>&amp;Open workspace...</source>
        <translation>작업 영역 열기(&amp;O)...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>시스템 언어</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Stratus</source>
        <translation>Stratus 정보(&amp;A)</translation>
    </message>
    <message>
        <source>About Stratus</source>
        <translation>Stratus 정보</translation>
    </message>
    <message>
        <source>&lt;b&gt;Stratus %1&lt;/b&gt;&lt;p&gt;An offline machine-learning studio: datasets, compute, Automated ML, models and endpoints on one machine.&lt;/p&gt;&lt;p&gt;Workspace: %2&lt;/p&gt;</source>
        <translation>&lt;b&gt;Stratus %1&lt;/b&gt;&lt;p&gt;오프라인 머신러닝 스튜디오: 데이터 세트, 컴퓨팅, 자동화된 ML, 모델, 엔드포인트를 한 컴퓨터에서.&lt;/p&gt;&lt;p&gt;작업 영역: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open or create a workspace</source>
        <translation>작업 영역 열기 또는 만들기</translation>
    </message>
    <message>
        <source>Stratus workspaces (*.stratus);;All files (*)</source>
        <translation>Stratus 작업 영역 (*.stratus);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Cannot open workspace</source>
        <translation>작업 영역을 열 수 없음</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>The new language is used from the next start of Stratus.</source>
        <translation>새 언어는 Stratus를 다음에 시작할 때부터 적용됩니다.</translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>실험</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Registered model %1.</source>
        <translation>모델 %1을(를) 등록했습니다.</translation>
    </message>
    <message>
        <source>New &amp;Automated ML run...</source>
        <translation>새 자동화된 ML 실행(&amp;A)...</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>엔드포인트</translation>
    </message>
    <message>
        <source>Endpoint %1: %2</source>
        <translation>엔드포인트 %1: %2</translation>
    </message>
    <message>
        <source>Endpoint %1: %2 (%3)</source>
        <translation>엔드포인트 %1: %2 (%3)</translation>
    </message>
    <message>
        <source>Quit Stratus</source>
        <translation>Stratus 끝내기</translation>
    </message>
    <message>
        <source>A run is still training: %1.</source>
        <translation>아직 학습 중인 실행이 있습니다: %1.</translation>
    </message>
    <message>
        <source>%1 runs are still training: %2.</source>
        <translation>실행 %1개가 아직 학습 중입니다: %2.</translation>
    </message>
    <message>
        <source>Stop: the runs end as canceled and keep their best completed model; Stratus quits once they have stopped.
Keep training: the window closes and its endpoints stop; the runs go on in the background and Stratus ends with the last one. Open the workspace again to follow them.</source>
        <translation>중지: 실행은 취소로 끝나고 완료된 모델 중 가장 좋은 모델을 유지합니다. 실행이 멈추면 Stratus가 끝납니다.
학습 계속: 창이 닫히고 엔드포인트가 멈춥니다. 실행은 백그라운드에서 계속되고 마지막 실행이 끝나면 Stratus도 끝납니다. 진행 상황은 작업 영역을 다시 열어 확인하세요.</translation>
    </message>
    <message>
        <source>Stop and quit</source>
        <translation>중지하고 끝내기</translation>
    </message>
    <message>
        <source>Keep training and quit</source>
        <translation>학습을 계속하고 끝내기</translation>
    </message>
    <message>
        <source>Don&apos;t quit</source>
        <translation>끝내지 않기</translation>
    </message>
    <message>
        <source>Stopping %1 run(s) before quitting...</source>
        <translation>끝내기 전에 실행 %1개를 중지하는 중...</translation>
    </message>
    <message>
        <source>The runs have finished.</source>
        <translation>실행이 끝났습니다.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>끝내기</translation>
    </message>
    <message>
        <source>Pipelines</source>
        <translation>파이프라인</translation>
    </message>
    <message>
        <source>Pipeline triggers: %1</source>
        <translation>파이프라인 트리거: %1</translation>
    </message>
    <message>
        <source>Saved the pipeline %1: run it here; schedule or publish it with stratus-cli pipeline schedule or publish.</source>
        <translation>파이프라인 %1을(를) 저장했습니다: 여기서 실행하고, 예약이나 게시는 stratus-cli pipeline schedule 또는 publish로 하세요.</translation>
    </message>
</context>
<context>
    <name>stratus::ModelStore</name>
    <message>
        <source>Run &apos;%1&apos; has no best model to register (its status is %2).</source>
        <translation>실행 &apos;%1&apos;에는 등록할 최고 모델이 없습니다(상태: %2).</translation>
    </message>
    <message>
        <source>The model &apos;%1&apos; could not be created.</source>
        <translation>모델 &apos;%1&apos;을(를) 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a model reference: use NAME, NAME:latest or NAME:VERSION.</source>
        <translation>&apos;%1&apos;은(는) 모델 참조가 아닙니다. NAME, NAME:latest 또는 NAME:VERSION을 사용하세요.</translation>
    </message>
    <message>
        <source>There is no model named &apos;%1&apos;.</source>
        <translation>&apos;%1&apos;(이)라는 모델이 없습니다.</translation>
    </message>
    <message>
        <source>The model &apos;%1&apos; has no version %2.</source>
        <translation>모델 &apos;%1&apos;에는 버전 %2이(가) 없습니다.</translation>
    </message>
    <message>
        <source>The model %1 has no stored pipeline.</source>
        <translation>모델 %1에는 저장된 파이프라인이 없습니다.</translation>
    </message>
    <message>
        <source>The model %1 is deployed to endpoint &apos;%2&apos;: delete the endpoint first.</source>
        <translation>모델 %1이(가) 엔드포인트 &apos;%2&apos;에 배포되어 있습니다. 먼저 엔드포인트를 삭제하세요.</translation>
    </message>
    <message>
        <source>Run &apos;%1&apos; has no stored model yet: train it on every row first (ml::registerRunModel does).</source>
        <translation>실행 &apos;%1&apos;에 아직 저장된 모델이 없습니다: 먼저 모든 행으로 학습하세요 (ml::registerRunModel이 이를 수행합니다).</translation>
    </message>
</context>
<context>
    <name>stratus::ModelsScreen</name>
    <message>
        <source>Model / version</source>
        <translation>모델 / 버전</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>알고리즘</translation>
    </message>
    <message>
        <source>Primary metric</source>
        <translation>기본 메트릭</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>등록됨</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>메트릭</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Open run</source>
        <translation>실행 열기</translation>
    </message>
    <message>
        <source>Delete version...</source>
        <translation>버전 삭제...</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Register a model from a run&apos;s page (Experiments). Registering under an existing name adds a version.</source>
        <translation>실행 페이지(실험)에서 모델을 등록하세요. 기존 이름으로 등록하면 새 버전이 추가됩니다.</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>버전 %1</translation>
    </message>
    <message>
        <source>No model is registered yet.</source>
        <translation>아직 등록된 모델이 없습니다.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;%2&lt;/p&gt;&lt;table cellspacing=4&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Algorithm&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Task&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%4 of &lt;i&gt;%5&lt;/i&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Run&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;AutoML run&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Experiment&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Trained on&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%9&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;%2&lt;/p&gt;&lt;table cellspacing=4&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;알고리즘&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;작업&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&lt;i&gt;%5&lt;/i&gt;의 %4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;실행&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;AutoML 실행&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;실험&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;학습 데이터&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%9&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(삭제됨)</translation>
    </message>
    <message>
        <source>Delete version</source>
        <translation>버전 삭제</translation>
    </message>
    <message>
        <source>Delete model version %1? Its run is kept.</source>
        <translation>모델 버전 %1을(를) 삭제할까요? 해당 실행은 유지됩니다.</translation>
    </message>
    <message>
        <source>Deploy...</source>
        <translation>배포...</translation>
    </message>
    <message>
        <source>Export package...</source>
        <translation>패키지 내보내기...</translation>
    </message>
    <message>
        <source>Score dataset...</source>
        <translation>데이터 세트 점수 매기기...</translation>
    </message>
    <message>
        <source>Import package...</source>
        <translation>패키지 가져오기...</translation>
    </message>
    <message>
        <source>Export model %1</source>
        <translation>모델 %1 내보내기</translation>
    </message>
    <message>
        <source>Stratus model packages (*.stratus-model)</source>
        <translation>Stratus 모델 패키지 (*.stratus-model)</translation>
    </message>
    <message>
        <source>Export model</source>
        <translation>모델 내보내기</translation>
    </message>
    <message>
        <source>Import a model package</source>
        <translation>모델 패키지 가져오기</translation>
    </message>
    <message>
        <source>Stratus model packages (*.stratus-model);;All files (*)</source>
        <translation>Stratus 모델 패키지 (*.stratus-model);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Import model</source>
        <translation>모델 가져오기</translation>
    </message>
    <message>
        <source>Register it as a new version of the model:</source>
        <translation>이 모델의 새 버전으로 등록:</translation>
    </message>
    <message>
        <source>Select a model version first.</source>
        <translation>먼저 모델 버전을 선택하세요.</translation>
    </message>
    <message>
        <source>Exported %1 (%2) to %3 (%4 KB): the featurization and the model, the input schema with a sample row, the metrics and the lineage (run, experiment, dataset %5). It runs without this workspace: stratus-cli predict --package or serve --package.</source>
        <translation>%1 (%2)을(를) %3 (%4 KB)로 내보냈습니다: 특성화와 모델, 샘플 행이 있는 입력 스키마, 메트릭, 계보 (실행, 실험, 데이터 세트 %5). 이 작업 영역 없이 실행됩니다: stratus-cli predict --package 또는 serve --package.</translation>
    </message>
    <message>
        <source>Export ONNX...</source>
        <translation>ONNX 내보내기...</translation>
    </message>
    <message>
        <source>Export model %1 as ONNX</source>
        <translation>모델 %1을(를) ONNX로 내보내기</translation>
    </message>
    <message>
        <source>ONNX models (*.onnx)</source>
        <translation>ONNX 모델 (*.onnx)</translation>
    </message>
    <message>
        <source>Export ONNX</source>
        <translation>ONNX 내보내기</translation>
    </message>
    <message>
        <source>Exported %1 to %2 (%3 KB) as ONNX, for ONNX Runtime.

Inputs, one per column, shape [rows, 1]: %4. Numbers, whole numbers and booleans (1 true, 0 false) are doubles, NaN when missing; categories and text are strings, empty when missing.

Outputs: %5.</source>
        <translation>%1을(를) ONNX Runtime용 ONNX로 %2에 내보냈습니다 (%3 KB).

입력 (열마다 하나, 모양 [행, 1]): %4. 숫자, 정수, 부울 값(참 1, 거짓 0)은 double이며 결측값은 NaN입니다. 범주와 텍스트는 문자열이며 결측값은 빈 문자열입니다.

출력: %5.</translation>
    </message>
    <message>
        <source>Forecast a file...</source>
        <translation>파일 예측...</translation>
    </message>
    <message>
        <source>Future rows to forecast</source>
        <translation>예측할 미래 행</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV 파일 (*.csv *.tsv *.txt);;모든 파일 (*)</translation>
    </message>
</context>
<context>
    <name>stratus::PipelineEditor</name>
    <message>
        <source>Add step</source>
        <translation>단계 추가</translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation>단계 제거</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>확대</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>축소</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>맞춤</translation>
    </message>
    <message>
        <source>Auto-layout</source>
        <translation>자동 배치</translation>
    </message>
    <message>
        <source>Save version</source>
        <translation>버전 저장</translation>
    </message>
    <message>
        <source>name=default, ... (used in settings as ${{parent.inputs.name}})</source>
        <translation>이름=기본값, ... (설정에서 ${{parent.inputs.이름}}으로 사용)</translation>
    </message>
    <message>
        <source>Pipeline name</source>
        <translation>파이프라인 이름</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>매개변수</translation>
    </message>
    <message>
        <source>Rename the pipeline</source>
        <translation>파이프라인 이름 바꾸기</translation>
    </message>
    <message>
        <source>Edit the parameters</source>
        <translation>매개변수 편집</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>%1 추가</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 제거</translation>
    </message>
    <message>
        <source>%1.%2 (%3) cannot feed %4.%5</source>
        <translation>%1.%2 (%3)은(는) %4.%5에 연결할 수 없습니다</translation>
    </message>
    <message>
        <source>Connect %1.%2 to %3.%4</source>
        <translation>%1.%2을(를) %3.%4에 연결</translation>
    </message>
    <message>
        <source>Set %1.%2</source>
        <translation>%1.%2 설정</translation>
    </message>
    <message>
        <source>Select a step to edit its settings, or add one from the list.</source>
        <translation>설정을 편집할 단계를 선택하거나 목록에서 단계를 추가하세요.</translation>
    </message>
    <message>
        <source>input %1 (%2)</source>
        <translation>입력 %1 (%2)</translation>
    </message>
    <message>
        <source>Connect %1.%2</source>
        <translation>%1.%2 연결</translation>
    </message>
    <message>
        <source>, required</source>
        <translation>, 필수</translation>
    </message>
    <message>
        <source>(not connected)</source>
        <translation>(연결 안 됨)</translation>
    </message>
    <message>
        <source>parameter %1</source>
        <translation>매개변수 %1</translation>
    </message>
</context>
<context>
    <name>stratus::PipelinesScreen</name>
    <message>
        <source>&lt;h2&gt;Pipelines&lt;/h2&gt;Reusable workflows from data to a live endpoint: run them by hand, on a schedule, when a dataset gets a new version, or from a REST call.</source>
        <translation>&lt;h2&gt;파이프라인&lt;/h2&gt;데이터에서 운영 중인 엔드포인트까지 재사용할 수 있는 워크플로: 직접, 예약으로, 데이터 세트에 새 버전이 생길 때, 또는 REST 호출로 실행하세요.</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>파이프라인</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>마지막 실행</translation>
    </message>
    <message>
        <source>Next scheduled</source>
        <translation>다음 예약</translation>
    </message>
    <message>
        <source>New pipeline</source>
        <translation>새 파이프라인</translation>
    </message>
    <message>
        <source>Open file...</source>
        <translation>파일 열기...</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Export...</source>
        <translation>내보내기...</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Designer</source>
        <translation>디자이너</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>소요 시간</translation>
    </message>
    <message>
        <source>Select a step to see its log and outputs.</source>
        <translation>단계를 선택하면 로그와 출력을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Rerun from the failed step</source>
        <translation>실패한 단계부터 다시 실행</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>트리거</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>When</source>
        <translation>조건</translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation>트리거</translation>
    </message>
    <message>
        <source>Open a pipeline file</source>
        <translation>파이프라인 파일 열기</translation>
    </message>
    <message>
        <source>Pipeline files (*.yaml *.yml)</source>
        <translation>파이프라인 파일 (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Export the pipeline</source>
        <translation>파이프라인 내보내기</translation>
    </message>
    <message>
        <source>Pipeline files (*.yaml)</source>
        <translation>파이프라인 파일 (*.yaml)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Delete pipeline</source>
        <translation>파이프라인 삭제</translation>
    </message>
    <message>
        <source>Delete every version of %1? Its runs are kept.</source>
        <translation>%1의 모든 버전을 삭제할까요? 실행 기록은 유지됩니다.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1을(를) 저장했습니다.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Opened %1: check it and save it as a version.</source>
        <translation>%1을(를) 열었습니다: 확인한 뒤 버전으로 저장하세요.</translation>
    </message>
    <message>
        <source>the guided workflow</source>
        <translation>안내 워크플로</translation>
    </message>
    <message>
        <source>Select a pipeline to run (save the Designer&apos;s first).</source>
        <translation>실행할 파이프라인을 선택하세요 (디자이너의 파이프라인은 먼저 저장하세요).</translation>
    </message>
    <message>
        <source>Started run %1 of %2.</source>
        <translation>%2의 실행 %1을(를) 시작했습니다.</translation>
    </message>
    <message>
        <source>Run %1 of %2: %3</source>
        <translation>%2의 실행 %1: %3</translation>
    </message>
    <message>
        <source>Step %1 (%2), run %3: %4
</source>
        <translation>단계 %1 (%2), 실행 %3: %4
</translation>
    </message>
    <message>
        <source>output %1: %2
</source>
        <translation>출력 %1: %2
</translation>
    </message>
    <message>
        <source>error: %1
</source>
        <translation>오류: %1
</translation>
    </message>
    <message>
        <source>Open the AutoML run</source>
        <translation>AutoML 실행 열기</translation>
    </message>
    <message>
        <source>An automl step&apos;s run, with its leaderboard and charts, on the Experiments screen</source>
        <translation>automl 단계의 실행을 리더보드와 차트와 함께 실험 화면에서 엽니다</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>저장하지 않은 변경 사항</translation>
    </message>
    <message>
        <source>The Designer has unsaved changes to %1. Discard them and show %2?</source>
        <translation>디자이너에 %1의 저장하지 않은 변경 사항이 있습니다. 버리고 %2을(를) 표시할까요?</translation>
    </message>
    <message>
        <source>Add trigger...</source>
        <translation>트리거 추가...</translation>
    </message>
    <message>
        <source>Publish (REST trigger)</source>
        <translation>게시 (REST 트리거)</translation>
    </message>
    <message>
        <source>Remove trigger</source>
        <translation>트리거 제거</translation>
    </message>
    <message>
        <source>Select a saved pipeline first.</source>
        <translation>먼저 저장된 파이프라인을 선택하세요.</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>게시됨</translation>
    </message>
    <message>
        <source>POST %1/run starts a run of %2 (GET %1/runs/RUN_ID reads its status), while the studio or stratus-cli pipeline scheduler runs.

Key (Authorization: Bearer KEY):
%3</source>
        <translation>스튜디오나 stratus-cli pipeline scheduler가 실행 중인 동안 POST %1/run으로 %2의 실행을 시작합니다 (GET %1/runs/RUN_ID로 상태를 읽습니다).

키 (Authorization: Bearer KEY):
%3</translation>
    </message>
</context>
<context>
    <name>stratus::ProfileModel</name>
    <message>
        <source>Column</source>
        <translation>열</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>형식</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>개수</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>누락</translation>
    </message>
    <message>
        <source>Unique</source>
        <translation>고유</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>최솟값</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>최댓값</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>평균</translation>
    </message>
    <message>
        <source>Std. dev.</source>
        <translation>표준 편차</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>중앙값</translation>
    </message>
    <message>
        <source>Skewness</source>
        <translation>왜도</translation>
    </message>
    <message>
        <source>Kurtosis</source>
        <translation>첨도</translation>
    </message>
    <message>
        <source>Top values</source>
        <translation>상위 값</translation>
    </message>
</context>
<context>
    <name>stratus::Recommendation</name>
    <message>
        <source>Recommended: %1, the top-ranked model (%2 %3 of %4 models).</source>
        <translation>추천: %1, 순위 1위 모델 (%2 %3, 모델 %4개 중).</translation>
    </message>
    <message>
        <source>Recommended: %1, rank %2 of %3 (%4 %5).</source>
        <translation>추천: %1, %3개 중 %2위 (%4 %5).</translation>
    </message>
    <message>
        <source>It averages the best trial of each of the three strongest algorithms with equal weights, and it also ranks first.</source>
        <translation>가장 강한 세 알고리즘의 최고 시도를 같은 가중치로 평균하며, 순위도 1위입니다.</translation>
    </message>
    <message>
        <source>Refitting the top-ranked %1 on every row would have taken about %2 s, more than the %3 s the experiment timeout left.</source>
        <translation>1위 %1을(를) 모든 행으로 다시 학습하면 약 %2초가 걸려, 실험 제한 시간에 남은 %3초를 넘었을 것입니다.</translation>
    </message>
    <message>
        <source>The run was canceled: this is its best completed model, refitted on every row when you register it.</source>
        <translation>실행이 취소되었습니다: 완료된 모델 중 가장 좋은 모델이며, 등록할 때 모든 행으로 다시 학습합니다.</translation>
    </message>
    <message>
        <source>The run was interrupted: this is its best completed model, refitted on every row when you register it.</source>
        <translation>실행이 중단되었습니다: 완료된 모델 중 가장 좋은 모델이며, 등록할 때 모든 행으로 다시 학습합니다.</translation>
    </message>
    <message>
        <source>It ended when the experiment timeout (%1 s) was reached.</source>
        <translation>실험 제한 시간(%1초)에 도달해 끝났습니다.</translation>
    </message>
    <message>
        <source>It ended after the %1 trials it was allowed.</source>
        <translation>허용된 시도 %1개를 마치고 끝났습니다.</translation>
    </message>
    <message>
        <source>It stopped early after %1 trials: the last %2 did not improve on the best.</source>
        <translation>시도 %1개 후 조기 종료했습니다: 마지막 %2개가 최고 점수를 넘지 못했습니다.</translation>
    </message>
    <message>
        <source>It stopped after %1 trials: a model reached the exit score %2.</source>
        <translation>시도 %1개 후 멈췄습니다: 모델이 종료 점수 %2에 도달했습니다.</translation>
    </message>
    <message>
        <source>It was canceled.</source>
        <translation>취소되었습니다.</translation>
    </message>
    <message>
        <source>%1% of %2 rows held out for validation</source>
        <translation>행 %2개 중 %1%를 유효성 검사용으로 보류</translation>
    </message>
    <message>
        <source>%1-fold stratified cross-validation over %2 rows</source>
        <translation>행 %2개에 대한 %1겹 계층화 교차 유효성 검사</translation>
    </message>
    <message>
        <source>%1-fold cross-validation over %2 rows</source>
        <translation>행 %2개에 대한 %1겹 교차 유효성 검사</translation>
    </message>
    <message>
        <source>(a sample of the %1 rows; the best model is refitted on all of them)</source>
        <translation>(행 %1개 중 표본, 최고 모델은 모든 행으로 다시 학습)</translation>
    </message>
    <message>
        <source>The ensembles were built from the completed trials after the run was canceled.</source>
        <translation>앙상블은 실행이 취소된 뒤 완료된 시도로 만들었습니다.</translation>
    </message>
    <message>
        <source>The ensembles were built from the completed trials after the run was interrupted.</source>
        <translation>앙상블은 실행이 중단된 뒤 완료된 시도로 만들었습니다.</translation>
    </message>
    <message>
        <source>It averages the best trial of each of the three strongest algorithms with equal weights, so its score is not flattered by the choice among many trials, and on small data it holds out better. The top-ranked %1 (%2) is ahead by only %3, within three standard errors of their difference (3 × %4 = %5).</source>
        <translation>가장 강한 세 알고리즘의 최고 시도를 같은 가중치로 평균하므로 많은 시도 중에서 고른 탓에 점수가 부풀려지지 않고, 작은 데이터에서 보류 데이터에 더 잘 맞습니다. 1위 %1 (%2)은(는) %3만큼만 앞서며, 차이의 표준 오차의 세 배(3 × %4 = %5) 이내입니다.</translation>
    </message>
    <message>
        <source>The BestOfFamilyEnsemble, which is preferred when it is close, was %1 behind it: more than three standard errors of their difference (3 × %2 = %3).</source>
        <translation>점수가 가까우면 우선하는 BestOfFamilyEnsemble이 %1 뒤졌습니다: 차이의 표준 오차의 세 배(3 × %2 = %3)를 넘습니다.</translation>
    </message>
    <message>
        <source>It was interrupted: the process running it ended before it finished.</source>
        <translation>중단되었습니다: 실행하던 프로세스가 끝나기 전에 종료되었습니다.</translation>
    </message>
    <message>
        <source>It ended before the experiment timeout (%1 s): nothing left to try would have finished, with its refit, in the time left.</source>
        <translation>실험 시간 제한(%1초) 전에 끝났습니다: 남은 시간 안에 재학습까지 마칠 수 있는 후보가 더 없었습니다.</translation>
    </message>
    <message>
        <source>Canceled trials used %1% of the budget.</source>
        <translation>취소된 시도가 예산의 %1%를 사용했습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n candidate(s) were not started: they were predicted not to finish, with their refit, in the time left. Canceled trials used %1% of the budget.</source>
        <translation>
            <numerusform>후보 %n개는 시작하지 않았습니다: 남은 시간 안에 재학습까지 마치지 못할 것으로 예측되었습니다. 취소된 시도가 예산의 %1%를 사용했습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>stratus::RegisterModelDialog</name>
    <message>
        <source>Register model</source>
        <translation>모델 등록</translation>
    </message>
    <message>
        <source>key=value, key2=value2</source>
        <translation>key=value, key2=value2</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>등록</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Model name</source>
        <translation>모델 이름</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>태그: %1</translation>
    </message>
    <message>
        <source>Training the model on every row and registering it...</source>
        <translation>모든 행으로 모델을 학습하고 등록하는 중...</translation>
    </message>
</context>
<context>
    <name>stratus::RunDetailsPage</name>
    <message>
        <source>← Experiment</source>
        <translation>← 실험</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Filter by algorithm or status</source>
        <translation>알고리즘 또는 상태로 필터링</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <source>Compare selected</source>
        <translation>선택 항목 비교</translation>
    </message>
    <message>
        <source>Cancel trial</source>
        <translation>시도 취소</translation>
    </message>
    <message>
        <source>Add to comparison</source>
        <translation>비교에 추가</translation>
    </message>
    <message>
        <source>Collects runs from several AutoML runs and experiments to compare them together.</source>
        <translation>여러 AutoML 실행과 실험의 실행을 모아 함께 비교합니다.</translation>
    </message>
    <message>
        <source>Guardrail</source>
        <translation>가드레일</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>세부 정보</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>열</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>Featurization</source>
        <translation>특성화</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>특성</translation>
    </message>
    <message>
        <source>Data guardrails</source>
        <translation>데이터 가드레일</translation>
    </message>
    <message>
        <source>Featurization summary</source>
        <translation>특성화 요약</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>차트</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>로그</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>This run kept no log.</source>
        <translation>이 실행에는 로그가 없습니다.</translation>
    </message>
    <message>
        <source>Elapsed: %1</source>
        <translation>경과: %1</translation>
    </message>
    <message>
        <source>Trials: %1</source>
        <translation>시도: %1</translation>
    </message>
    <message>
        <source>%1 of %2 · trials: %3</source>
        <translation>%1 / %2 · 시도: %3</translation>
    </message>
    <message>
        <source>%1 of %2 trials</source>
        <translation>%2개 중 %1개 시도</translation>
    </message>
    <message>
        <source>This run belongs to another program (%1).</source>
        <translation>이 실행은 다른 프로그램(%1)에 속합니다.</translation>
    </message>
    <message>
        <source>Iteration</source>
        <translation>반복</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>시도</translation>
    </message>
    <message>
        <source>Best so far</source>
        <translation>현재까지 최고</translation>
    </message>
    <message>
        <source>Stop run %1? Finished trials are kept.</source>
        <translation>실행 %1을(를) 중지할까요? 완료된 시도는 유지됩니다.</translation>
    </message>
    <message>
        <source>Register recommended...</source>
        <translation>추천 모델 등록...</translation>
    </message>
    <message>
        <source>Deploy recommended...</source>
        <translation>추천 모델 배포...</translation>
    </message>
    <message>
        <source>Register top-ranked...</source>
        <translation>1위 모델 등록...</translation>
    </message>
    <message>
        <source>Deploy top-ranked...</source>
        <translation>1위 모델 배포...</translation>
    </message>
    <message>
        <source>Register selected...</source>
        <translation>선택한 모델 등록...</translation>
    </message>
    <message>
        <source>Registers the model of the selected leaderboard row (trained on every row first).</source>
        <translation>리더보드에서 선택한 행의 모델을 등록합니다 (먼저 모든 행으로 학습).</translation>
    </message>
    <message>
        <source>Open the model</source>
        <translation>모델 열기</translation>
    </message>
    <message>
        <source>See the run&apos;s log</source>
        <translation>실행 로그 보기</translation>
    </message>
    <message>
        <source>Registers %1 (%2), the model this run recommends.</source>
        <translation>이 실행이 추천하는 모델 %1 (%2)을(를) 등록합니다.</translation>
    </message>
    <message>
        <source>Registers %1 (%2), the top of the leaderboard, trained on every row first.</source>
        <translation>리더보드 1위 %1 (%2)을(를) 먼저 모든 행으로 학습한 뒤 등록합니다.</translation>
    </message>
    <message>
        <source>Build the ensembles from the completed trials</source>
        <translation>완료된 시도로 앙상블 만들기</translation>
    </message>
    <message>
        <source>The run stopped before its ensembles: build them now from the trials that completed, as it would have.</source>
        <translation>실행이 앙상블 전에 멈췄습니다: 완료된 시도로 실행이 했을 방식대로 지금 만듭니다.</translation>
    </message>
    <message>
        <source>Trials: %1 · ensembles: %2</source>
        <translation>시도: %1 · 앙상블: %2</translation>
    </message>
    <message>
        <source>Building the ensembles...</source>
        <translation>앙상블을 만드는 중...</translation>
    </message>
    <message>
        <source>Build the ensembles</source>
        <translation>앙상블 만들기</translation>
    </message>
</context>
<context>
    <name>stratus::RunStatus</name>
    <message>
        <source>Not started</source>
        <translation>시작 안 됨</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>Finalizing</source>
        <translation>마무리 중</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>완료됨</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>중단됨</translation>
    </message>
</context>
<context>
    <name>stratus::RunStore</name>
    <message>
        <source>Cannot number the child run.</source>
        <translation>자식 실행의 번호를 정할 수 없습니다.</translation>
    </message>
    <message>
        <source>There is no run &apos;%1&apos;.</source>
        <translation>&apos;%1&apos; 실행이 없습니다.</translation>
    </message>
    <message>
        <source>Run &apos;%1&apos; cannot go from %2 to %3.</source>
        <translation>실행 &apos;%1&apos;은(는) %2에서 %3(으)로 바뀔 수 없습니다.</translation>
    </message>
    <message>
        <source>Run &apos;%1&apos; has no artifact &apos;%2&apos;.</source>
        <translation>실행 &apos;%1&apos;에 아티팩트 &apos;%2&apos;이(가) 없습니다.</translation>
    </message>
</context>
<context>
    <name>stratus::SampleData</name>
    <message>
        <source>The number of rows must be at least 1.</source>
        <translation>행 수는 1 이상이어야 합니다.</translation>
    </message>
    <message>
        <source>Synthetic heart-failure clinical records made by Stratus: the 13 columns of the UCI data set (Chicco &amp; Jurman, 2020) with similar distributions. Made-up values, for learning the workflow; label DEATH_EVENT.</source>
        <translation>Stratus가 만든 합성 심부전 임상 기록: UCI 데이터 세트(Chicco &amp; Jurman, 2020)의 13개 열과 비슷한 분포. 워크플로 학습용으로 만든 값이며, 레이블은 DEATH_EVENT입니다.</translation>
    </message>
    <message>
        <source>Synthetic daily sales of four stores over two years, made by Stratus: a trend, weekly and yearly seasons, and dips on holidays (a feature known ahead). For learning forecasting: label sales, time column date, series id store.</source>
        <translation>Stratus가 만든 네 매장의 2년간 합성 일별 매출: 추세, 주간·연간 계절성, 공휴일의 매출 감소(미리 알 수 있는 특성)가 있습니다. 예측 학습용: 레이블 sales, 시간 열 date, 시계열 ID store.</translation>
    </message>
</context>
<context>
    <name>stratus::ScoreDatasetDialog</name>
    <message>
        <source>Score dataset with %1</source>
        <translation>%1(으)로 데이터 세트 점수 매기기</translation>
    </message>
    <message>
        <source>%1:%2  (%3 rows)</source>
        <translation>%1:%2  (%3행)</translation>
    </message>
    <message>
        <source>Register the scores as a new dataset version (&lt;dataset&gt;-scored)</source>
        <translation>점수를 새 데이터 세트 버전으로 등록 (&lt;데이터 세트&gt;-scored)</translation>
    </message>
    <message>
        <source>Write a CSV file</source>
        <translation>CSV 파일 쓰기</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>찾아보기...</translation>
    </message>
    <message>
        <source>Every row keeps its columns and gets the prediction and each class&apos;s probability.</source>
        <translation>각 행은 열을 그대로 두고 예측과 클래스별 확률을 얻습니다.</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>점수</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>데이터 세트</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>CSV 파일</translation>
    </message>
    <message>
        <source>Write the scores to</source>
        <translation>점수를 쓸 파일</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>Scoring %1 with %2...</source>
        <translation>%2(으)로 %1 점수를 매기는 중...</translation>
    </message>
    <message>
        <source>registered dataset %1</source>
        <translation>데이터 세트 %1 등록</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>%1 씀</translation>
    </message>
    <message>
        <source>Scored %1 rows with %2: %3.</source>
        <translation>%2(으)로 %1행의 점수를 매겼습니다: %3.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>이 컴퓨터</translation>
    </message>
    <message>
        <source>%1 (Slurm partition %2, up to %3 jobs)</source>
        <translation>%1 (Slurm 파티션 %2, 최대 작업 %3개)</translation>
    </message>
    <message>
        <source>Runs on</source>
        <translation>실행 위치</translation>
    </message>
</context>
<context>
    <name>stratus::SlurmScoring</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>취소되었습니다.</translation>
    </message>
    <message>
        <source>scoring chunk %1 of %2</source>
        <translation>점수 매기기 청크 %1/%2</translation>
    </message>
    <message>
        <source>scoring chunk %1 of %2: %3</source>
        <translation>점수 매기기 청크 %1/%2: %3</translation>
    </message>
    <message>
        <source>the chunks scored %1 rows, %2 expected</source>
        <translation>청크가 %1개 행의 점수를 매겼습니다 (예상: %2개)</translation>
    </message>
    <message>
        <source>Cannot write in %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>stratus::StepItem</name>
    <message>
        <source>Reused</source>
        <translation>재사용됨</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>건너뜀</translation>
    </message>
</context>
<context>
    <name>stratus::TriggerDialog</name>
    <message>
        <source>New trigger for %1</source>
        <translation>%1의 새 트리거</translation>
    </message>
    <message>
        <source>On a schedule</source>
        <translation>예약에 따라</translation>
    </message>
    <message>
        <source>When a dataset gets a new version</source>
        <translation>데이터 세트에 새 버전이 생기면</translation>
    </message>
    <message>
        <source>When a folder gets a new file</source>
        <translation>폴더에 새 파일이 생기면</translation>
    </message>
    <message>
        <source>N followed by m, h, d or w: 15m, 2h, 1d, 1w</source>
        <translation>숫자 뒤에 m, h, d 또는 w: 15m, 2h, 1d, 1w</translation>
    </message>
    <message>
        <source>times of day, e.g. 02:00,14:30 (days and weeks)</source>
        <translation>하루 중 시각, 예: 02:00,14:30 (일·주 단위)</translation>
    </message>
    <message>
        <source>run it once when the scheduler is back</source>
        <translation>스케줄러가 돌아오면 한 번 실행</translation>
    </message>
    <message>
        <source>skip it</source>
        <translation>건너뛰기</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>주기</translation>
    </message>
    <message>
        <source>At</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>A missed window</source>
        <translation>놓친 시간</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>데이터 세트</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>찾아보기...</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>a text parameter given the new version or file (optional)</source>
        <translation>새 버전이나 파일을 받을 텍스트 매개변수 (선택)</translation>
    </message>
    <message>
        <source>Start a run</source>
        <translation>실행 시작</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>매개변수</translation>
    </message>
    <message>
        <source>A folder to watch</source>
        <translation>지켜볼 폴더</translation>
    </message>
</context>
<context>
    <name>stratus::Workspace</name>
    <message>
        <source>Cannot open workspace %1: it is a folder, not a workspace file.</source>
        <translation>작업 영역 %1을(를) 열 수 없습니다: 작업 영역 파일이 아니라 폴더입니다.</translation>
    </message>
    <message>
        <source>Cannot open workspace %1: the file cannot be read (check its permissions).</source>
        <translation>작업 영역 %1을(를) 열 수 없습니다: 파일을 읽을 수 없습니다 (권한을 확인하세요).</translation>
    </message>
    <message>
        <source>Cannot open workspace %1: the file is read-only. Make it writable, or copy it to a folder you can write to.</source>
        <translation>작업 영역 %1을(를) 열 수 없습니다: 파일이 읽기 전용입니다. 쓰기 가능하게 하거나, 쓸 수 있는 폴더로 복사하세요.</translation>
    </message>
    <message>
        <source>Cannot open workspace %1: its folder is read-only, and the workspace needs to write its journal files beside it.</source>
        <translation>작업 영역 %1을(를) 열 수 없습니다: 폴더가 읽기 전용인데, 작업 영역은 옆에 저널 파일을 써야 합니다.</translation>
    </message>
    <message>
        <source>Cannot open workspace %1: %2</source>
        <translation>작업 영역 %1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Cannot open workspace %1: the file is not a Stratus workspace (it is not an SQLite database). It was left unchanged.</source>
        <translation>작업 영역 %1을(를) 열 수 없습니다: Stratus 작업 영역이 아닙니다 (SQLite 데이터베이스가 아닙니다). 파일은 변경되지 않았습니다.</translation>
    </message>
    <message>
        <source>Workspace %1 does not exist.</source>
        <translation>작업 영역 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>Cannot create workspace %1: the folder %2 does not exist.</source>
        <translation>작업 영역 %1을(를) 만들 수 없습니다: 폴더 %2이(가) 없습니다.</translation>
    </message>
    <message>
        <source>Cannot open workspace %1: the file is damaged (%2). It was left unchanged.</source>
        <translation>작업 영역 %1을(를) 열 수 없습니다: 파일이 손상되었습니다 (%2). 파일은 변경되지 않았습니다.</translation>
    </message>
    <message>
        <source>Cannot open workspace %1: it is an SQLite database, but not a Stratus workspace. It was left unchanged.</source>
        <translation>작업 영역 %1을(를) 열 수 없습니다: SQLite 데이터베이스이지만 Stratus 작업 영역이 아닙니다. 파일은 변경되지 않았습니다.</translation>
    </message>
    <message>
        <source>Cannot open workspace %1: it was made by a newer Stratus (schema version %2; this version understands up to %3). Update Stratus to open it. It was left unchanged.</source>
        <translation>작업 영역 %1을(를) 열 수 없습니다: 더 새로운 Stratus로 만들어졌습니다 (스키마 버전 %2, 이 버전은 %3까지 지원). Stratus를 업데이트한 뒤 여세요. 파일은 변경되지 않았습니다.</translation>
    </message>
    <message>
        <source>Cannot add the sample dataset to workspace %1: %2</source>
        <translation>작업 영역 %1에 샘플 데이터 세트를 추가할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Cannot open the workspace file</source>
        <translation>작업 영역 파일을 열 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot configure the workspace connection</source>
        <translation>작업 영역 연결을 설정할 수 없습니다</translation>
    </message>
    <message>
        <source>the workspace file cannot be opened for writing</source>
        <translation>작업 영역 파일을 쓰기용으로 열 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot read the schema version</source>
        <translation>스키마 버전을 읽을 수 없습니다</translation>
    </message>
</context>
<context>
    <name>stratus::WorkspaceLocator</name>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1: not valid JSON (%2 at offset %3)</source>
        <translation>%1: 올바른 JSON이 아닙니다 (오프셋 %3에서 %2)</translation>
    </message>
    <message>
        <source>%1: the field &quot;workspace&quot; (the path of the workspace file) is missing or empty</source>
        <translation>%1: &quot;workspace&quot; 필드(작업 영역 파일 경로)가 없거나 비어 있습니다</translation>
    </message>
</context>
<context>
    <name>stratus::batch</name>
    <message>
        <source>Canceled.</source>
        <translation>취소되었습니다.</translation>
    </message>
    <message>
        <source>rows %1 to %2: %3</source>
        <translation>%1~%2행: %3</translation>
    </message>
    <message>
        <source>Choose where the scores go: a CSV file, a new dataset version, or both.</source>
        <translation>점수를 보낼 곳을 고르세요: CSV 파일, 새 데이터 세트 버전, 또는 둘 다.</translation>
    </message>
    <message>
        <source>dataset %1:%2, %3</source>
        <translation>데이터 세트 %1:%2, %3</translation>
    </message>
    <message>
        <source>Dataset %1:%2 scored by model %3</source>
        <translation>모델 %3(으)로 점수를 매긴 데이터 세트 %1:%2</translation>
    </message>
    <message>
        <source>%1 (the scores were registered as dataset %2)</source>
        <translation>%1 (점수는 데이터 세트 %2(으)로 등록되었습니다)</translation>
    </message>
    <message>
        <source>Chunks are for a Slurm profile (the jobs that score them); %1 scores on this machine.</source>
        <translation>청크는 Slurm 프로필용입니다 (청크마다 작업이 점수를 매깁니다). %1은(는) 이 컴퓨터에서 점수를 매깁니다.</translation>
    </message>
    <message>
        <source>without a compute profile, Stratus</source>
        <translation>컴퓨팅 프로필 없이 Stratus</translation>
    </message>
</context>
<context>
    <name>stratus::curves</name>
    <message>
        <source>False positive rate</source>
        <translation>거짓 양성 비율</translation>
    </message>
    <message>
        <source>True positive rate</source>
        <translation>참 양성 비율</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>재현율</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <source>Mean predicted probability</source>
        <translation>평균 예측 확률</translation>
    </message>
    <message>
        <source>Fraction of positives</source>
        <translation>양성 비율</translation>
    </message>
    <message>
        <source>Share of samples (ranked by score)</source>
        <translation>샘플 비율 (점수 순)</translation>
    </message>
    <message>
        <source>Lift</source>
        <translation>리프트</translation>
    </message>
    <message>
        <source>Share of positives found</source>
        <translation>찾은 양성의 비율</translation>
    </message>
    <message>
        <source>True value (bin mean)</source>
        <translation>실제 값 (구간 평균)</translation>
    </message>
    <message>
        <source>Predicted value</source>
        <translation>예측값</translation>
    </message>
    <message>
        <source>Residual (true − predicted)</source>
        <translation>잔차 (실제 − 예측)</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>행</translation>
    </message>
    <message>
        <source>ROC</source>
        <translation>ROC</translation>
    </message>
    <message>
        <source>Precision-recall</source>
        <translation>정밀도-재현율</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>보정</translation>
    </message>
    <message>
        <source>Cumulative gains</source>
        <translation>누적 이득</translation>
    </message>
    <message>
        <source>Predicted vs. true</source>
        <translation>예측 대 실제</translation>
    </message>
    <message>
        <source>Residuals</source>
        <translation>잔차</translation>
    </message>
    <message>
        <source>Mean prediction</source>
        <translation>평균 예측</translation>
    </message>
    <message>
        <source>25th percentile</source>
        <translation>25번째 백분위수</translation>
    </message>
    <message>
        <source>75th percentile</source>
        <translation>75번째 백분위수</translation>
    </message>
    <message>
        <source>Ideal</source>
        <translation>이상적</translation>
    </message>
    <message>
        <source>%1 average</source>
        <translation>%1 평균</translation>
    </message>
</context>
<context>
    <name>stratus::format</name>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1분 %2초</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1시간 %2분</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Training time</source>
        <translation>학습 시간</translation>
    </message>
    <message>
        <source>Prediction time per row</source>
        <translation>행당 예측 시간</translation>
    </message>
    <message>
        <source>numeric, standardised</source>
        <translation>숫자, 표준화</translation>
    </message>
    <message>
        <source>numeric</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>부울</translation>
    </message>
    <message>
        <source>one-hot</source>
        <translation>원-핫</translation>
    </message>
    <message>
        <source>one-hot (few values)</source>
        <translation>원-핫 (적은 값)</translation>
    </message>
    <message>
        <source>frequency (high cardinality)</source>
        <translation>빈도 (높은 카디널리티)</translation>
    </message>
    <message>
        <source>text: frequency and length</source>
        <translation>텍스트: 빈도와 길이</translation>
    </message>
    <message>
        <source>text: frequency (no length, for ONNX)</source>
        <translation>텍스트: 빈도 (ONNX용, 길이 없음)</translation>
    </message>
    <message>
        <source>datetime parts</source>
        <translation>날짜/시간 구성 요소</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>상수</translation>
    </message>
    <message>
        <source>all missing</source>
        <translation>모두 결측</translation>
    </message>
    <message>
        <source>ID-like</source>
        <translation>ID 형태</translation>
    </message>
    <message>
        <source>not numeric (featurization off)</source>
        <translation>숫자 아님 (특성화 꺼짐)</translation>
    </message>
    <message>
        <source>datetime (ONNX&apos;s operators cannot read dates)</source>
        <translation>날짜/시간 (ONNX 연산자가 날짜를 읽지 못함)</translation>
    </message>
    <message>
        <source>dropped: %1</source>
        <translation>제외: %1</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>분류</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>회귀</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>off</source>
        <translation>끔</translation>
    </message>
    <message>
        <source>ignore</source>
        <translation>무시</translation>
    </message>
    <message>
        <source>categorical</source>
        <translation>범주형</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1행</translation>
    </message>
    <message>
        <source>%1 of %2 rounds</source>
        <translation>라운드 %2개 중 %1개</translation>
    </message>
    <message>
        <source>%1 of %2 trees</source>
        <translation>트리 %2개 중 %1개</translation>
    </message>
    <message>
        <source>, early stopped</source>
        <translation>, 조기 중지됨</translation>
    </message>
    <message>
        <source>, its share of time spent</source>
        <translation>, 할당 시간 소진</translation>
    </message>
    <message>
        <source>rung %1 of %2</source>
        <translation>단계 %1/%2</translation>
    </message>
    <message>
        <source> (promoted from trial %1)</source>
        <translation> (시도 %1에서 승격)</translation>
    </message>
</context>
<context>
    <name>stratus::ml::SlurmTrial</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 is not a JSON object: %2</source>
        <translation>%1은(는) JSON 객체가 아닙니다: %2</translation>
    </message>
    <message>
        <source>the worker&apos;s out-of-fold predictions hold %1 values, not a whole number per each of the %2 validated rows</source>
        <translation>작업자의 out-of-fold 예측값이 %1개로, 검증된 %2개 행마다 같은 개수가 아닙니다</translation>
    </message>
    <message>
        <source>the worker failed without a message</source>
        <translation>작업자가 메시지 없이 실패했습니다</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>%1 on Slurm node %2 (job %3) in %4 s</source>
        <translation>%1: Slurm 노드 %2에서 (작업 %3) %4초</translation>
    </message>
</context>
<context>
    <name>stratus::names</name>
    <message>
        <source>(empty)</source>
        <translation>(비어 있음)</translation>
    </message>
    <message>
        <source>Invalid %1 name %2: %3</source>
        <translation>잘못된 %1 이름 %2: %3</translation>
    </message>
    <message>
        <source>experiment</source>
        <translation>실험</translation>
    </message>
    <message>
        <source>use 3 to 36 characters, start with a letter or digit, and use only letters, digits, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>3~36자로, 문자나 숫자로 시작하고, 문자, 숫자, &apos;_&apos;, &apos;-&apos;만 쓰세요.</translation>
    </message>
    <message>
        <source>compute profile</source>
        <translation>컴퓨팅 프로필</translation>
    </message>
    <message>
        <source>use 2 to 16 characters, start with a letter, and use only letters, digits and hyphens.</source>
        <translation>2~16자로, 문자로 시작하고, 문자, 숫자, 하이픈만 쓰세요.</translation>
    </message>
    <message>
        <source>dataset</source>
        <translation>데이터 세트</translation>
    </message>
    <message>
        <source>use 1 to 64 characters, start with a letter or digit, and use only letters, digits, &apos;_&apos;, &apos;-&apos; and &apos;.&apos;.</source>
        <translation>1~64자로, 문자나 숫자로 시작하고, 문자, 숫자, &apos;_&apos;, &apos;-&apos;, &apos;.&apos;만 쓰세요.</translation>
    </message>
    <message>
        <source>model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>use 1 to 255 characters, start with a letter or digit, and use only letters, digits, &apos;_&apos;, &apos;-&apos; and &apos;.&apos;.</source>
        <translation>1~255자를 사용하고, 문자나 숫자로 시작하며, 문자, 숫자, &apos;_&apos;, &apos;-&apos;, &apos;.&apos;만 사용하세요.</translation>
    </message>
    <message>
        <source>endpoint</source>
        <translation>엔드포인트</translation>
    </message>
    <message>
        <source>use 3 to 32 characters, start with a letter, and use only letters, digits and hyphens.</source>
        <translation>3~32자로, 문자로 시작하고, 문자, 숫자, 하이픈만 쓰세요.</translation>
    </message>
</context>
<context>
    <name>stratus::package</name>
    <message>
        <source>%1: the stored model does not load: %2</source>
        <translation>%1: 저장된 모델을 불러올 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: not a model package (invalid JSON at offset %2: %3)</source>
        <translation>%1: 모델 패키지가 아닙니다 (오프셋 %2의 잘못된 JSON: %3)</translation>
    </message>
    <message>
        <source>%1: not a model package (&quot;format&quot; is not &quot;%2&quot;)</source>
        <translation>%1: 모델 패키지가 아닙니다 (&quot;format&quot;이 &quot;%2&quot;이(가) 아님)</translation>
    </message>
    <message>
        <source>%1: format_version %2 is not one this Stratus reads (%3)</source>
        <translation>%1: format_version %2은(는) 이 Stratus가 읽는 버전(%3)이 아닙니다</translation>
    </message>
    <message>
        <source>%1: pipeline: its SHA-256 does not match pipeline_sha256 (the file was changed or damaged)</source>
        <translation>%1: pipeline: SHA-256이 pipeline_sha256과 맞지 않습니다 (파일이 바뀌었거나 손상됨)</translation>
    </message>
    <message>
        <source>%1: pipeline: %2</source>
        <translation>%1: pipeline: %2</translation>
    </message>
</context>
<context>
    <name>stratus::serve::EndpointSupervisor</name>
    <message>
        <source>the studio closed</source>
        <translation>스튜디오가 닫혔습니다</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>%1 폴더를 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1을(를) 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>stratus-cli was not found next to this program or on PATH: the endpoint runs in it.</source>
        <translation>이 프로그램 옆이나 PATH에서 stratus-cli를 찾지 못했습니다. 엔드포인트는 stratus-cli로 실행됩니다.</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>시작하는 중</translation>
    </message>
    <message>
        <source>restarting</source>
        <translation>다시 시작하는 중</translation>
    </message>
    <message>
        <source>the process exited (code %1): %2</source>
        <translation>프로세스가 종료되었습니다 (코드 %1): %2</translation>
    </message>
    <message>
        <source>%1 (failed %2 times in a row; not restarted)</source>
        <translation>%1 (연속 %2번 실패하여 다시 시작하지 않습니다)</translation>
    </message>
    <message>
        <source>%1; restarting in %2 s</source>
        <translation>%1. %2초 뒤 다시 시작합니다</translation>
    </message>
    <message>
        <source>using %1 MB, over its limit of %2 MB</source>
        <translation>%1 MB를 사용하여 한도 %2 MB를 넘었습니다</translation>
    </message>
    <message>
        <source>not answering GET /health: %1</source>
        <translation>GET /health에 응답하지 않습니다: %1</translation>
    </message>
    <message>
        <source>not answering GET /health for %1 s</source>
        <translation>%1초 동안 GET /health에 응답하지 않습니다</translation>
    </message>
</context>
<context>
    <name>stratus::slurm</name>
    <message>
        <source>%1: Slurm job %2 submitted to partition %3%4</source>
        <translation>%1: Slurm 작업 %2을(를) 파티션 %3에 제출했습니다%4</translation>
    </message>
    <message>
        <source> (attempt %1 of %2)</source>
        <translation> (시도 %1/%2)</translation>
    </message>
    <message>
        <source>%1: scancel %2 failed: %3</source>
        <translation>%1: scancel %2 실패: %3</translation>
    </message>
    <message>
        <source>%1: Slurm job %2 canceled</source>
        <translation>%1: Slurm 작업 %2이(가) 취소되었습니다</translation>
    </message>
    <message>
        <source>%1: Slurm job %2 running on %3</source>
        <translation>%1: Slurm 작업 %2이(가) %3에서 실행 중입니다</translation>
    </message>
    <message>
        <source>Slurm job %1 disappeared without a result (neither squeue nor sacct knows it)</source>
        <translation>Slurm 작업 %1이(가) 결과 없이 사라졌습니다 (squeue와 sacct 모두 모릅니다)</translation>
    </message>
    <message>
        <source>Slurm job %1 ended %2%3%4 without a result</source>
        <translation>Slurm 작업 %1이(가) 결과 없이 %2%3%4 상태로 끝났습니다</translation>
    </message>
    <message>
        <source> on %1</source>
        <translation> (%1에서)</translation>
    </message>
    <message>
        <source>: it reached the profile&apos;s time limit of %1 min</source>
        <translation>: 프로필의 시간 제한 %1분에 도달했습니다</translation>
    </message>
    <message>
        <source>: it needed more than its memory (raise the profile&apos;s memory per job)</source>
        <translation>: 할당된 메모리보다 더 필요했습니다 (프로필의 작업당 메모리를 늘리세요)</translation>
    </message>
    <message>
        <source>: it wrote nothing in the shared folder — the nodes cannot write %1 (or do not mount it)</source>
        <translation>: 공유 폴더에 아무것도 쓰지 않았습니다 — 노드가 %1에 쓸 수 없습니다 (또는 마운트하지 않았습니다)</translation>
    </message>
    <message>
        <source>: the worker did not start (%1; is stratus-cli installed on the nodes at the profile&apos;s worker command?)</source>
        <translation>: 작업자가 시작되지 않았습니다 (%1; 노드의 프로필 작업자 명령 위치에 stratus-cli가 설치되어 있습니까?)</translation>
    </message>
    <message>
        <source> (after %1 attempts)</source>
        <translation> (%1회 시도 후)</translation>
    </message>
    <message>
        <source>%1: %2; submitting it again</source>
        <translation>%1: %2; 다시 제출합니다</translation>
    </message>
    <message>
        <source>%1 (for %2 s while following job %3)</source>
        <translation>%1 (작업 %3을(를) 따라가는 동안 %2초)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Shared folder: cannot create %1 on this machine (is the shared file system mounted, and writable by this user?).</source>
        <translation>공유 폴더: 이 컴퓨터에서 %1을(를) 만들 수 없습니다 (공유 파일 시스템이 마운트되어 있고 이 사용자가 쓸 수 있습니까?).</translation>
    </message>
    <message>
        <source>Shared folder: this machine cannot write in %1 (%2).</source>
        <translation>공유 폴더: 이 컴퓨터가 %1에 쓸 수 없습니다 (%2).</translation>
    </message>
    <message>
        <source>Partition &apos;%1&apos; is not on this Slurm cluster (%2)%3.</source>
        <translation>파티션 &apos;%1&apos;은(는) 이 Slurm 클러스터에 없습니다 (%2)%3.</translation>
    </message>
    <message>
        <source>; its partitions: %1</source>
        <translation>; 파티션: %1</translation>
    </message>
    <message>
        <source>CPUs per job: %1 asked, but the largest node of partition &apos;%2&apos; has %3.</source>
        <translation>작업당 CPU: %1개를 요청했지만 파티션 &apos;%2&apos;의 가장 큰 노드에는 %3개가 있습니다.</translation>
    </message>
    <message>
        <source>Memory per job: %1 MB asked, but the largest node of partition &apos;%2&apos; has %3 MB.</source>
        <translation>작업당 메모리: %1 MB를 요청했지만 파티션 &apos;%2&apos;의 가장 큰 노드에는 %3 MB가 있습니다.</translation>
    </message>
    <message>
        <source>probe</source>
        <translation>점검</translation>
    </message>
    <message>
        <source>The probe job did not run within %1 s (partition &apos;%2&apos;): the queue may be full; squeue says why.</source>
        <translation>점검 작업이 %1초 안에 실행되지 않았습니다 (파티션 &apos;%2&apos;): 대기열이 가득 찼을 수 있습니다. squeue에서 이유를 확인하세요.</translation>
    </message>
    <message>
        <source>Node %1 wrote in the shared folder %2 (job %3, %4 s in the queue, %5 s in all).</source>
        <translation>노드 %1이(가) 공유 폴더 %2에 썼습니다 (작업 %3, 대기열에서 %4초, 전체 %5초).</translation>
    </message>
    <message>
        <source>the default configuration (/etc/slurm/slurm.conf)</source>
        <translation>기본 구성 (/etc/slurm/slurm.conf)</translation>
    </message>
    <message>
        <source>%1 is not on the PATH: this machine has no Slurm client commands (on Debian: apt install slurm-client), or the PATH does not reach them.</source>
        <translation>%1이(가) PATH에 없습니다: 이 컴퓨터에 Slurm 클라이언트 명령이 없거나 (Debian: apt install slurm-client), PATH가 그 위치를 포함하지 않습니다.</translation>
    </message>
    <message>
        <source>%1 could not start: %2</source>
        <translation>%1을(를) 시작할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>: this machine has no Slurm configuration (%1 names none, and no DNS SRV record names a controller). Set SLURM_CONF to the cluster&apos;s slurm.conf, or copy it to /etc/slurm/.</source>
        <translation>: 이 컴퓨터에 Slurm 구성이 없습니다 (%1에 없고, 컨트롤러를 가리키는 DNS SRV 레코드도 없습니다). SLURM_CONF를 클러스터의 slurm.conf로 설정하거나 /etc/slurm/에 복사하세요.</translation>
    </message>
    <message>
        <source> (%1): is slurmctld running, and munged on this machine? %2 said: %3</source>
        <translation> (%1): slurmctld가 실행 중이고 이 컴퓨터에서 munged가 실행 중입니까? %2의 응답: %3</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 실패: %2</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>종료 코드 %1</translation>
    </message>
    <message>
        <source>Slurm refused the job %1 (partition %2, %3 CPUs, %4, %5 min): %6</source>
        <translation>Slurm이 작업 %1을(를) 거부했습니다 (파티션 %2, CPU %3개, %4, %5분): %6</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>default memory</source>
        <translation>기본 메모리</translation>
    </message>
    <message>
        <source>sbatch answered no job id: %1</source>
        <translation>sbatch가 작업 ID를 돌려주지 않았습니다: %1</translation>
    </message>
    <message>
        <source>Slurm worker job %1 submitted to partition %2 (%3 of at most %4)</source>
        <translation>Slurm 작업자 작업 %1을(를) 파티션 %2에 제출했습니다 (최대 %4개 중 %3번째)</translation>
    </message>
    <message>
        <source>Cannot queue %1 in %2</source>
        <translation>%2에 %1을(를) 대기열에 넣을 수 없습니다</translation>
    </message>
    <message>
        <source>%1: taken by Slurm worker job %2%3</source>
        <translation>%1: Slurm 작업자 작업 %2이(가) 맡았습니다%3</translation>
    </message>
    <message>
        <source>%1: %2; queued again (attempt %3 of %4)</source>
        <translation>%1: %2; 다시 대기열에 넣었습니다 (시도 %3/%4)</translation>
    </message>
    <message>
        <source>Cannot write in %1/workers: this node cannot write the shared folder</source>
        <translation>%1/workers에 쓸 수 없습니다: 이 노드는 공유 폴더에 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>: %1 did not answer within %2 s; the controller may be overloaded (%3).</source>
        <translation>: %1이(가) %2초 안에 응답하지 않았습니다. 컨트롤러가 과부하 상태일 수 있습니다 (%3).</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 (for %2 s)</source>
        <translation>%1 (%2초 동안)</translation>
    </message>
    <message>
        <source>Slurm will not start worker job %1: %2 (the profile asks for more than partition %3 or its QOS allows: see its time limit, CPUs and memory)</source>
        <translation>Slurm이 작업자 작업 %1을(를) 시작하지 않습니다: %2 (프로필이 파티션 %3 또는 QOS가 허용하는 것보다 많이 요청합니다: 시간 제한, CPU, 메모리를 확인하세요)</translation>
    </message>
    <message>
        <source>Slurm worker job %1 has waited %2 s in the queue (%3)</source>
        <translation>Slurm 작업자 작업 %1이(가) 대기열에서 %2초 기다렸습니다 (%3)</translation>
    </message>
    <message>
        <source>%1, as %2 worker jobs before it</source>
        <translation>%1 (앞선 작업자 작업 %2개도 마찬가지)</translation>
    </message>
    <message>
        <source>Time limit per job: %1 min asked, but partition &apos;%2&apos; allows at most %3 (%4 min).</source>
        <translation>작업당 시간 제한: %1분을 요청했지만 파티션 &apos;%2&apos;은(는) 최대 %3(%4분)까지 허용합니다.</translation>
    </message>
    <message>
        <source>Shared folder: %1 is a file, not a folder.</source>
        <translation>공유 폴더: %1은(는) 폴더가 아니라 파일입니다.</translation>
    </message>
</context>
<context>
    <name>stratus::tablefile</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 is not a Stratus table file.</source>
        <translation>%1은(는) Stratus 표 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>%1 is a table file of version %2; this stratus-cli reads version %3 (install the same Stratus on the nodes as on the coordinating machine).</source>
        <translation>%1은(는) 버전 %2의 표 파일입니다. 이 stratus-cli는 버전 %3을(를) 읽습니다 (노드에 조정 컴퓨터와 같은 Stratus를 설치하세요).</translation>
    </message>
    <message>
        <source>%1 is damaged: column &apos;%2&apos; has %3 values, %4 expected.</source>
        <translation>%1이(가) 손상되었습니다: 열 &apos;%2&apos;에 값이 %3개 있습니다 (예상: %4개).</translation>
    </message>
    <message>
        <source>%1 is truncated or damaged.</source>
        <translation>%1이(가) 잘렸거나 손상되었습니다.</translation>
    </message>
</context>
</TS>
