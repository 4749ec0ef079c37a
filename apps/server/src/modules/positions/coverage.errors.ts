import { registerMessages } from '../../platform/i18n';

/** Codes owned by the coverage runs (15-minute service circle) and facility standards. */
registerMessages({
  // A run needs the area's street network (npm run cli -- network import FILE --area CODE).
  COVERAGE_NO_NETWORK: ['该区域还没有路网，无法计算服务圈', 'this area has no street network to walk'],
  COVERAGE_NO_NETWORK_DETAIL: [
    '请先导入该区域的 OpenStreetMap 路网：npm run cli -- network import 文件 --area {code}',
    'import an OpenStreetMap extract first: npm run cli -- network import FILE --area {code}',
  ],
  // The weight layer belongs to another area.
  COVERAGE_WEIGHT_LAYER_AREA: ['权重图层不属于该区域', 'the weight layer belongs to another area'],
  COVERAGE_WEIGHT_LAYER_INVALID: ['权重图层不是有效的 GeoJSON 点图层', 'the weight layer is not a valid GeoJSON point layer'],
  COVERAGE_WEIGHT_LAYER_INVALID_DETAIL: [
    '需要 GeoJSON FeatureCollection（WGS-84 经纬度），每个要素为 Point 且 properties.weight 为非负数',
    'expected a GeoJSON FeatureCollection (WGS-84 lng/lat) of Point features with a non-negative numeric properties.weight',
  ],
  WEIGHT_LAYER_NOT_COLLECTION: ['应为 type 为 FeatureCollection 且含 features 数组的对象', 'must be an object with type FeatureCollection and a features array'],
  WEIGHT_LAYER_CRS: ['坐标系须为 WGS-84 经纬度（CRS84 / EPSG:4326）', 'the CRS must be WGS-84 lng/lat (CRS84 / EPSG:4326)'],
  WEIGHT_LAYER_EMPTY: ['没有任何要素', 'has no features'],
  WEIGHT_LAYER_TOO_MANY: ['要素过多（最多 200,000 个）', 'too many features (200,000 at most)'],
  WEIGHT_LAYER_NOT_FEATURE: ['应为 type 为 Feature 的对象', 'must be an object with type Feature'],
  WEIGHT_LAYER_NOT_POINT: ['几何类型应为 Point', 'the geometry must be a Point'],
  WEIGHT_LAYER_COORDINATES: ['坐标应为 [经度, 纬度]，经度 −180…180、纬度 −90…90', 'coordinates must be [lng, lat] within −180…180, −90…90'],
  WEIGHT_LAYER_WEIGHT: ['properties.weight 应为非负数', 'properties.weight must be a non-negative number'],
  WEIGHT_LAYER_ZERO: ['所有权重之和为 0', 'all weights add up to 0'],
  // Facility standards are set by federations and district unions only.
  STANDARD_ORG_TYPE: ['设施标准只能由市总工会或区县总工会设置', 'a facility standard is set by a federation or district union only'],
  STANDARD_DUPLICATE_ITEM: ['标准中同一设施出现了两次', 'the same facility appears twice in the standard'],
  ENTITY_coverage_run: ['服务圈测算', 'coverage run'],
  ENTITY_coverage_weight_layer: ['权重图层', 'weight layer'],
  ENTITY_facility_standard: ['设施标准', 'facility standard'],
  COVERAGE_PHASE_queued: ['排队中', 'queued'],
  COVERAGE_PHASE_snap: ['正在把阵地吸附到路网', 'snapping positions to the streets'],
  COVERAGE_PHASE_reach: ['正在沿路网计算步行可达范围', 'walking the streets from every position'],
  COVERAGE_PHASE_weights: ['正在统计人口/岗位权重', 'counting the weight within reach'],
  COVERAGE_PHASE_isochrones: ['正在生成服务圈多边形', 'drawing the isochrones'],
  COVERAGE_PHASE_uncovered: ['正在找出未覆盖街道', 'listing uncovered streets'],
  COVERAGE_PHASE_candidates: ['正在挑选候选新址', 'choosing candidate sites'],
  COVERAGE_PHASE_done: ['正在保存结果', 'storing the results'],
});
