export const id = 765;
export const ids = [765];
export const modules = {

/***/ 4559:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.AxisConfigBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
/**
 * TODO docs
 */
class AxisConfigBuilder {
    constructor() {
        this.internal = common.defaultAxisConfig();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    axisPlacement(axisPlacement) {
        this.internal.axisPlacement = axisPlacement;
        return this;
    }
    axisColorMode(axisColorMode) {
        this.internal.axisColorMode = axisColorMode;
        return this;
    }
    axisLabel(axisLabel) {
        this.internal.axisLabel = axisLabel;
        return this;
    }
    axisWidth(axisWidth) {
        this.internal.axisWidth = axisWidth;
        return this;
    }
    axisSoftMin(axisSoftMin) {
        this.internal.axisSoftMin = axisSoftMin;
        return this;
    }
    axisSoftMax(axisSoftMax) {
        this.internal.axisSoftMax = axisSoftMax;
        return this;
    }
    axisGridShow(axisGridShow) {
        this.internal.axisGridShow = axisGridShow;
        return this;
    }
    scaleDistribution(scaleDistribution) {
        const scaleDistributionResource = scaleDistribution.build();
        this.internal.scaleDistribution = scaleDistributionResource;
        return this;
    }
    axisCenteredZero(axisCenteredZero) {
        this.internal.axisCenteredZero = axisCenteredZero;
        return this;
    }
    axisBorderShow(axisBorderShow) {
        this.internal.axisBorderShow = axisBorderShow;
        return this;
    }
}
exports.AxisConfigBuilder = AxisConfigBuilder;
//# sourceMappingURL=axisConfigBuilder.gen.js.map

/***/ }),

/***/ 563:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.BarConfigBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
/**
 * TODO docs
 */
class BarConfigBuilder {
    constructor() {
        this.internal = common.defaultBarConfig();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    barAlignment(barAlignment) {
        this.internal.barAlignment = barAlignment;
        return this;
    }
    barWidthFactor(barWidthFactor) {
        this.internal.barWidthFactor = barWidthFactor;
        return this;
    }
    barMaxWidth(barMaxWidth) {
        this.internal.barMaxWidth = barMaxWidth;
        return this;
    }
}
exports.BarConfigBuilder = BarConfigBuilder;
//# sourceMappingURL=barConfigBuilder.gen.js.map

/***/ }),

/***/ 6393:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.BaseDimensionConfigBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
class BaseDimensionConfigBuilder {
    constructor() {
        this.internal = common.defaultBaseDimensionConfig();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // fixed: T -- will be added by each element
    field(field) {
        this.internal.field = field;
        return this;
    }
}
exports.BaseDimensionConfigBuilder = BaseDimensionConfigBuilder;
//# sourceMappingURL=baseDimensionConfigBuilder.gen.js.map

/***/ }),

/***/ 6067:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ColorDimensionConfigBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
class ColorDimensionConfigBuilder {
    constructor() {
        this.internal = common.defaultColorDimensionConfig();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // color value
    fixed(fixed) {
        this.internal.fixed = fixed;
        return this;
    }
    // fixed: T -- will be added by each element
    field(field) {
        this.internal.field = field;
        return this;
    }
}
exports.ColorDimensionConfigBuilder = ColorDimensionConfigBuilder;
//# sourceMappingURL=colorDimensionConfigBuilder.gen.js.map

/***/ }),

/***/ 8094:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DataQueryBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
/**
 * These are the common properties available to all queries in all datasources.
 * Specific implementations will *extend* this interface, adding the required
 * properties for the given context.
 */
class DataQueryBuilder {
    constructor() {
        this.internal = common.defaultDataQuery();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // A unique identifier for the query within the list of targets.
    // In server side expressions, the refId is used as a variable name to identify results.
    // By default, the UI will assign A->Z; however setting meaningful names may be useful.
    refId(refId) {
        this.internal.refId = refId;
        return this;
    }
    // If hide is set to true, Grafana will filter out the response(s) associated with this query before returning it to the panel.
    hide(hide) {
        this.internal.hide = hide;
        return this;
    }
    // Specify the query flavor
    // TODO make this required and give it a default
    queryType(queryType) {
        this.internal.queryType = queryType;
        return this;
    }
    // For mixed data sources the selected datasource is on the query level.
    // For non mixed scenarios this is undefined.
    // TODO find a better way to do this ^ that's friendly to schema
    // TODO this shouldn't be unknown but DataSourceRef | null
    datasource(datasource) {
        this.internal.datasource = datasource;
        return this;
    }
}
exports.DataQueryBuilder = DataQueryBuilder;
//# sourceMappingURL=dataQueryBuilder.gen.js.map

/***/ }),

/***/ 1855:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DataSourceJsonDataBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
/**
 * TODO docs
 */
class DataSourceJsonDataBuilder {
    constructor() {
        this.internal = common.defaultDataSourceJsonData();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    authType(authType) {
        this.internal.authType = authType;
        return this;
    }
    defaultRegion(defaultRegion) {
        this.internal.defaultRegion = defaultRegion;
        return this;
    }
    profile(profile) {
        this.internal.profile = profile;
        return this;
    }
    manageAlerts(manageAlerts) {
        this.internal.manageAlerts = manageAlerts;
        return this;
    }
    alertmanagerUid(alertmanagerUid) {
        this.internal.alertmanagerUid = alertmanagerUid;
        return this;
    }
}
exports.DataSourceJsonDataBuilder = DataSourceJsonDataBuilder;
//# sourceMappingURL=dataSourceJsonDataBuilder.gen.js.map

/***/ }),

/***/ 4463:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.FillConfigBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
/**
 * TODO docs
 */
class FillConfigBuilder {
    constructor() {
        this.internal = common.defaultFillConfig();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    fillColor(fillColor) {
        this.internal.fillColor = fillColor;
        return this;
    }
    fillOpacity(fillOpacity) {
        this.internal.fillOpacity = fillOpacity;
        return this;
    }
    fillBelowTo(fillBelowTo) {
        this.internal.fillBelowTo = fillBelowTo;
        return this;
    }
}
exports.FillConfigBuilder = FillConfigBuilder;
//# sourceMappingURL=fillConfigBuilder.gen.js.map

/***/ }),

/***/ 446:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.FrameGeometrySourceBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
class FrameGeometrySourceBuilder {
    constructor() {
        this.internal = common.defaultFrameGeometrySource();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    mode(mode) {
        this.internal.mode = mode;
        return this;
    }
    // Field mappings
    geohash(geohash) {
        this.internal.geohash = geohash;
        return this;
    }
    latitude(latitude) {
        this.internal.latitude = latitude;
        return this;
    }
    longitude(longitude) {
        this.internal.longitude = longitude;
        return this;
    }
    wkt(wkt) {
        this.internal.wkt = wkt;
        return this;
    }
    lookup(lookup) {
        this.internal.lookup = lookup;
        return this;
    }
    // Path to Gazetteer
    gazetteer(gazetteer) {
        this.internal.gazetteer = gazetteer;
        return this;
    }
}
exports.FrameGeometrySourceBuilder = FrameGeometrySourceBuilder;
//# sourceMappingURL=frameGeometrySourceBuilder.gen.js.map

/***/ }),

/***/ 6604:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.GraphFieldConfigBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
/**
 * TODO docs
 */
class GraphFieldConfigBuilder {
    constructor() {
        this.internal = common.defaultGraphFieldConfig();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    drawStyle(drawStyle) {
        this.internal.drawStyle = drawStyle;
        return this;
    }
    gradientMode(gradientMode) {
        this.internal.gradientMode = gradientMode;
        return this;
    }
    thresholdsStyle(thresholdsStyle) {
        const thresholdsStyleResource = thresholdsStyle.build();
        this.internal.thresholdsStyle = thresholdsStyleResource;
        return this;
    }
    transform(transform) {
        this.internal.transform = transform;
        return this;
    }
    lineColor(lineColor) {
        this.internal.lineColor = lineColor;
        return this;
    }
    lineWidth(lineWidth) {
        this.internal.lineWidth = lineWidth;
        return this;
    }
    lineInterpolation(lineInterpolation) {
        this.internal.lineInterpolation = lineInterpolation;
        return this;
    }
    lineStyle(lineStyle) {
        const lineStyleResource = lineStyle.build();
        this.internal.lineStyle = lineStyleResource;
        return this;
    }
    fillColor(fillColor) {
        this.internal.fillColor = fillColor;
        return this;
    }
    fillOpacity(fillOpacity) {
        this.internal.fillOpacity = fillOpacity;
        return this;
    }
    showPoints(showPoints) {
        this.internal.showPoints = showPoints;
        return this;
    }
    pointSize(pointSize) {
        this.internal.pointSize = pointSize;
        return this;
    }
    pointColor(pointColor) {
        this.internal.pointColor = pointColor;
        return this;
    }
    axisPlacement(axisPlacement) {
        this.internal.axisPlacement = axisPlacement;
        return this;
    }
    axisColorMode(axisColorMode) {
        this.internal.axisColorMode = axisColorMode;
        return this;
    }
    axisLabel(axisLabel) {
        this.internal.axisLabel = axisLabel;
        return this;
    }
    axisWidth(axisWidth) {
        this.internal.axisWidth = axisWidth;
        return this;
    }
    axisSoftMin(axisSoftMin) {
        this.internal.axisSoftMin = axisSoftMin;
        return this;
    }
    axisSoftMax(axisSoftMax) {
        this.internal.axisSoftMax = axisSoftMax;
        return this;
    }
    axisGridShow(axisGridShow) {
        this.internal.axisGridShow = axisGridShow;
        return this;
    }
    scaleDistribution(scaleDistribution) {
        const scaleDistributionResource = scaleDistribution.build();
        this.internal.scaleDistribution = scaleDistributionResource;
        return this;
    }
    axisCenteredZero(axisCenteredZero) {
        this.internal.axisCenteredZero = axisCenteredZero;
        return this;
    }
    barAlignment(barAlignment) {
        this.internal.barAlignment = barAlignment;
        return this;
    }
    barWidthFactor(barWidthFactor) {
        this.internal.barWidthFactor = barWidthFactor;
        return this;
    }
    stacking(stacking) {
        const stackingResource = stacking.build();
        this.internal.stacking = stackingResource;
        return this;
    }
    hideFrom(hideFrom) {
        const hideFromResource = hideFrom.build();
        this.internal.hideFrom = hideFromResource;
        return this;
    }
    insertNulls(insertNulls) {
        this.internal.insertNulls = insertNulls;
        return this;
    }
    // Indicate if null values should be treated as gaps or connected.
    // When the value is a number, it represents the maximum delta in the
    // X axis that should be considered connected.  For timeseries, this is milliseconds
    spanNulls(spanNulls) {
        this.internal.spanNulls = spanNulls;
        return this;
    }
    fillBelowTo(fillBelowTo) {
        this.internal.fillBelowTo = fillBelowTo;
        return this;
    }
    pointSymbol(pointSymbol) {
        this.internal.pointSymbol = pointSymbol;
        return this;
    }
    axisBorderShow(axisBorderShow) {
        this.internal.axisBorderShow = axisBorderShow;
        return this;
    }
    barMaxWidth(barMaxWidth) {
        this.internal.barMaxWidth = barMaxWidth;
        return this;
    }
}
exports.GraphFieldConfigBuilder = GraphFieldConfigBuilder;
//# sourceMappingURL=graphFieldConfigBuilder.gen.js.map

/***/ }),

/***/ 7431:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.GraphThresholdsStyleConfigBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
/**
 * TODO docs
 */
class GraphThresholdsStyleConfigBuilder {
    constructor() {
        this.internal = common.defaultGraphThresholdsStyleConfig();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    mode(mode) {
        this.internal.mode = mode;
        return this;
    }
}
exports.GraphThresholdsStyleConfigBuilder = GraphThresholdsStyleConfigBuilder;
//# sourceMappingURL=graphThresholdsStyleConfigBuilder.gen.js.map

/***/ }),

/***/ 4509:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.HeatmapCalculationBucketConfigBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
class HeatmapCalculationBucketConfigBuilder {
    constructor() {
        this.internal = common.defaultHeatmapCalculationBucketConfig();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Sets the bucket calculation mode
    mode(mode) {
        this.internal.mode = mode;
        return this;
    }
    // The number of buckets to use for the axis in the heatmap
    value(value) {
        this.internal.value = value;
        return this;
    }
    // Controls the scale of the buckets
    scale(scale) {
        const scaleResource = scale.build();
        this.internal.scale = scaleResource;
        return this;
    }
}
exports.HeatmapCalculationBucketConfigBuilder = HeatmapCalculationBucketConfigBuilder;
//# sourceMappingURL=heatmapCalculationBucketConfigBuilder.gen.js.map

/***/ }),

/***/ 473:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.HeatmapCalculationOptionsBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
class HeatmapCalculationOptionsBuilder {
    constructor() {
        this.internal = common.defaultHeatmapCalculationOptions();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // The number of buckets to use for the xAxis in the heatmap
    xBuckets(xBuckets) {
        const xBucketsResource = xBuckets.build();
        this.internal.xBuckets = xBucketsResource;
        return this;
    }
    // The number of buckets to use for the yAxis in the heatmap
    yBuckets(yBuckets) {
        const yBucketsResource = yBuckets.build();
        this.internal.yBuckets = yBucketsResource;
        return this;
    }
}
exports.HeatmapCalculationOptionsBuilder = HeatmapCalculationOptionsBuilder;
//# sourceMappingURL=heatmapCalculationOptionsBuilder.gen.js.map

/***/ }),

/***/ 1939:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.HideSeriesConfigBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
/**
 * TODO docs
 */
class HideSeriesConfigBuilder {
    constructor() {
        this.internal = common.defaultHideSeriesConfig();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    tooltip(tooltip) {
        this.internal.tooltip = tooltip;
        return this;
    }
    legend(legend) {
        this.internal.legend = legend;
        return this;
    }
    viz(viz) {
        this.internal.viz = viz;
        return this;
    }
}
exports.HideSeriesConfigBuilder = HideSeriesConfigBuilder;
//# sourceMappingURL=hideSeriesConfigBuilder.gen.js.map

/***/ }),

/***/ 1600:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.HideableFieldConfigBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
/**
 * TODO docs
 */
class HideableFieldConfigBuilder {
    constructor() {
        this.internal = common.defaultHideableFieldConfig();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    hideFrom(hideFrom) {
        const hideFromResource = hideFrom.build();
        this.internal.hideFrom = hideFromResource;
        return this;
    }
}
exports.HideableFieldConfigBuilder = HideableFieldConfigBuilder;
//# sourceMappingURL=hideableFieldConfigBuilder.gen.js.map

/***/ }),

/***/ 9425:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
const tslib_1 = __webpack_require__(1860);
tslib_1.__exportStar(__webpack_require__(2336), exports);
tslib_1.__exportStar(__webpack_require__(1855), exports);
tslib_1.__exportStar(__webpack_require__(8094), exports);
tslib_1.__exportStar(__webpack_require__(6393), exports);
tslib_1.__exportStar(__webpack_require__(5002), exports);
tslib_1.__exportStar(__webpack_require__(6067), exports);
tslib_1.__exportStar(__webpack_require__(4880), exports);
tslib_1.__exportStar(__webpack_require__(231), exports);
tslib_1.__exportStar(__webpack_require__(2491), exports);
tslib_1.__exportStar(__webpack_require__(446), exports);
tslib_1.__exportStar(__webpack_require__(4509), exports);
tslib_1.__exportStar(__webpack_require__(6456), exports);
tslib_1.__exportStar(__webpack_require__(6471), exports);
tslib_1.__exportStar(__webpack_require__(4574), exports);
tslib_1.__exportStar(__webpack_require__(563), exports);
tslib_1.__exportStar(__webpack_require__(4463), exports);
tslib_1.__exportStar(__webpack_require__(4605), exports);
tslib_1.__exportStar(__webpack_require__(4559), exports);
tslib_1.__exportStar(__webpack_require__(1939), exports);
tslib_1.__exportStar(__webpack_require__(9084), exports);
tslib_1.__exportStar(__webpack_require__(4512), exports);
tslib_1.__exportStar(__webpack_require__(1600), exports);
tslib_1.__exportStar(__webpack_require__(7431), exports);
tslib_1.__exportStar(__webpack_require__(575), exports);
tslib_1.__exportStar(__webpack_require__(9662), exports);
tslib_1.__exportStar(__webpack_require__(3292), exports);
tslib_1.__exportStar(__webpack_require__(3317), exports);
tslib_1.__exportStar(__webpack_require__(5684), exports);
tslib_1.__exportStar(__webpack_require__(3703), exports);
tslib_1.__exportStar(__webpack_require__(3604), exports);
tslib_1.__exportStar(__webpack_require__(8232), exports);
tslib_1.__exportStar(__webpack_require__(8484), exports);
tslib_1.__exportStar(__webpack_require__(6604), exports);
tslib_1.__exportStar(__webpack_require__(6514), exports);
tslib_1.__exportStar(__webpack_require__(819), exports);
tslib_1.__exportStar(__webpack_require__(7376), exports);
tslib_1.__exportStar(__webpack_require__(473), exports);
tslib_1.__exportStar(__webpack_require__(7960), exports);
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 4574:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.LineConfigBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
/**
 * TODO docs
 */
class LineConfigBuilder {
    constructor() {
        this.internal = common.defaultLineConfig();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    lineColor(lineColor) {
        this.internal.lineColor = lineColor;
        return this;
    }
    lineWidth(lineWidth) {
        this.internal.lineWidth = lineWidth;
        return this;
    }
    lineInterpolation(lineInterpolation) {
        this.internal.lineInterpolation = lineInterpolation;
        return this;
    }
    lineStyle(lineStyle) {
        const lineStyleResource = lineStyle.build();
        this.internal.lineStyle = lineStyleResource;
        return this;
    }
    // Indicate if null values should be treated as gaps or connected.
    // When the value is a number, it represents the maximum delta in the
    // X axis that should be considered connected.  For timeseries, this is milliseconds
    spanNulls(spanNulls) {
        this.internal.spanNulls = spanNulls;
        return this;
    }
}
exports.LineConfigBuilder = LineConfigBuilder;
//# sourceMappingURL=lineConfigBuilder.gen.js.map

/***/ }),

/***/ 6471:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.LineStyleBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
/**
 * TODO docs
 */
class LineStyleBuilder {
    constructor() {
        this.internal = common.defaultLineStyle();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    fill(fill) {
        this.internal.fill = fill;
        return this;
    }
    dash(dash) {
        this.internal.dash = dash;
        return this;
    }
}
exports.LineStyleBuilder = LineStyleBuilder;
//# sourceMappingURL=lineStyleBuilder.gen.js.map

/***/ }),

/***/ 2491:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MapLayerOptionsBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
class MapLayerOptionsBuilder {
    constructor() {
        this.internal = common.defaultMapLayerOptions();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    type(type) {
        this.internal.type = type;
        return this;
    }
    // configured unique display name
    name(name) {
        this.internal.name = name;
        return this;
    }
    // Custom options depending on the type
    config(config) {
        this.internal.config = config;
        return this;
    }
    // Common method to define geometry fields
    location(location) {
        const locationResource = location.build();
        this.internal.location = locationResource;
        return this;
    }
    // Defines a frame MatcherConfig that may filter data for the given layer
    filterData(filterData) {
        this.internal.filterData = filterData;
        return this;
    }
    // Common properties:
    // https://openlayers.org/en/latest/apidoc/module-ol_layer_Base-BaseLayer.html
    // Layer opacity (0-1)
    opacity(opacity) {
        this.internal.opacity = opacity;
        return this;
    }
    // Check tooltip (defaults to true)
    tooltip(tooltip) {
        this.internal.tooltip = tooltip;
        return this;
    }
}
exports.MapLayerOptionsBuilder = MapLayerOptionsBuilder;
//# sourceMappingURL=mapLayerOptionsBuilder.gen.js.map

/***/ }),

/***/ 3703:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.OptionsWithLegendBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
/**
 * TODO docs
 */
class OptionsWithLegendBuilder {
    constructor() {
        this.internal = common.defaultOptionsWithLegend();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    legend(legend) {
        const legendResource = legend.build();
        this.internal.legend = legendResource;
        return this;
    }
}
exports.OptionsWithLegendBuilder = OptionsWithLegendBuilder;
//# sourceMappingURL=optionsWithLegendBuilder.gen.js.map

/***/ }),

/***/ 8484:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.OptionsWithTextFormattingBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
/**
 * TODO docs
 */
class OptionsWithTextFormattingBuilder {
    constructor() {
        this.internal = common.defaultOptionsWithTextFormatting();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    text(text) {
        const textResource = text.build();
        this.internal.text = textResource;
        return this;
    }
}
exports.OptionsWithTextFormattingBuilder = OptionsWithTextFormattingBuilder;
//# sourceMappingURL=optionsWithTextFormattingBuilder.gen.js.map

/***/ }),

/***/ 8232:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.OptionsWithTimezonesBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
/**
 * TODO docs
 */
class OptionsWithTimezonesBuilder {
    constructor() {
        this.internal = common.defaultOptionsWithTimezones();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    timezone(timezone) {
        this.internal.timezone = timezone;
        return this;
    }
}
exports.OptionsWithTimezonesBuilder = OptionsWithTimezonesBuilder;
//# sourceMappingURL=optionsWithTimezonesBuilder.gen.js.map

/***/ }),

/***/ 3317:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.OptionsWithTooltipBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
/**
 * TODO docs
 */
class OptionsWithTooltipBuilder {
    constructor() {
        this.internal = common.defaultOptionsWithTooltip();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    tooltip(tooltip) {
        const tooltipResource = tooltip.build();
        this.internal.tooltip = tooltipResource;
        return this;
    }
}
exports.OptionsWithTooltipBuilder = OptionsWithTooltipBuilder;
//# sourceMappingURL=optionsWithTooltipBuilder.gen.js.map

/***/ }),

/***/ 4605:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.PointsConfigBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
/**
 * TODO docs
 */
class PointsConfigBuilder {
    constructor() {
        this.internal = common.defaultPointsConfig();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    showPoints(showPoints) {
        this.internal.showPoints = showPoints;
        return this;
    }
    pointSize(pointSize) {
        this.internal.pointSize = pointSize;
        return this;
    }
    pointColor(pointColor) {
        this.internal.pointColor = pointColor;
        return this;
    }
    pointSymbol(pointSymbol) {
        this.internal.pointSymbol = pointSymbol;
        return this;
    }
}
exports.PointsConfigBuilder = PointsConfigBuilder;
//# sourceMappingURL=pointsConfigBuilder.gen.js.map

/***/ }),

/***/ 9662:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ReduceDataOptionsBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
/**
 * TODO docs
 */
class ReduceDataOptionsBuilder {
    constructor() {
        this.internal = common.defaultReduceDataOptions();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // If true show each row value
    values(values) {
        this.internal.values = values;
        return this;
    }
    // if showing all values limit
    limit(limit) {
        this.internal.limit = limit;
        return this;
    }
    // When !values, pick one value for the whole field
    calcs(calcs) {
        this.internal.calcs = calcs;
        return this;
    }
    // Which fields to show.  By default this is only numeric fields
    fields(fields) {
        this.internal.fields = fields;
        return this;
    }
}
exports.ReduceDataOptionsBuilder = ReduceDataOptionsBuilder;
//# sourceMappingURL=reduceDataOptionsBuilder.gen.js.map

/***/ }),

/***/ 7376:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ResourceDimensionConfigBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
/**
 * Links to a resource (image/svg path)
 */
class ResourceDimensionConfigBuilder {
    constructor() {
        this.internal = common.defaultResourceDimensionConfig();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    mode(mode) {
        this.internal.mode = mode;
        return this;
    }
    // fixed: T -- will be added by each element
    field(field) {
        this.internal.field = field;
        return this;
    }
    fixed(fixed) {
        this.internal.fixed = fixed;
        return this;
    }
}
exports.ResourceDimensionConfigBuilder = ResourceDimensionConfigBuilder;
//# sourceMappingURL=resourceDimensionConfigBuilder.gen.js.map

/***/ }),

/***/ 4880:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ScalarDimensionConfigBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
class ScalarDimensionConfigBuilder {
    constructor() {
        this.internal = common.defaultScalarDimensionConfig();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    min(min) {
        this.internal.min = min;
        return this;
    }
    max(max) {
        this.internal.max = max;
        return this;
    }
    fixed(fixed) {
        this.internal.fixed = fixed;
        return this;
    }
    // fixed: T -- will be added by each element
    field(field) {
        this.internal.field = field;
        return this;
    }
    mode(mode) {
        this.internal.mode = mode;
        return this;
    }
}
exports.ScalarDimensionConfigBuilder = ScalarDimensionConfigBuilder;
//# sourceMappingURL=scalarDimensionConfigBuilder.gen.js.map

/***/ }),

/***/ 5002:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ScaleDimensionConfigBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
class ScaleDimensionConfigBuilder {
    constructor() {
        this.internal = common.defaultScaleDimensionConfig();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    min(min) {
        this.internal.min = min;
        return this;
    }
    max(max) {
        this.internal.max = max;
        return this;
    }
    fixed(fixed) {
        this.internal.fixed = fixed;
        return this;
    }
    // fixed: T -- will be added by each element
    field(field) {
        this.internal.field = field;
        return this;
    }
    // | *"linear"
    mode(mode) {
        this.internal.mode = mode;
        return this;
    }
}
exports.ScaleDimensionConfigBuilder = ScaleDimensionConfigBuilder;
//# sourceMappingURL=scaleDimensionConfigBuilder.gen.js.map

/***/ }),

/***/ 6456:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ScaleDistributionConfigBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
/**
 * TODO docs
 */
class ScaleDistributionConfigBuilder {
    constructor() {
        this.internal = common.defaultScaleDistributionConfig();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    type(type) {
        this.internal.type = type;
        return this;
    }
    log(log) {
        this.internal.log = log;
        return this;
    }
    linearThreshold(linearThreshold) {
        this.internal.linearThreshold = linearThreshold;
        return this;
    }
}
exports.ScaleDistributionConfigBuilder = ScaleDistributionConfigBuilder;
//# sourceMappingURL=scaleDistributionConfigBuilder.gen.js.map

/***/ }),

/***/ 575:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.SingleStatBaseOptionsBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
/**
 * TODO docs
 */
class SingleStatBaseOptionsBuilder {
    constructor() {
        this.internal = common.defaultSingleStatBaseOptions();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    reduceOptions(reduceOptions) {
        const reduceOptionsResource = reduceOptions.build();
        this.internal.reduceOptions = reduceOptionsResource;
        return this;
    }
    text(text) {
        const textResource = text.build();
        this.internal.text = textResource;
        return this;
    }
    orientation(orientation) {
        this.internal.orientation = orientation;
        return this;
    }
}
exports.SingleStatBaseOptionsBuilder = SingleStatBaseOptionsBuilder;
//# sourceMappingURL=singleStatBaseOptionsBuilder.gen.js.map

/***/ }),

/***/ 4512:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.StackableFieldConfigBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
/**
 * TODO docs
 */
class StackableFieldConfigBuilder {
    constructor() {
        this.internal = common.defaultStackableFieldConfig();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    stacking(stacking) {
        const stackingResource = stacking.build();
        this.internal.stacking = stackingResource;
        return this;
    }
}
exports.StackableFieldConfigBuilder = StackableFieldConfigBuilder;
//# sourceMappingURL=stackableFieldConfigBuilder.gen.js.map

/***/ }),

/***/ 9084:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.StackingConfigBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
/**
 * TODO docs
 */
class StackingConfigBuilder {
    constructor() {
        this.internal = common.defaultStackingConfig();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    mode(mode) {
        this.internal.mode = mode;
        return this;
    }
    group(group) {
        this.internal.group = group;
        return this;
    }
}
exports.StackingConfigBuilder = StackingConfigBuilder;
//# sourceMappingURL=stackingConfigBuilder.gen.js.map

/***/ }),

/***/ 7960:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TableFieldOptionsBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
/**
 * Field options for each field within a table (e.g 10, "The String", 64.20, etc.)
 * Generally defines alignment, filtering capabilties, display options, etc.
 */
class TableFieldOptionsBuilder {
    constructor() {
        this.internal = common.defaultTableFieldOptions();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    width(width) {
        this.internal.width = width;
        return this;
    }
    minWidth(minWidth) {
        this.internal.minWidth = minWidth;
        return this;
    }
    align(align) {
        this.internal.align = align;
        return this;
    }
    // This field is deprecated in favor of using cellOptions
    displayMode(displayMode) {
        this.internal.displayMode = displayMode;
        return this;
    }
    cellOptions(cellOptions) {
        this.internal.cellOptions = cellOptions;
        return this;
    }
    // ?? default is missing or false ??
    hidden(hidden) {
        this.internal.hidden = hidden;
        return this;
    }
    inspect(inspect) {
        this.internal.inspect = inspect;
        return this;
    }
    filterable(filterable) {
        this.internal.filterable = filterable;
        return this;
    }
    // Hides any header for a column, useful for columns that show some static content or buttons.
    hideHeader(hideHeader) {
        this.internal.hideHeader = hideHeader;
        return this;
    }
}
exports.TableFieldOptionsBuilder = TableFieldOptionsBuilder;
//# sourceMappingURL=tableFieldOptionsBuilder.gen.js.map

/***/ }),

/***/ 819:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TableFooterOptionsBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
/**
 * Footer options
 */
class TableFooterOptionsBuilder {
    constructor() {
        this.internal = common.defaultTableFooterOptions();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    show(show) {
        this.internal.show = show;
        return this;
    }
    // actually 1 value
    reducer(reducer) {
        this.internal.reducer = reducer;
        return this;
    }
    fields(fields) {
        this.internal.fields = fields;
        return this;
    }
    enablePagination(enablePagination) {
        this.internal.enablePagination = enablePagination;
        return this;
    }
    countRows(countRows) {
        this.internal.countRows = countRows;
        return this;
    }
}
exports.TableFooterOptionsBuilder = TableFooterOptionsBuilder;
//# sourceMappingURL=tableFooterOptionsBuilder.gen.js.map

/***/ }),

/***/ 6514:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TableSortByFieldStateBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
/**
 * Sort by field state
 */
class TableSortByFieldStateBuilder {
    constructor() {
        this.internal = common.defaultTableSortByFieldState();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Sets the display name of the field to sort by
    displayName(displayName) {
        this.internal.displayName = displayName;
        return this;
    }
    // Flag used to indicate descending sort order
    desc(desc) {
        this.internal.desc = desc;
        return this;
    }
}
exports.TableSortByFieldStateBuilder = TableSortByFieldStateBuilder;
//# sourceMappingURL=tableSortByFieldStateBuilder.gen.js.map

/***/ }),

/***/ 231:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TextDimensionConfigBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
class TextDimensionConfigBuilder {
    constructor() {
        this.internal = common.defaultTextDimensionConfig();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    mode(mode) {
        this.internal.mode = mode;
        return this;
    }
    // fixed: T -- will be added by each element
    field(field) {
        this.internal.field = field;
        return this;
    }
    fixed(fixed) {
        this.internal.fixed = fixed;
        return this;
    }
}
exports.TextDimensionConfigBuilder = TextDimensionConfigBuilder;
//# sourceMappingURL=textDimensionConfigBuilder.gen.js.map

/***/ }),

/***/ 2336:
/***/ ((__unused_webpack_module, exports) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ScaleOrientation = exports.defaultBarAlignment = exports.BarAlignment = exports.defaultStackingMode = exports.StackingMode = exports.defaultGraphGradientMode = exports.GraphGradientMode = exports.defaultLineInterpolation = exports.LineInterpolation = exports.defaultGraphTransform = exports.GraphTransform = exports.defaultGraphDrawStyle = exports.GraphDrawStyle = exports.defaultVisibilityMode = exports.VisibilityMode = exports.defaultAxisColorMode = exports.AxisColorMode = exports.defaultAxisPlacement = exports.AxisPlacement = exports.defaultLogsSortOrder = exports.LogsSortOrder = exports.defaultScaleDistribution = exports.ScaleDistribution = exports.defaultScaleDistributionConfig = exports.defaultHeatmapCalculationBucketConfig = exports.defaultHeatmapCellLayout = exports.HeatmapCellLayout = exports.defaultHeatmapCalculationMode = exports.HeatmapCalculationMode = exports.defaultFrameGeometrySourceMode = exports.FrameGeometrySourceMode = exports.defaultFrameGeometrySource = exports.defaultMapLayerOptions = exports.defaultResourceDimensionMode = exports.ResourceDimensionMode = exports.defaultTextDimensionConfig = exports.defaultTextDimensionMode = exports.TextDimensionMode = exports.defaultScalarDimensionConfig = exports.defaultScalarDimensionMode = exports.ScalarDimensionMode = exports.defaultColorDimensionConfig = exports.defaultScaleDimensionConfig = exports.defaultScaleDimensionMode = exports.ScaleDimensionMode = exports.defaultBaseDimensionConfig = exports.defaultDataQuery = exports.defaultDataSourceJsonData = exports.defaultDataTopic = exports.DataTopic = void 0;
exports.defaultTimelineValueAlignment = exports.TimelineValueAlignment = exports.defaultFieldTextAlignment = exports.FieldTextAlignment = exports.defaultPercentChangeColorMode = exports.PercentChangeColorMode = exports.defaultBigValueTextMode = exports.BigValueTextMode = exports.defaultBigValueJustifyMode = exports.BigValueJustifyMode = exports.defaultBigValueGraphMode = exports.BigValueGraphMode = exports.defaultBigValueColorMode = exports.BigValueColorMode = exports.defaultOptionsWithTextFormatting = exports.defaultTimeZone = exports.defaultOptionsWithTimezones = exports.defaultVizLegendOptions = exports.defaultOptionsWithLegend = exports.defaultSortOrder = exports.SortOrder = exports.defaultTooltipDisplayMode = exports.TooltipDisplayMode = exports.defaultVizTooltipOptions = exports.defaultOptionsWithTooltip = exports.defaultVizOrientation = exports.VizOrientation = exports.defaultVizTextDisplayOptions = exports.defaultReduceDataOptions = exports.defaultSingleStatBaseOptions = exports.defaultLegendDisplayMode = exports.LegendDisplayMode = exports.defaultLegendPlacement = exports.LegendPlacement = exports.defaultGraphThresholdsStyleConfig = exports.defaultGraphThresholdsStyleMode = exports.GraphThresholdsStyleMode = exports.defaultHideableFieldConfig = exports.defaultStackableFieldConfig = exports.defaultStackingConfig = exports.defaultHideSeriesConfig = exports.defaultAxisConfig = exports.defaultPointsConfig = exports.defaultFillConfig = exports.defaultBarConfig = exports.defaultLineConfig = exports.defaultLineStyle = exports.defaultScaleDirection = exports.ScaleDirection = exports.defaultScaleOrientation = void 0;
exports.defaultTableFieldOptions = exports.defaultComparisonOperation = exports.ComparisonOperation = exports.defaultLogsDedupStrategy = exports.LogsDedupStrategy = exports.defaultHeatmapCalculationOptions = exports.defaultResourceDimensionConfig = exports.defaultDataSourceRef = exports.defaultVariableFormatID = exports.VariableFormatID = exports.defaultTableCellOptions = exports.defaultTableCellHeight = exports.TableCellHeight = exports.defaultTableColoredBackgroundCellOptions = exports.defaultTableSparklineCellOptions = exports.defaultTableBarGaugeCellOptions = exports.defaultTableActionsCellOptions = exports.defaultTableDataLinksCellOptions = exports.defaultTableImageCellOptions = exports.defaultTableJsonViewCellOptions = exports.defaultTableColorTextCellOptions = exports.defaultTableAutoCellOptions = exports.defaultTableFooterOptions = exports.defaultTableSortByFieldState = exports.defaultTableCellBackgroundDisplayMode = exports.TableCellBackgroundDisplayMode = exports.defaultTableCellDisplayMode = exports.TableCellDisplayMode = exports.defaultLabels = exports.defaultBarGaugeSizing = exports.BarGaugeSizing = exports.defaultBarGaugeNamePlacement = exports.BarGaugeNamePlacement = exports.defaultBarGaugeValueMode = exports.BarGaugeValueMode = exports.defaultBarGaugeDisplayMode = exports.BarGaugeDisplayMode = exports.defaultGraphFieldConfig = void 0;
/**
 * A topic is attached to DataFrame metadata in query results.
 * This specifies where the data should be used.
 */
var DataTopic;
(function (DataTopic) {
    DataTopic["Series"] = "series";
    DataTopic["Annotations"] = "annotations";
    DataTopic["AlertStates"] = "alertStates";
})(DataTopic || (exports.DataTopic = DataTopic = {}));
const defaultDataTopic = () => (DataTopic.Series);
exports.defaultDataTopic = defaultDataTopic;
const defaultDataSourceJsonData = () => ({});
exports.defaultDataSourceJsonData = defaultDataSourceJsonData;
const defaultDataQuery = () => ({
    refId: "",
});
exports.defaultDataQuery = defaultDataQuery;
const defaultBaseDimensionConfig = () => ({});
exports.defaultBaseDimensionConfig = defaultBaseDimensionConfig;
var ScaleDimensionMode;
(function (ScaleDimensionMode) {
    ScaleDimensionMode["Linear"] = "linear";
    ScaleDimensionMode["Quad"] = "quad";
})(ScaleDimensionMode || (exports.ScaleDimensionMode = ScaleDimensionMode = {}));
const defaultScaleDimensionMode = () => (ScaleDimensionMode.Linear);
exports.defaultScaleDimensionMode = defaultScaleDimensionMode;
const defaultScaleDimensionConfig = () => ({
    min: 0,
    max: 0,
});
exports.defaultScaleDimensionConfig = defaultScaleDimensionConfig;
const defaultColorDimensionConfig = () => ({});
exports.defaultColorDimensionConfig = defaultColorDimensionConfig;
var ScalarDimensionMode;
(function (ScalarDimensionMode) {
    ScalarDimensionMode["Mod"] = "mod";
    ScalarDimensionMode["Clamped"] = "clamped";
})(ScalarDimensionMode || (exports.ScalarDimensionMode = ScalarDimensionMode = {}));
const defaultScalarDimensionMode = () => (ScalarDimensionMode.Mod);
exports.defaultScalarDimensionMode = defaultScalarDimensionMode;
const defaultScalarDimensionConfig = () => ({
    min: 0,
    max: 0,
});
exports.defaultScalarDimensionConfig = defaultScalarDimensionConfig;
var TextDimensionMode;
(function (TextDimensionMode) {
    TextDimensionMode["Fixed"] = "fixed";
    TextDimensionMode["Field"] = "field";
    TextDimensionMode["Template"] = "template";
})(TextDimensionMode || (exports.TextDimensionMode = TextDimensionMode = {}));
const defaultTextDimensionMode = () => (TextDimensionMode.Fixed);
exports.defaultTextDimensionMode = defaultTextDimensionMode;
const defaultTextDimensionConfig = () => ({
    mode: TextDimensionMode.Fixed,
});
exports.defaultTextDimensionConfig = defaultTextDimensionConfig;
var ResourceDimensionMode;
(function (ResourceDimensionMode) {
    ResourceDimensionMode["Fixed"] = "fixed";
    ResourceDimensionMode["Field"] = "field";
    ResourceDimensionMode["Mapping"] = "mapping";
})(ResourceDimensionMode || (exports.ResourceDimensionMode = ResourceDimensionMode = {}));
const defaultResourceDimensionMode = () => (ResourceDimensionMode.Fixed);
exports.defaultResourceDimensionMode = defaultResourceDimensionMode;
const defaultMapLayerOptions = () => ({
    type: "",
    name: "",
});
exports.defaultMapLayerOptions = defaultMapLayerOptions;
const defaultFrameGeometrySource = () => ({
    mode: FrameGeometrySourceMode.Auto,
});
exports.defaultFrameGeometrySource = defaultFrameGeometrySource;
var FrameGeometrySourceMode;
(function (FrameGeometrySourceMode) {
    FrameGeometrySourceMode["Auto"] = "auto";
    FrameGeometrySourceMode["Geohash"] = "geohash";
    FrameGeometrySourceMode["Coords"] = "coords";
    FrameGeometrySourceMode["Lookup"] = "lookup";
})(FrameGeometrySourceMode || (exports.FrameGeometrySourceMode = FrameGeometrySourceMode = {}));
const defaultFrameGeometrySourceMode = () => (FrameGeometrySourceMode.Auto);
exports.defaultFrameGeometrySourceMode = defaultFrameGeometrySourceMode;
var HeatmapCalculationMode;
(function (HeatmapCalculationMode) {
    HeatmapCalculationMode["Size"] = "size";
    HeatmapCalculationMode["Count"] = "count";
})(HeatmapCalculationMode || (exports.HeatmapCalculationMode = HeatmapCalculationMode = {}));
const defaultHeatmapCalculationMode = () => (HeatmapCalculationMode.Size);
exports.defaultHeatmapCalculationMode = defaultHeatmapCalculationMode;
var HeatmapCellLayout;
(function (HeatmapCellLayout) {
    HeatmapCellLayout["Le"] = "le";
    HeatmapCellLayout["Ge"] = "ge";
    HeatmapCellLayout["Unknown"] = "unknown";
    HeatmapCellLayout["Auto"] = "auto";
})(HeatmapCellLayout || (exports.HeatmapCellLayout = HeatmapCellLayout = {}));
const defaultHeatmapCellLayout = () => (HeatmapCellLayout.Le);
exports.defaultHeatmapCellLayout = defaultHeatmapCellLayout;
const defaultHeatmapCalculationBucketConfig = () => ({});
exports.defaultHeatmapCalculationBucketConfig = defaultHeatmapCalculationBucketConfig;
const defaultScaleDistributionConfig = () => ({
    type: ScaleDistribution.Linear,
});
exports.defaultScaleDistributionConfig = defaultScaleDistributionConfig;
/**
 * TODO docs
 */
var ScaleDistribution;
(function (ScaleDistribution) {
    ScaleDistribution["Linear"] = "linear";
    ScaleDistribution["Log"] = "log";
    ScaleDistribution["Ordinal"] = "ordinal";
    ScaleDistribution["Symlog"] = "symlog";
})(ScaleDistribution || (exports.ScaleDistribution = ScaleDistribution = {}));
const defaultScaleDistribution = () => (ScaleDistribution.Linear);
exports.defaultScaleDistribution = defaultScaleDistribution;
var LogsSortOrder;
(function (LogsSortOrder) {
    LogsSortOrder["Descending"] = "Descending";
    LogsSortOrder["Ascending"] = "Ascending";
})(LogsSortOrder || (exports.LogsSortOrder = LogsSortOrder = {}));
const defaultLogsSortOrder = () => (LogsSortOrder.Descending);
exports.defaultLogsSortOrder = defaultLogsSortOrder;
/**
 * TODO docs
 */
var AxisPlacement;
(function (AxisPlacement) {
    AxisPlacement["Auto"] = "auto";
    AxisPlacement["Top"] = "top";
    AxisPlacement["Right"] = "right";
    AxisPlacement["Bottom"] = "bottom";
    AxisPlacement["Left"] = "left";
    AxisPlacement["Hidden"] = "hidden";
})(AxisPlacement || (exports.AxisPlacement = AxisPlacement = {}));
const defaultAxisPlacement = () => (AxisPlacement.Auto);
exports.defaultAxisPlacement = defaultAxisPlacement;
/**
 * TODO docs
 */
var AxisColorMode;
(function (AxisColorMode) {
    AxisColorMode["Text"] = "text";
    AxisColorMode["Series"] = "series";
})(AxisColorMode || (exports.AxisColorMode = AxisColorMode = {}));
const defaultAxisColorMode = () => (AxisColorMode.Text);
exports.defaultAxisColorMode = defaultAxisColorMode;
/**
 * TODO docs
 */
var VisibilityMode;
(function (VisibilityMode) {
    VisibilityMode["Auto"] = "auto";
    VisibilityMode["Never"] = "never";
    VisibilityMode["Always"] = "always";
})(VisibilityMode || (exports.VisibilityMode = VisibilityMode = {}));
const defaultVisibilityMode = () => (VisibilityMode.Auto);
exports.defaultVisibilityMode = defaultVisibilityMode;
/**
 * TODO docs
 */
var GraphDrawStyle;
(function (GraphDrawStyle) {
    GraphDrawStyle["Line"] = "line";
    GraphDrawStyle["Bars"] = "bars";
    GraphDrawStyle["Points"] = "points";
})(GraphDrawStyle || (exports.GraphDrawStyle = GraphDrawStyle = {}));
const defaultGraphDrawStyle = () => (GraphDrawStyle.Line);
exports.defaultGraphDrawStyle = defaultGraphDrawStyle;
/**
 * TODO docs
 */
var GraphTransform;
(function (GraphTransform) {
    GraphTransform["Constant"] = "constant";
    GraphTransform["NegativeY"] = "negative-Y";
})(GraphTransform || (exports.GraphTransform = GraphTransform = {}));
const defaultGraphTransform = () => (GraphTransform.Constant);
exports.defaultGraphTransform = defaultGraphTransform;
/**
 * TODO docs
 */
var LineInterpolation;
(function (LineInterpolation) {
    LineInterpolation["Linear"] = "linear";
    LineInterpolation["Smooth"] = "smooth";
    LineInterpolation["StepBefore"] = "stepBefore";
    LineInterpolation["StepAfter"] = "stepAfter";
})(LineInterpolation || (exports.LineInterpolation = LineInterpolation = {}));
const defaultLineInterpolation = () => (LineInterpolation.Linear);
exports.defaultLineInterpolation = defaultLineInterpolation;
/**
 * TODO docs
 */
var GraphGradientMode;
(function (GraphGradientMode) {
    GraphGradientMode["None"] = "none";
    GraphGradientMode["Opacity"] = "opacity";
    GraphGradientMode["Hue"] = "hue";
    GraphGradientMode["Scheme"] = "scheme";
})(GraphGradientMode || (exports.GraphGradientMode = GraphGradientMode = {}));
const defaultGraphGradientMode = () => (GraphGradientMode.None);
exports.defaultGraphGradientMode = defaultGraphGradientMode;
/**
 * TODO docs
 */
var StackingMode;
(function (StackingMode) {
    StackingMode["None"] = "none";
    StackingMode["Normal"] = "normal";
    StackingMode["Percent"] = "percent";
})(StackingMode || (exports.StackingMode = StackingMode = {}));
const defaultStackingMode = () => (StackingMode.None);
exports.defaultStackingMode = defaultStackingMode;
/**
 * TODO docs
 */
var BarAlignment;
(function (BarAlignment) {
    BarAlignment[BarAlignment["Before"] = -1] = "Before";
    BarAlignment[BarAlignment["Center"] = 0] = "Center";
    BarAlignment[BarAlignment["After"] = 1] = "After";
})(BarAlignment || (exports.BarAlignment = BarAlignment = {}));
const defaultBarAlignment = () => (BarAlignment.Before);
exports.defaultBarAlignment = defaultBarAlignment;
/**
 * TODO docs
 */
var ScaleOrientation;
(function (ScaleOrientation) {
    ScaleOrientation[ScaleOrientation["Horizontal"] = 0] = "Horizontal";
    ScaleOrientation[ScaleOrientation["Vertical"] = 1] = "Vertical";
})(ScaleOrientation || (exports.ScaleOrientation = ScaleOrientation = {}));
const defaultScaleOrientation = () => (ScaleOrientation.Horizontal);
exports.defaultScaleOrientation = defaultScaleOrientation;
/**
 * TODO docs
 */
var ScaleDirection;
(function (ScaleDirection) {
    ScaleDirection[ScaleDirection["Up"] = 1] = "Up";
    ScaleDirection[ScaleDirection["Right"] = 1] = "Right";
    ScaleDirection[ScaleDirection["Down"] = -1] = "Down";
    ScaleDirection[ScaleDirection["Left"] = -1] = "Left";
})(ScaleDirection || (exports.ScaleDirection = ScaleDirection = {}));
const defaultScaleDirection = () => (ScaleDirection.Up);
exports.defaultScaleDirection = defaultScaleDirection;
const defaultLineStyle = () => ({});
exports.defaultLineStyle = defaultLineStyle;
const defaultLineConfig = () => ({});
exports.defaultLineConfig = defaultLineConfig;
const defaultBarConfig = () => ({});
exports.defaultBarConfig = defaultBarConfig;
const defaultFillConfig = () => ({});
exports.defaultFillConfig = defaultFillConfig;
const defaultPointsConfig = () => ({});
exports.defaultPointsConfig = defaultPointsConfig;
const defaultAxisConfig = () => ({});
exports.defaultAxisConfig = defaultAxisConfig;
const defaultHideSeriesConfig = () => ({
    tooltip: false,
    legend: false,
    viz: false,
});
exports.defaultHideSeriesConfig = defaultHideSeriesConfig;
const defaultStackingConfig = () => ({});
exports.defaultStackingConfig = defaultStackingConfig;
const defaultStackableFieldConfig = () => ({});
exports.defaultStackableFieldConfig = defaultStackableFieldConfig;
const defaultHideableFieldConfig = () => ({});
exports.defaultHideableFieldConfig = defaultHideableFieldConfig;
/**
 * TODO docs
 */
var GraphThresholdsStyleMode;
(function (GraphThresholdsStyleMode) {
    GraphThresholdsStyleMode["Off"] = "off";
    GraphThresholdsStyleMode["Line"] = "line";
    GraphThresholdsStyleMode["Dashed"] = "dashed";
    GraphThresholdsStyleMode["Area"] = "area";
    GraphThresholdsStyleMode["LineAndArea"] = "line+area";
    GraphThresholdsStyleMode["DashedAndArea"] = "dashed+area";
    GraphThresholdsStyleMode["Series"] = "series";
})(GraphThresholdsStyleMode || (exports.GraphThresholdsStyleMode = GraphThresholdsStyleMode = {}));
const defaultGraphThresholdsStyleMode = () => (GraphThresholdsStyleMode.Off);
exports.defaultGraphThresholdsStyleMode = defaultGraphThresholdsStyleMode;
const defaultGraphThresholdsStyleConfig = () => ({
    mode: GraphThresholdsStyleMode.Off,
});
exports.defaultGraphThresholdsStyleConfig = defaultGraphThresholdsStyleConfig;
/**
 * TODO docs
 */
var LegendPlacement;
(function (LegendPlacement) {
    LegendPlacement["Bottom"] = "bottom";
    LegendPlacement["Right"] = "right";
})(LegendPlacement || (exports.LegendPlacement = LegendPlacement = {}));
const defaultLegendPlacement = () => (LegendPlacement.Bottom);
exports.defaultLegendPlacement = defaultLegendPlacement;
/**
 * TODO docs
 * Note: "hidden" needs to remain as an option for plugins compatibility
 */
var LegendDisplayMode;
(function (LegendDisplayMode) {
    LegendDisplayMode["List"] = "list";
    LegendDisplayMode["Table"] = "table";
    LegendDisplayMode["Hidden"] = "hidden";
})(LegendDisplayMode || (exports.LegendDisplayMode = LegendDisplayMode = {}));
const defaultLegendDisplayMode = () => (LegendDisplayMode.List);
exports.defaultLegendDisplayMode = defaultLegendDisplayMode;
const defaultSingleStatBaseOptions = () => ({
    reduceOptions: (0, exports.defaultReduceDataOptions)(),
    orientation: VizOrientation.Auto,
});
exports.defaultSingleStatBaseOptions = defaultSingleStatBaseOptions;
const defaultReduceDataOptions = () => ({
    calcs: [],
});
exports.defaultReduceDataOptions = defaultReduceDataOptions;
const defaultVizTextDisplayOptions = () => ({});
exports.defaultVizTextDisplayOptions = defaultVizTextDisplayOptions;
/**
 * TODO docs
 */
var VizOrientation;
(function (VizOrientation) {
    VizOrientation["Auto"] = "auto";
    VizOrientation["Vertical"] = "vertical";
    VizOrientation["Horizontal"] = "horizontal";
})(VizOrientation || (exports.VizOrientation = VizOrientation = {}));
const defaultVizOrientation = () => (VizOrientation.Auto);
exports.defaultVizOrientation = defaultVizOrientation;
const defaultOptionsWithTooltip = () => ({
    tooltip: (0, exports.defaultVizTooltipOptions)(),
});
exports.defaultOptionsWithTooltip = defaultOptionsWithTooltip;
const defaultVizTooltipOptions = () => ({
    mode: TooltipDisplayMode.Single,
    sort: SortOrder.Ascending,
});
exports.defaultVizTooltipOptions = defaultVizTooltipOptions;
/**
 * TODO docs
 */
var TooltipDisplayMode;
(function (TooltipDisplayMode) {
    TooltipDisplayMode["Single"] = "single";
    TooltipDisplayMode["Multi"] = "multi";
    TooltipDisplayMode["None"] = "none";
})(TooltipDisplayMode || (exports.TooltipDisplayMode = TooltipDisplayMode = {}));
const defaultTooltipDisplayMode = () => (TooltipDisplayMode.Single);
exports.defaultTooltipDisplayMode = defaultTooltipDisplayMode;
/**
 * TODO docs
 */
var SortOrder;
(function (SortOrder) {
    SortOrder["Ascending"] = "asc";
    SortOrder["Descending"] = "desc";
    SortOrder["None"] = "none";
})(SortOrder || (exports.SortOrder = SortOrder = {}));
const defaultSortOrder = () => (SortOrder.Ascending);
exports.defaultSortOrder = defaultSortOrder;
const defaultOptionsWithLegend = () => ({
    legend: (0, exports.defaultVizLegendOptions)(),
});
exports.defaultOptionsWithLegend = defaultOptionsWithLegend;
const defaultVizLegendOptions = () => ({
    displayMode: LegendDisplayMode.List,
    placement: LegendPlacement.Bottom,
    showLegend: false,
    calcs: [],
});
exports.defaultVizLegendOptions = defaultVizLegendOptions;
const defaultOptionsWithTimezones = () => ({});
exports.defaultOptionsWithTimezones = defaultOptionsWithTimezones;
const defaultTimeZone = () => ("browser");
exports.defaultTimeZone = defaultTimeZone;
const defaultOptionsWithTextFormatting = () => ({});
exports.defaultOptionsWithTextFormatting = defaultOptionsWithTextFormatting;
/**
 * TODO docs
 */
var BigValueColorMode;
(function (BigValueColorMode) {
    BigValueColorMode["Value"] = "value";
    BigValueColorMode["Background"] = "background";
    BigValueColorMode["BackgroundSolid"] = "background_solid";
    BigValueColorMode["None"] = "none";
})(BigValueColorMode || (exports.BigValueColorMode = BigValueColorMode = {}));
const defaultBigValueColorMode = () => (BigValueColorMode.Value);
exports.defaultBigValueColorMode = defaultBigValueColorMode;
/**
 * TODO docs
 */
var BigValueGraphMode;
(function (BigValueGraphMode) {
    BigValueGraphMode["None"] = "none";
    BigValueGraphMode["Line"] = "line";
    BigValueGraphMode["Area"] = "area";
})(BigValueGraphMode || (exports.BigValueGraphMode = BigValueGraphMode = {}));
const defaultBigValueGraphMode = () => (BigValueGraphMode.None);
exports.defaultBigValueGraphMode = defaultBigValueGraphMode;
/**
 * TODO docs
 */
var BigValueJustifyMode;
(function (BigValueJustifyMode) {
    BigValueJustifyMode["Auto"] = "auto";
    BigValueJustifyMode["Center"] = "center";
})(BigValueJustifyMode || (exports.BigValueJustifyMode = BigValueJustifyMode = {}));
const defaultBigValueJustifyMode = () => (BigValueJustifyMode.Auto);
exports.defaultBigValueJustifyMode = defaultBigValueJustifyMode;
/**
 * TODO docs
 */
var BigValueTextMode;
(function (BigValueTextMode) {
    BigValueTextMode["Auto"] = "auto";
    BigValueTextMode["Value"] = "value";
    BigValueTextMode["ValueAndName"] = "value_and_name";
    BigValueTextMode["Name"] = "name";
    BigValueTextMode["None"] = "none";
})(BigValueTextMode || (exports.BigValueTextMode = BigValueTextMode = {}));
const defaultBigValueTextMode = () => (BigValueTextMode.Auto);
exports.defaultBigValueTextMode = defaultBigValueTextMode;
/**
 * TODO docs
 */
var PercentChangeColorMode;
(function (PercentChangeColorMode) {
    PercentChangeColorMode["Standard"] = "standard";
    PercentChangeColorMode["Inverted"] = "inverted";
    PercentChangeColorMode["SameAsValue"] = "same_as_value";
})(PercentChangeColorMode || (exports.PercentChangeColorMode = PercentChangeColorMode = {}));
const defaultPercentChangeColorMode = () => (PercentChangeColorMode.Standard);
exports.defaultPercentChangeColorMode = defaultPercentChangeColorMode;
/**
 * TODO -- should not be table specific!
 * TODO docs
 */
var FieldTextAlignment;
(function (FieldTextAlignment) {
    FieldTextAlignment["Auto"] = "auto";
    FieldTextAlignment["Left"] = "left";
    FieldTextAlignment["Right"] = "right";
    FieldTextAlignment["Center"] = "center";
})(FieldTextAlignment || (exports.FieldTextAlignment = FieldTextAlignment = {}));
const defaultFieldTextAlignment = () => (FieldTextAlignment.Auto);
exports.defaultFieldTextAlignment = defaultFieldTextAlignment;
/**
 * Controls the value alignment in the TimelineChart component
 */
var TimelineValueAlignment;
(function (TimelineValueAlignment) {
    TimelineValueAlignment["Center"] = "center";
    TimelineValueAlignment["Left"] = "left";
    TimelineValueAlignment["Right"] = "right";
})(TimelineValueAlignment || (exports.TimelineValueAlignment = TimelineValueAlignment = {}));
const defaultTimelineValueAlignment = () => (TimelineValueAlignment.Center);
exports.defaultTimelineValueAlignment = defaultTimelineValueAlignment;
const defaultGraphFieldConfig = () => ({});
exports.defaultGraphFieldConfig = defaultGraphFieldConfig;
/**
 * Enum expressing the possible display modes
 * for the bar gauge component of Grafana UI
 */
var BarGaugeDisplayMode;
(function (BarGaugeDisplayMode) {
    BarGaugeDisplayMode["Basic"] = "basic";
    BarGaugeDisplayMode["Lcd"] = "lcd";
    BarGaugeDisplayMode["Gradient"] = "gradient";
})(BarGaugeDisplayMode || (exports.BarGaugeDisplayMode = BarGaugeDisplayMode = {}));
const defaultBarGaugeDisplayMode = () => (BarGaugeDisplayMode.Basic);
exports.defaultBarGaugeDisplayMode = defaultBarGaugeDisplayMode;
/**
 * Allows for the table cell gauge display type to set the gauge mode.
 */
var BarGaugeValueMode;
(function (BarGaugeValueMode) {
    BarGaugeValueMode["Color"] = "color";
    BarGaugeValueMode["Text"] = "text";
    BarGaugeValueMode["Hidden"] = "hidden";
})(BarGaugeValueMode || (exports.BarGaugeValueMode = BarGaugeValueMode = {}));
const defaultBarGaugeValueMode = () => (BarGaugeValueMode.Color);
exports.defaultBarGaugeValueMode = defaultBarGaugeValueMode;
/**
 * Allows for the bar gauge name to be placed explicitly
 */
var BarGaugeNamePlacement;
(function (BarGaugeNamePlacement) {
    BarGaugeNamePlacement["Auto"] = "auto";
    BarGaugeNamePlacement["Top"] = "top";
    BarGaugeNamePlacement["Left"] = "left";
    BarGaugeNamePlacement["Hidden"] = "hidden";
})(BarGaugeNamePlacement || (exports.BarGaugeNamePlacement = BarGaugeNamePlacement = {}));
const defaultBarGaugeNamePlacement = () => (BarGaugeNamePlacement.Auto);
exports.defaultBarGaugeNamePlacement = defaultBarGaugeNamePlacement;
/**
 * Allows for the bar gauge size to be set explicitly
 */
var BarGaugeSizing;
(function (BarGaugeSizing) {
    BarGaugeSizing["Auto"] = "auto";
    BarGaugeSizing["Manual"] = "manual";
})(BarGaugeSizing || (exports.BarGaugeSizing = BarGaugeSizing = {}));
const defaultBarGaugeSizing = () => (BarGaugeSizing.Auto);
exports.defaultBarGaugeSizing = defaultBarGaugeSizing;
const defaultLabels = () => ({});
exports.defaultLabels = defaultLabels;
/**
 * Internally, this is the "type" of cell that's being displayed
 * in the table such as colored text, JSON, gauge, etc.
 * The color-background-solid, gradient-gauge, and lcd-gauge
 * modes are deprecated in favor of new cell subOptions
 */
var TableCellDisplayMode;
(function (TableCellDisplayMode) {
    TableCellDisplayMode["Auto"] = "auto";
    TableCellDisplayMode["ColorText"] = "color-text";
    TableCellDisplayMode["ColorBackground"] = "color-background";
    TableCellDisplayMode["ColorBackgroundSolid"] = "color-background-solid";
    TableCellDisplayMode["GradientGauge"] = "gradient-gauge";
    TableCellDisplayMode["LcdGauge"] = "lcd-gauge";
    TableCellDisplayMode["JSONView"] = "json-view";
    TableCellDisplayMode["BasicGauge"] = "basic";
    TableCellDisplayMode["Image"] = "image";
    TableCellDisplayMode["Gauge"] = "gauge";
    TableCellDisplayMode["Sparkline"] = "sparkline";
    TableCellDisplayMode["DataLinks"] = "data-links";
    TableCellDisplayMode["Custom"] = "custom";
    TableCellDisplayMode["Actions"] = "actions";
})(TableCellDisplayMode || (exports.TableCellDisplayMode = TableCellDisplayMode = {}));
const defaultTableCellDisplayMode = () => (TableCellDisplayMode.Auto);
exports.defaultTableCellDisplayMode = defaultTableCellDisplayMode;
/**
 * Display mode to the "Colored Background" display
 * mode for table cells. Either displays a solid color (basic mode)
 * or a gradient.
 */
var TableCellBackgroundDisplayMode;
(function (TableCellBackgroundDisplayMode) {
    TableCellBackgroundDisplayMode["Basic"] = "basic";
    TableCellBackgroundDisplayMode["Gradient"] = "gradient";
})(TableCellBackgroundDisplayMode || (exports.TableCellBackgroundDisplayMode = TableCellBackgroundDisplayMode = {}));
const defaultTableCellBackgroundDisplayMode = () => (TableCellBackgroundDisplayMode.Basic);
exports.defaultTableCellBackgroundDisplayMode = defaultTableCellBackgroundDisplayMode;
const defaultTableSortByFieldState = () => ({
    displayName: "",
});
exports.defaultTableSortByFieldState = defaultTableSortByFieldState;
const defaultTableFooterOptions = () => ({
    show: false,
    reducer: [],
});
exports.defaultTableFooterOptions = defaultTableFooterOptions;
const defaultTableAutoCellOptions = () => ({
    type: TableCellDisplayMode.Auto,
});
exports.defaultTableAutoCellOptions = defaultTableAutoCellOptions;
const defaultTableColorTextCellOptions = () => ({
    type: TableCellDisplayMode.ColorText,
});
exports.defaultTableColorTextCellOptions = defaultTableColorTextCellOptions;
const defaultTableJsonViewCellOptions = () => ({
    type: TableCellDisplayMode.JSONView,
});
exports.defaultTableJsonViewCellOptions = defaultTableJsonViewCellOptions;
const defaultTableImageCellOptions = () => ({
    type: TableCellDisplayMode.Image,
});
exports.defaultTableImageCellOptions = defaultTableImageCellOptions;
const defaultTableDataLinksCellOptions = () => ({
    type: TableCellDisplayMode.DataLinks,
});
exports.defaultTableDataLinksCellOptions = defaultTableDataLinksCellOptions;
const defaultTableActionsCellOptions = () => ({
    type: TableCellDisplayMode.Actions,
});
exports.defaultTableActionsCellOptions = defaultTableActionsCellOptions;
const defaultTableBarGaugeCellOptions = () => ({
    type: TableCellDisplayMode.Gauge,
});
exports.defaultTableBarGaugeCellOptions = defaultTableBarGaugeCellOptions;
const defaultTableSparklineCellOptions = () => ({
    type: TableCellDisplayMode.Sparkline,
});
exports.defaultTableSparklineCellOptions = defaultTableSparklineCellOptions;
const defaultTableColoredBackgroundCellOptions = () => ({
    type: TableCellDisplayMode.ColorBackground,
});
exports.defaultTableColoredBackgroundCellOptions = defaultTableColoredBackgroundCellOptions;
/**
 * Height of a table cell
 */
var TableCellHeight;
(function (TableCellHeight) {
    TableCellHeight["Sm"] = "sm";
    TableCellHeight["Md"] = "md";
    TableCellHeight["Lg"] = "lg";
    TableCellHeight["Auto"] = "auto";
})(TableCellHeight || (exports.TableCellHeight = TableCellHeight = {}));
const defaultTableCellHeight = () => (TableCellHeight.Sm);
exports.defaultTableCellHeight = defaultTableCellHeight;
const defaultTableCellOptions = () => ((0, exports.defaultTableAutoCellOptions)());
exports.defaultTableCellOptions = defaultTableCellOptions;
/**
 * Optional formats for the template variable replace functions
 * See also https://grafana.com/docs/grafana/latest/dashboards/variables/variable-syntax/#advanced-variable-format-options
 */
var VariableFormatID;
(function (VariableFormatID) {
    VariableFormatID["Lucene"] = "lucene";
    VariableFormatID["Raw"] = "raw";
    VariableFormatID["Regex"] = "regex";
    VariableFormatID["Pipe"] = "pipe";
    VariableFormatID["Distributed"] = "distributed";
    VariableFormatID["CSV"] = "csv";
    VariableFormatID["HTML"] = "html";
    VariableFormatID["JSON"] = "json";
    VariableFormatID["PercentEncode"] = "percentencode";
    VariableFormatID["UriEncode"] = "uriencode";
    VariableFormatID["SingleQuote"] = "singlequote";
    VariableFormatID["DoubleQuote"] = "doublequote";
    VariableFormatID["SQLString"] = "sqlstring";
    VariableFormatID["Date"] = "date";
    VariableFormatID["Glob"] = "glob";
    VariableFormatID["Text"] = "text";
    VariableFormatID["QueryParam"] = "queryparam";
})(VariableFormatID || (exports.VariableFormatID = VariableFormatID = {}));
const defaultVariableFormatID = () => (VariableFormatID.Lucene);
exports.defaultVariableFormatID = defaultVariableFormatID;
const defaultDataSourceRef = () => ({});
exports.defaultDataSourceRef = defaultDataSourceRef;
const defaultResourceDimensionConfig = () => ({
    mode: ResourceDimensionMode.Fixed,
});
exports.defaultResourceDimensionConfig = defaultResourceDimensionConfig;
const defaultHeatmapCalculationOptions = () => ({});
exports.defaultHeatmapCalculationOptions = defaultHeatmapCalculationOptions;
var LogsDedupStrategy;
(function (LogsDedupStrategy) {
    LogsDedupStrategy["None"] = "none";
    LogsDedupStrategy["Exact"] = "exact";
    LogsDedupStrategy["Numbers"] = "numbers";
    LogsDedupStrategy["Signature"] = "signature";
})(LogsDedupStrategy || (exports.LogsDedupStrategy = LogsDedupStrategy = {}));
const defaultLogsDedupStrategy = () => (LogsDedupStrategy.None);
exports.defaultLogsDedupStrategy = defaultLogsDedupStrategy;
/**
 * Compare two values
 */
var ComparisonOperation;
(function (ComparisonOperation) {
    ComparisonOperation["EQ"] = "eq";
    ComparisonOperation["NEQ"] = "neq";
    ComparisonOperation["LT"] = "lt";
    ComparisonOperation["LTE"] = "lte";
    ComparisonOperation["GT"] = "gt";
    ComparisonOperation["GTE"] = "gte";
})(ComparisonOperation || (exports.ComparisonOperation = ComparisonOperation = {}));
const defaultComparisonOperation = () => (ComparisonOperation.EQ);
exports.defaultComparisonOperation = defaultComparisonOperation;
const defaultTableFieldOptions = () => ({
    align: FieldTextAlignment.Auto,
    inspect: false,
});
exports.defaultTableFieldOptions = defaultTableFieldOptions;
//# sourceMappingURL=types.gen.js.map

/***/ }),

/***/ 3604:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.VizLegendOptionsBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
/**
 * TODO docs
 */
class VizLegendOptionsBuilder {
    constructor() {
        this.internal = common.defaultVizLegendOptions();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    displayMode(displayMode) {
        this.internal.displayMode = displayMode;
        return this;
    }
    placement(placement) {
        this.internal.placement = placement;
        return this;
    }
    showLegend(showLegend) {
        this.internal.showLegend = showLegend;
        return this;
    }
    asTable(asTable) {
        this.internal.asTable = asTable;
        return this;
    }
    isVisible(isVisible) {
        this.internal.isVisible = isVisible;
        return this;
    }
    sortBy(sortBy) {
        this.internal.sortBy = sortBy;
        return this;
    }
    sortDesc(sortDesc) {
        this.internal.sortDesc = sortDesc;
        return this;
    }
    width(width) {
        this.internal.width = width;
        return this;
    }
    calcs(calcs) {
        this.internal.calcs = calcs;
        return this;
    }
}
exports.VizLegendOptionsBuilder = VizLegendOptionsBuilder;
//# sourceMappingURL=vizLegendOptionsBuilder.gen.js.map

/***/ }),

/***/ 3292:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.VizTextDisplayOptionsBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
/**
 * TODO docs
 */
class VizTextDisplayOptionsBuilder {
    constructor() {
        this.internal = common.defaultVizTextDisplayOptions();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Explicit title text size
    titleSize(titleSize) {
        this.internal.titleSize = titleSize;
        return this;
    }
    // Explicit value text size
    valueSize(valueSize) {
        this.internal.valueSize = valueSize;
        return this;
    }
    // Explicit percent text size
    percentSize(percentSize) {
        this.internal.percentSize = percentSize;
        return this;
    }
}
exports.VizTextDisplayOptionsBuilder = VizTextDisplayOptionsBuilder;
//# sourceMappingURL=vizTextDisplayOptionsBuilder.gen.js.map

/***/ }),

/***/ 5684:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.VizTooltipOptionsBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
/**
 * TODO docs
 */
class VizTooltipOptionsBuilder {
    constructor() {
        this.internal = common.defaultVizTooltipOptions();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    mode(mode) {
        this.internal.mode = mode;
        return this;
    }
    sort(sort) {
        this.internal.sort = sort;
        return this;
    }
    maxWidth(maxWidth) {
        this.internal.maxWidth = maxWidth;
        return this;
    }
    maxHeight(maxHeight) {
        this.internal.maxHeight = maxHeight;
        return this;
    }
    hideZeros(hideZeros) {
        this.internal.hideZeros = hideZeros;
        return this;
    }
}
exports.VizTooltipOptionsBuilder = VizTooltipOptionsBuilder;
//# sourceMappingURL=vizTooltipOptionsBuilder.gen.js.map

/***/ }),

/***/ 2065:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ActionBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboard = tslib_1.__importStar(__webpack_require__(4972));
/**
 * Dashboard action
 */
class ActionBuilder {
    constructor() {
        this.internal = dashboard.defaultAction();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    type(type) {
        this.internal.type = type;
        return this;
    }
    title(title) {
        this.internal.title = title;
        return this;
    }
    fetch(fetch) {
        const fetchResource = fetch.build();
        this.internal.fetch = fetchResource;
        return this;
    }
    infinity(infinity) {
        const infinityResource = infinity.build();
        this.internal.infinity = infinityResource;
        return this;
    }
    confirmation(confirmation) {
        this.internal.confirmation = confirmation;
        return this;
    }
    oneClick(oneClick) {
        this.internal.oneClick = oneClick;
        return this;
    }
    variables(variables) {
        const variablesResources = variables.map(builder1 => builder1.build());
        this.internal.variables = variablesResources;
        return this;
    }
    style(style) {
        this.internal.style = style;
        return this;
    }
}
exports.ActionBuilder = ActionBuilder;
//# sourceMappingURL=actionBuilder.gen.js.map

/***/ }),

/***/ 4117:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ActionVariableBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboard = tslib_1.__importStar(__webpack_require__(4972));
class ActionVariableBuilder {
    constructor() {
        this.internal = dashboard.defaultActionVariable();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    key(key) {
        this.internal.key = key;
        return this;
    }
    name(name) {
        this.internal.name = name;
        return this;
    }
}
exports.ActionVariableBuilder = ActionVariableBuilder;
//# sourceMappingURL=actionVariableBuilder.gen.js.map

/***/ }),

/***/ 1258:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.AdHocVariableBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboard = tslib_1.__importStar(__webpack_require__(4972));
/**
 * A variable is a placeholder for a value. You can use variables in metric queries and in panel titles.
 */
class AdHocVariableBuilder {
    constructor(name) {
        this.internal = dashboard.defaultVariableModel();
        this.internal.name = name;
        this.internal.type = dashboard.VariableType.Adhoc;
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Name of variable
    name(name) {
        this.internal.name = name;
        return this;
    }
    // Optional display name
    label(label) {
        this.internal.label = label;
        return this;
    }
    // Visibility configuration for the variable
    hide(hide) {
        this.internal.hide = hide;
        return this;
    }
    // Description of variable. It can be defined but `null`.
    description(description) {
        this.internal.description = description;
        return this;
    }
    // Data source used to fetch values for a variable. It can be defined but `null`.
    datasource(datasource) {
        this.internal.datasource = datasource;
        return this;
    }
    // Allow custom values to be entered in the variable
    allowCustomValue(allowCustomValue) {
        this.internal.allowCustomValue = allowCustomValue;
        return this;
    }
    // Additional static options for query variable
    staticOptions(staticOptions) {
        this.internal.staticOptions = staticOptions;
        return this;
    }
    // Ordering of static options in relation to options returned from data source for query variable
    staticOptionsOrder(staticOptionsOrder) {
        this.internal.staticOptionsOrder = staticOptionsOrder;
        return this;
    }
    definition(definition) {
        this.internal.definition = definition;
        return this;
    }
}
exports.AdHocVariableBuilder = AdHocVariableBuilder;
//# sourceMappingURL=adHocVariableBuilder.gen.js.map

/***/ }),

/***/ 9541:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.AnnotationActionsBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboard = tslib_1.__importStar(__webpack_require__(4972));
/**
 * +k8s:deepcopy-gen=true
 */
class AnnotationActionsBuilder {
    constructor() {
        this.internal = dashboard.defaultAnnotationActions();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    canAdd(canAdd) {
        this.internal.canAdd = canAdd;
        return this;
    }
    canDelete(canDelete) {
        this.internal.canDelete = canDelete;
        return this;
    }
    canEdit(canEdit) {
        this.internal.canEdit = canEdit;
        return this;
    }
}
exports.AnnotationActionsBuilder = AnnotationActionsBuilder;
//# sourceMappingURL=annotationActionsBuilder.gen.js.map

/***/ }),

/***/ 6838:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.AnnotationEventFieldMappingBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboard = tslib_1.__importStar(__webpack_require__(4972));
/**
 * Annotation event field mapping. Defines how to map a data frame field to an annotation event field.
 */
class AnnotationEventFieldMappingBuilder {
    constructor() {
        this.internal = dashboard.defaultAnnotationEventFieldMapping();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Source type for the field value.
    source(source) {
        this.internal.source = source;
        return this;
    }
    // Constant value to use when source is "text".
    value(value) {
        this.internal.value = value;
        return this;
    }
    // Regular expression to apply to the field value.
    regex(regex) {
        this.internal.regex = regex;
        return this;
    }
}
exports.AnnotationEventFieldMappingBuilder = AnnotationEventFieldMappingBuilder;
//# sourceMappingURL=annotationEventFieldMappingBuilder.gen.js.map

/***/ }),

/***/ 6160:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.AnnotationPanelFilterBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboard = tslib_1.__importStar(__webpack_require__(4972));
class AnnotationPanelFilterBuilder {
    constructor() {
        this.internal = dashboard.defaultAnnotationPanelFilter();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Should the specified panels be included or excluded
    exclude(exclude) {
        this.internal.exclude = exclude;
        return this;
    }
    // Panel IDs that should be included or excluded
    ids(ids) {
        this.internal.ids = ids;
        return this;
    }
}
exports.AnnotationPanelFilterBuilder = AnnotationPanelFilterBuilder;
//# sourceMappingURL=annotationPanelFilterBuilder.gen.js.map

/***/ }),

/***/ 1057:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.AnnotationPermissionBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboard = tslib_1.__importStar(__webpack_require__(4972));
/**
 * +k8s:deepcopy-gen=true
 */
class AnnotationPermissionBuilder {
    constructor() {
        this.internal = dashboard.defaultAnnotationPermission();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // +k8s:deepcopy-gen=true
    dashboard(dashboard) {
        const dashboardResource = dashboard.build();
        this.internal.dashboard = dashboardResource;
        return this;
    }
}
exports.AnnotationPermissionBuilder = AnnotationPermissionBuilder;
//# sourceMappingURL=annotationPermissionBuilder.gen.js.map

/***/ }),

/***/ 9948:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.AnnotationQueryBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboard = tslib_1.__importStar(__webpack_require__(4972));
/**
 * TODO docs
 * FROM: AnnotationQuery in grafana-data/src/types/annotations.ts
 */
class AnnotationQueryBuilder {
    constructor() {
        this.internal = dashboard.defaultAnnotationQuery();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Name of annotation.
    name(name) {
        this.internal.name = name;
        return this;
    }
    // Datasource where the annotations data is
    datasource(datasource) {
        this.internal.datasource = datasource;
        return this;
    }
    // When enabled the annotation query is issued with every dashboard refresh
    enable(enable) {
        this.internal.enable = enable;
        return this;
    }
    // Annotation queries can be toggled on or off at the top of the dashboard.
    // When hide is true, the toggle is not shown in the dashboard.
    hide(hide) {
        this.internal.hide = hide;
        return this;
    }
    // Color to use for the annotation event markers
    iconColor(iconColor) {
        this.internal.iconColor = iconColor;
        return this;
    }
    // Filters to apply when fetching annotations
    filter(filter) {
        const filterResource = filter.build();
        this.internal.filter = filterResource;
        return this;
    }
    // TODO.. this should just be a normal query target
    target(target) {
        const targetResource = target.build();
        this.internal.target = targetResource;
        return this;
    }
    // TODO -- this should not exist here, it is based on the --grafana-- datasource
    type(type) {
        this.internal.type = type;
        return this;
    }
    // Set to 1 for the standard annotation query all dashboards have by default.
    builtIn(builtIn) {
        this.internal.builtIn = builtIn;
        return this;
    }
    // Placement can be used to display the annotation query somewhere else on the dashboard other than the default location.
    placement(placement) {
        this.internal.placement = placement;
        return this;
    }
    expr(expr) {
        this.internal.expr = expr;
        return this;
    }
    // Format for Prometheus annotation text. Label values can be interpolated with templates like {{instance}}.
    textFormat(textFormat) {
        this.internal.textFormat = textFormat;
        return this;
    }
    // Format for Prometheus and Loki annotation titles. Label values can be interpolated with templates like {{instance}}.
    titleFormat(titleFormat) {
        this.internal.titleFormat = titleFormat;
        return this;
    }
    // Comma-separated label keys used as annotation tags.
    tagKeys(tagKeys) {
        this.internal.tagKeys = tagKeys;
        return this;
    }
    // Legacy Prometheus annotation query step interval.
    step(step) {
        this.internal.step = step;
        return this;
    }
    // Use the Prometheus series value as the annotation timestamp.
    useValueForTime(useValueForTime) {
        this.internal.useValueForTime = useValueForTime;
        return this;
    }
    // Mappings define how to convert data frame fields to annotation event fields.
    mappings(mappings) {
        const mappingsResource = (function () {
            let results1 = {};
            for (const key1 in mappings) {
                const val1 = mappings[key1];
                results1[key1] = val1.build();
            }
            return results1;
        }());
        this.internal.mappings = mappingsResource;
        return this;
    }
}
exports.AnnotationQueryBuilder = AnnotationQueryBuilder;
//# sourceMappingURL=annotationQueryBuilder.gen.js.map

/***/ }),

/***/ 6607:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.AnnotationTargetBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboard = tslib_1.__importStar(__webpack_require__(4972));
/**
 * TODO: this should be a regular DataQuery that depends on the selected dashboard
 * these match the properties of the "grafana" datasouce that is default in most dashboards
 */
class AnnotationTargetBuilder {
    constructor() {
        this.internal = dashboard.defaultAnnotationTarget();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Only required/valid for the grafana datasource...
    // but code+tests is already depending on it so hard to change
    limit(limit) {
        this.internal.limit = limit;
        return this;
    }
    // Only required/valid for the grafana datasource...
    // but code+tests is already depending on it so hard to change
    matchAny(matchAny) {
        this.internal.matchAny = matchAny;
        return this;
    }
    // Only required/valid for the grafana datasource...
    // but code+tests is already depending on it so hard to change
    tags(tags) {
        this.internal.tags = tags;
        return this;
    }
    // Only required/valid for the grafana datasource...
    // but code+tests is already depending on it so hard to change
    type(type) {
        this.internal.type = type;
        return this;
    }
}
exports.AnnotationTargetBuilder = AnnotationTargetBuilder;
//# sourceMappingURL=annotationTargetBuilder.gen.js.map

/***/ }),

/***/ 6387:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ConstantVariableBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboard = tslib_1.__importStar(__webpack_require__(4972));
/**
 * A variable is a placeholder for a value. You can use variables in metric queries and in panel titles.
 */
class ConstantVariableBuilder {
    constructor(name) {
        this.internal = dashboard.defaultVariableModel();
        this.internal.name = name;
        this.internal.type = dashboard.VariableType.Constant;
        this.internal.hide = dashboard.VariableHide.HideVariable;
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Name of variable
    name(name) {
        this.internal.name = name;
        return this;
    }
    // Optional display name
    label(label) {
        this.internal.label = label;
        return this;
    }
    // Description of variable. It can be defined but `null`.
    description(description) {
        this.internal.description = description;
        return this;
    }
    // Query used to fetch values for a variable
    value(query) {
        this.internal.query = query;
        return this;
    }
    // Allow custom values to be entered in the variable
    allowCustomValue(allowCustomValue) {
        this.internal.allowCustomValue = allowCustomValue;
        return this;
    }
    // Additional static options for query variable
    staticOptions(staticOptions) {
        this.internal.staticOptions = staticOptions;
        return this;
    }
    // Ordering of static options in relation to options returned from data source for query variable
    staticOptionsOrder(staticOptionsOrder) {
        this.internal.staticOptionsOrder = staticOptionsOrder;
        return this;
    }
    definition(definition) {
        this.internal.definition = definition;
        return this;
    }
}
exports.ConstantVariableBuilder = ConstantVariableBuilder;
//# sourceMappingURL=constantVariableBuilder.gen.js.map

/***/ }),

/***/ 1686:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.CustomVariableBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboard = tslib_1.__importStar(__webpack_require__(4972));
/**
 * A variable is a placeholder for a value. You can use variables in metric queries and in panel titles.
 */
class CustomVariableBuilder {
    constructor(name) {
        this.internal = dashboard.defaultVariableModel();
        this.internal.name = name;
        this.internal.type = dashboard.VariableType.Custom;
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Name of variable
    name(name) {
        this.internal.name = name;
        return this;
    }
    // Optional display name
    label(label) {
        this.internal.label = label;
        return this;
    }
    // Visibility configuration for the variable
    hide(hide) {
        this.internal.hide = hide;
        return this;
    }
    // Description of variable. It can be defined but `null`.
    description(description) {
        this.internal.description = description;
        return this;
    }
    // Query used to fetch values for a variable
    values(query) {
        this.internal.query = query;
        return this;
    }
    // Shows current selected variable text/value on the dashboard
    current(current) {
        this.internal.current = current;
        return this;
    }
    // Whether multiple values can be selected or not from variable value list
    multi(multi) {
        this.internal.multi = multi;
        return this;
    }
    // Allow custom values to be entered in the variable
    allowCustomValue(allowCustomValue) {
        this.internal.allowCustomValue = allowCustomValue;
        return this;
    }
    // Options that can be selected for a variable.
    options(options) {
        this.internal.options = options;
        return this;
    }
    // Whether all value option is available or not
    includeAll(includeAll) {
        this.internal.includeAll = includeAll;
        return this;
    }
    // Custom all value
    allValue(allValue) {
        this.internal.allValue = allValue;
        return this;
    }
    // Additional static options for query variable
    staticOptions(staticOptions) {
        this.internal.staticOptions = staticOptions;
        return this;
    }
    // Ordering of static options in relation to options returned from data source for query variable
    staticOptionsOrder(staticOptionsOrder) {
        this.internal.staticOptionsOrder = staticOptionsOrder;
        return this;
    }
    definition(definition) {
        this.internal.definition = definition;
        return this;
    }
}
exports.CustomVariableBuilder = CustomVariableBuilder;
//# sourceMappingURL=customVariableBuilder.gen.js.map

/***/ }),

/***/ 381:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DashboardBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboard = tslib_1.__importStar(__webpack_require__(4972));
/**
 * @deprecated Prefer using dashboardv2.Dashboard instead.
 */
class DashboardBuilder {
    constructor(title) {
        this.currentY = 0;
        this.currentX = 0;
        this.lastPanelHeight = 0;
        this.internal = dashboard.defaultDashboard();
        this.internal.title = title;
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Unique numeric identifier for the dashboard.
    // `id` is internal to a specific Grafana instance. `uid` should be used to identify a dashboard across Grafana instances.
    // TODO eliminate this null option
    id(id) {
        this.internal.id = id;
        return this;
    }
    // Unique dashboard identifier that can be generated by anyone. string (8-40)
    uid(uid) {
        this.internal.uid = uid;
        return this;
    }
    // Title of dashboard.
    title(title) {
        this.internal.title = title;
        return this;
    }
    // Description of dashboard.
    description(description) {
        this.internal.description = description;
        return this;
    }
    // This property should only be used in dashboards defined by plugins.  It is a quick check
    // to see if the version has changed since the last time.
    revision(revision) {
        this.internal.revision = revision;
        return this;
    }
    // ID of a dashboard imported from the https://grafana.com/grafana/dashboards/ portal
    gnetId(gnetId) {
        this.internal.gnetId = gnetId;
        return this;
    }
    // Tags associated with dashboard.
    tags(tags) {
        this.internal.tags = tags;
        return this;
    }
    // Timezone of dashboard. Accepted values are IANA TZDB zone ID or "browser" or "utc".
    timezone(timezone) {
        this.internal.timezone = timezone;
        return this;
    }
    // Whether a dashboard is editable or not.
    editable() {
        this.internal.editable = true;
        return this;
    }
    // Whether a dashboard is editable or not.
    readonly() {
        this.internal.editable = false;
        return this;
    }
    // Configuration of dashboard cursor sync behavior.
    // Accepted values are 0 (sync turned off), 1 (shared crosshair), 2 (shared crosshair and tooltip).
    tooltip(graphTooltip) {
        this.internal.graphTooltip = graphTooltip;
        return this;
    }
    // Time range for dashboard.
    // Accepted values are relative time strings like {from: 'now-6h', to: 'now'} or absolute time strings like {from: '2020-07-10T08:00:00.000Z', to: '2020-07-10T14:00:00.000Z'}.
    time(time) {
        this.internal.time = time;
        return this;
    }
    // Configuration of the time picker shown at the top of a dashboard.
    timepicker(timepicker) {
        const timepickerResource = timepicker.build();
        this.internal.timepicker = timepickerResource;
        return this;
    }
    // The month that the fiscal year starts on.  0 = January, 11 = December
    fiscalYearStartMonth(fiscalYearStartMonth) {
        if (!(fiscalYearStartMonth < 12)) {
            throw new Error("fiscalYearStartMonth must be < 12");
        }
        this.internal.fiscalYearStartMonth = fiscalYearStartMonth;
        return this;
    }
    // When set to true, the dashboard will redraw panels at an interval matching the pixel width.
    // This will keep data "moving left" regardless of the query refresh rate. This setting helps
    // avoid dashboards presenting stale live data
    liveNow(liveNow) {
        this.internal.liveNow = liveNow;
        return this;
    }
    // Day when the week starts. Expressed by the name of the day in lowercase, e.g. "monday".
    weekStart(weekStart) {
        this.internal.weekStart = weekStart;
        return this;
    }
    // Refresh rate of dashboard. Represented via interval string, e.g. "5s", "1m", "1h", "1d".
    refresh(refresh) {
        this.internal.refresh = refresh;
        return this;
    }
    // Version of the dashboard, incremented each time the dashboard is updated.
    version(version) {
        this.internal.version = version;
        return this;
    }
    withPanel(panel) {
        if (!this.internal.panels) {
            this.internal.panels = [];
        }
        const panelResource = panel.build();
        if (!panelResource.gridPos) {
            panelResource.gridPos = dashboard.defaultGridPos();
        }
        // The panel either has no position set, or it is the first panel of the dashboard.
        // In that case, we position it on the grid
        if (panelResource.gridPos.x == 0 && panelResource.gridPos.y == 0) {
            panelResource.gridPos.x = this.currentX;
            panelResource.gridPos.y = this.currentY;
        }
        this.internal.panels.push(panelResource);
        // Prepare the coordinates for the next panel
        this.currentX += panelResource.gridPos.w;
        this.lastPanelHeight = Math.max(this.lastPanelHeight, panelResource.gridPos.h);
        // Check for grid width overflow?
        if (this.currentX >= 24) {
            this.currentX = 0;
            this.currentY += this.lastPanelHeight;
            this.lastPanelHeight = 0;
        }
        return this;
    }
    withRow(rowPanel) {
        if (!this.internal.panels) {
            this.internal.panels = [];
        }
        const rowPanelResource = rowPanel.build();
        // Position the row on the grid
        if (!rowPanelResource.gridPos || (rowPanelResource.gridPos.x == 0 && rowPanelResource.gridPos.y == 0)) {
            rowPanelResource.gridPos = {
                x: 0, // beginning of the line
                y: this.currentY + this.lastPanelHeight,
                h: 1,
                w: 24, // full width
            };
        }
        this.internal.panels.push(rowPanelResource);
        // Reset the state for the next row
        this.currentX = 0;
        this.currentY = rowPanelResource.gridPos.y + 1;
        this.lastPanelHeight = 0;
        // Position the row's panels on the grid
        rowPanelResource.panels.forEach(panel => {
            if (!panel.gridPos) {
                panel.gridPos = dashboard.defaultGridPos();
            }
            // The panel either has no position set, or it is the first panel of the dashboard.
            // In that case, we position it on the grid
            if (panel.gridPos.x == 0 && panel.gridPos.y == 0) {
                panel.gridPos.x = this.currentX;
                panel.gridPos.y = this.currentY;
            }
            // Prepare the coordinates for the next panel
            this.currentX += panel.gridPos.w;
            this.lastPanelHeight = Math.max(this.lastPanelHeight, panel.gridPos.h);
            // Check for grid width overflow?
            if (this.currentX >= 24) {
                this.currentX = 0;
                this.currentY += this.lastPanelHeight;
                this.lastPanelHeight = 0;
            }
        });
        return this;
    }
    // Configured template variables
    variables(variables) {
        if (!this.internal.templating) {
            this.internal.templating = {};
        }
        const variablesResources = variables.map(builder1 => builder1.build());
        this.internal.templating.list = variablesResources;
        return this;
    }
    // Configured template variables
    withVariable(variable) {
        if (!this.internal.templating) {
            this.internal.templating = {};
        }
        if (!this.internal.templating.list) {
            this.internal.templating.list = [];
        }
        const variableResource = variable.build();
        this.internal.templating.list.push(variableResource);
        return this;
    }
    // Contains the list of annotations that are associated with the dashboard.
    // Annotations are used to overlay event markers and overlay event tags on graphs.
    // Grafana comes with a native annotation store and the ability to add annotation events directly from the graph panel or via the HTTP API.
    // See https://grafana.com/docs/grafana/latest/dashboards/build-dashboards/annotate-visualizations/
    annotations(annotations) {
        if (!this.internal.annotations) {
            this.internal.annotations = dashboard.defaultAnnotationContainer();
        }
        const annotationsResources = annotations.map(builder1 => builder1.build());
        this.internal.annotations.list = annotationsResources;
        return this;
    }
    // Contains the list of annotations that are associated with the dashboard.
    // Annotations are used to overlay event markers and overlay event tags on graphs.
    // Grafana comes with a native annotation store and the ability to add annotation events directly from the graph panel or via the HTTP API.
    // See https://grafana.com/docs/grafana/latest/dashboards/build-dashboards/annotate-visualizations/
    annotation(annotation) {
        if (!this.internal.annotations) {
            this.internal.annotations = dashboard.defaultAnnotationContainer();
        }
        if (!this.internal.annotations.list) {
            this.internal.annotations.list = [];
        }
        const annotationResource = annotation.build();
        this.internal.annotations.list.push(annotationResource);
        return this;
    }
    // Links with references to other dashboards or external websites.
    links(links) {
        const linksResources = links.map(builder1 => builder1.build());
        this.internal.links = linksResources;
        return this;
    }
    // Links with references to other dashboards or external websites.
    link(link) {
        if (!this.internal.links) {
            this.internal.links = [];
        }
        const linkResource = link.build();
        this.internal.links.push(linkResource);
        return this;
    }
    // Snapshot options. They are present only if the dashboard is a snapshot.
    snapshot(snapshot) {
        const snapshotResource = snapshot.build();
        this.internal.snapshot = snapshotResource;
        return this;
    }
    // When set to true, the dashboard will load all panels in the dashboard when it's loaded.
    preload(preload) {
        this.internal.preload = preload;
        return this;
    }
}
exports.DashboardBuilder = DashboardBuilder;
//# sourceMappingURL=dashboardBuilder.gen.js.map

/***/ }),

/***/ 561:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DashboardLinkBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboard = tslib_1.__importStar(__webpack_require__(4972));
/**
 * Links with references to other dashboards or external resources
 */
class DashboardLinkBuilder {
    constructor(title) {
        this.internal = dashboard.defaultDashboardLink();
        this.internal.title = title;
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Title to display with the link
    title(title) {
        this.internal.title = title;
        return this;
    }
    // Link type. Accepted values are dashboards (to refer to another dashboard) and link (to refer to an external resource)
    type(type) {
        this.internal.type = type;
        return this;
    }
    // Icon name to be displayed with the link
    icon(icon) {
        this.internal.icon = icon;
        return this;
    }
    // Tooltip to display when the user hovers their mouse over it
    tooltip(tooltip) {
        this.internal.tooltip = tooltip;
        return this;
    }
    // Link URL. Only required/valid if the type is link
    url(url) {
        this.internal.url = url;
        return this;
    }
    // List of tags to limit the linked dashboards. If empty, all dashboards will be displayed. Only valid if the type is dashboards
    tags(tags) {
        this.internal.tags = tags;
        return this;
    }
    // If true, all dashboards links will be displayed in a dropdown. If false, all dashboards links will be displayed side by side. Only valid if the type is dashboards
    asDropdown(asDropdown) {
        this.internal.asDropdown = asDropdown;
        return this;
    }
    // Placement can be used to display the link somewhere else on the dashboard other than above the visualisations.
    placement(placement) {
        this.internal.placement = placement;
        return this;
    }
    // If true, the link will be opened in a new tab
    targetBlank(targetBlank) {
        this.internal.targetBlank = targetBlank;
        return this;
    }
    // If true, includes current template variables values in the link as query params
    includeVars(includeVars) {
        this.internal.includeVars = includeVars;
        return this;
    }
    // If true, includes current time range in the link as query params
    keepTime(keepTime) {
        this.internal.keepTime = keepTime;
        return this;
    }
}
exports.DashboardLinkBuilder = DashboardLinkBuilder;
//# sourceMappingURL=dashboardLinkBuilder.gen.js.map

/***/ }),

/***/ 754:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DashboardMetaBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboard = tslib_1.__importStar(__webpack_require__(4972));
class DashboardMetaBuilder {
    constructor() {
        this.internal = dashboard.defaultDashboardMeta();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // +k8s:deepcopy-gen=true
    annotationsPermissions(annotationsPermissions) {
        const annotationsPermissionsResource = annotationsPermissions.build();
        this.internal.annotationsPermissions = annotationsPermissionsResource;
        return this;
    }
    apiVersion(apiVersion) {
        this.internal.apiVersion = apiVersion;
        return this;
    }
    canAdmin(canAdmin) {
        this.internal.canAdmin = canAdmin;
        return this;
    }
    canDelete(canDelete) {
        this.internal.canDelete = canDelete;
        return this;
    }
    canEdit(canEdit) {
        this.internal.canEdit = canEdit;
        return this;
    }
    canSave(canSave) {
        this.internal.canSave = canSave;
        return this;
    }
    canStar(canStar) {
        this.internal.canStar = canStar;
        return this;
    }
    created(created) {
        this.internal.created = created;
        return this;
    }
    createdBy(createdBy) {
        this.internal.createdBy = createdBy;
        return this;
    }
    expires(expires) {
        this.internal.expires = expires;
        return this;
    }
    // Deprecated: use FolderUID instead
    folderId(folderId) {
        this.internal.folderId = folderId;
        return this;
    }
    folderTitle(folderTitle) {
        this.internal.folderTitle = folderTitle;
        return this;
    }
    folderUid(folderUid) {
        this.internal.folderUid = folderUid;
        return this;
    }
    folderUrl(folderUrl) {
        this.internal.folderUrl = folderUrl;
        return this;
    }
    hasAcl(hasAcl) {
        this.internal.hasAcl = hasAcl;
        return this;
    }
    isFolder(isFolder) {
        this.internal.isFolder = isFolder;
        return this;
    }
    isSnapshot(isSnapshot) {
        this.internal.isSnapshot = isSnapshot;
        return this;
    }
    provisioned(provisioned) {
        this.internal.provisioned = provisioned;
        return this;
    }
    provisionedExternalId(provisionedExternalId) {
        this.internal.provisionedExternalId = provisionedExternalId;
        return this;
    }
    publicDashboardEnabled(publicDashboardEnabled) {
        this.internal.publicDashboardEnabled = publicDashboardEnabled;
        return this;
    }
    slug(slug) {
        this.internal.slug = slug;
        return this;
    }
    type(type) {
        this.internal.type = type;
        return this;
    }
    updated(updated) {
        this.internal.updated = updated;
        return this;
    }
    updatedBy(updatedBy) {
        this.internal.updatedBy = updatedBy;
        return this;
    }
    url(url) {
        this.internal.url = url;
        return this;
    }
    version(version) {
        this.internal.version = version;
        return this;
    }
}
exports.DashboardMetaBuilder = DashboardMetaBuilder;
//# sourceMappingURL=dashboardMetaBuilder.gen.js.map

/***/ }),

/***/ 1336:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DatasourceVariableBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboard = tslib_1.__importStar(__webpack_require__(4972));
/**
 * A variable is a placeholder for a value. You can use variables in metric queries and in panel titles.
 */
class DatasourceVariableBuilder {
    constructor(name) {
        this.internal = dashboard.defaultVariableModel();
        this.internal.name = name;
        this.internal.type = dashboard.VariableType.Datasource;
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Name of variable
    name(name) {
        this.internal.name = name;
        return this;
    }
    // Optional display name
    label(label) {
        this.internal.label = label;
        return this;
    }
    // Visibility configuration for the variable
    hide(hide) {
        this.internal.hide = hide;
        return this;
    }
    // Description of variable. It can be defined but `null`.
    description(description) {
        this.internal.description = description;
        return this;
    }
    // Query used to fetch values for a variable
    type(query) {
        this.internal.query = query;
        return this;
    }
    // Shows current selected variable text/value on the dashboard
    current(current) {
        this.internal.current = current;
        return this;
    }
    // Whether multiple values can be selected or not from variable value list
    multi(multi) {
        this.internal.multi = multi;
        return this;
    }
    // Allow custom values to be entered in the variable
    allowCustomValue(allowCustomValue) {
        this.internal.allowCustomValue = allowCustomValue;
        return this;
    }
    // Whether all value option is available or not
    includeAll(includeAll) {
        this.internal.includeAll = includeAll;
        return this;
    }
    // Custom all value
    allValue(allValue) {
        this.internal.allValue = allValue;
        return this;
    }
    // Optional field, if you want to extract part of a series name or metric node segment.
    // Named capture groups can be used to separate the display text and value.
    regex(regex) {
        this.internal.regex = regex;
        return this;
    }
    // Additional static options for query variable
    staticOptions(staticOptions) {
        this.internal.staticOptions = staticOptions;
        return this;
    }
    // Ordering of static options in relation to options returned from data source for query variable
    staticOptionsOrder(staticOptionsOrder) {
        this.internal.staticOptionsOrder = staticOptionsOrder;
        return this;
    }
    definition(definition) {
        this.internal.definition = definition;
        return this;
    }
}
exports.DatasourceVariableBuilder = DatasourceVariableBuilder;
//# sourceMappingURL=datasourceVariableBuilder.gen.js.map

/***/ }),

/***/ 4185:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.FetchOptionsBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboard = tslib_1.__importStar(__webpack_require__(4972));
/**
 * Fetch options
 */
class FetchOptionsBuilder {
    constructor() {
        this.internal = dashboard.defaultFetchOptions();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    method(method) {
        this.internal.method = method;
        return this;
    }
    url(url) {
        this.internal.url = url;
        return this;
    }
    body(body) {
        this.internal.body = body;
        return this;
    }
    // These are 2D arrays of strings, each representing a key-value pair
    // We are defining this way because we can't generate a go struct that
    // that would have exactly two strings in each sub-array
    queryParams(queryParams) {
        this.internal.queryParams = queryParams;
        return this;
    }
    headers(headers) {
        this.internal.headers = headers;
        return this;
    }
}
exports.FetchOptionsBuilder = FetchOptionsBuilder;
//# sourceMappingURL=fetchOptionsBuilder.gen.js.map

/***/ }),

/***/ 2114:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.FieldColorBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboard = tslib_1.__importStar(__webpack_require__(4972));
/**
 * Map a field to a color.
 */
class FieldColorBuilder {
    constructor() {
        this.internal = dashboard.defaultFieldColor();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // The main color scheme mode.
    mode(mode) {
        this.internal.mode = mode;
        return this;
    }
    // The fixed color value for fixed or shades color modes.
    fixedColor(fixedColor) {
        this.internal.fixedColor = fixedColor;
        return this;
    }
    // Some visualizations need to know how to assign a series color from by value color schemes.
    seriesBy(seriesBy) {
        this.internal.seriesBy = seriesBy;
        return this;
    }
}
exports.FieldColorBuilder = FieldColorBuilder;
//# sourceMappingURL=fieldColorBuilder.gen.js.map

/***/ }),

/***/ 4972:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
const tslib_1 = __webpack_require__(1860);
tslib_1.__exportStar(__webpack_require__(3197), exports);
tslib_1.__exportStar(__webpack_require__(9541), exports);
tslib_1.__exportStar(__webpack_require__(1057), exports);
tslib_1.__exportStar(__webpack_require__(754), exports);
tslib_1.__exportStar(__webpack_require__(2539), exports);
tslib_1.__exportStar(__webpack_require__(8933), exports);
tslib_1.__exportStar(__webpack_require__(2114), exports);
tslib_1.__exportStar(__webpack_require__(2065), exports);
tslib_1.__exportStar(__webpack_require__(4185), exports);
tslib_1.__exportStar(__webpack_require__(2783), exports);
tslib_1.__exportStar(__webpack_require__(4117), exports);
tslib_1.__exportStar(__webpack_require__(9948), exports);
tslib_1.__exportStar(__webpack_require__(6160), exports);
tslib_1.__exportStar(__webpack_require__(6607), exports);
tslib_1.__exportStar(__webpack_require__(8827), exports);
tslib_1.__exportStar(__webpack_require__(6838), exports);
tslib_1.__exportStar(__webpack_require__(3018), exports);
tslib_1.__exportStar(__webpack_require__(9683), exports);
tslib_1.__exportStar(__webpack_require__(381), exports);
tslib_1.__exportStar(__webpack_require__(8173), exports);
tslib_1.__exportStar(__webpack_require__(561), exports);
tslib_1.__exportStar(__webpack_require__(97), exports);
tslib_1.__exportStar(__webpack_require__(1258), exports);
tslib_1.__exportStar(__webpack_require__(6387), exports);
tslib_1.__exportStar(__webpack_require__(1336), exports);
tslib_1.__exportStar(__webpack_require__(7096), exports);
tslib_1.__exportStar(__webpack_require__(4681), exports);
tslib_1.__exportStar(__webpack_require__(1686), exports);
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 2783:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.InfinityOptionsBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboard = tslib_1.__importStar(__webpack_require__(4972));
/**
 * Infinity options
 */
class InfinityOptionsBuilder {
    constructor() {
        this.internal = dashboard.defaultInfinityOptions();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    method(method) {
        this.internal.method = method;
        return this;
    }
    url(url) {
        this.internal.url = url;
        return this;
    }
    body(body) {
        this.internal.body = body;
        return this;
    }
    // These are 2D arrays of strings, each representing a key-value pair
    // We are defining them this way because we can't generate a go struct that
    // that would have exactly two strings in each sub-array
    queryParams(queryParams) {
        this.internal.queryParams = queryParams;
        return this;
    }
    headers(headers) {
        this.internal.headers = headers;
        return this;
    }
    datasourceUid(datasourceUid) {
        this.internal.datasourceUid = datasourceUid;
        return this;
    }
}
exports.InfinityOptionsBuilder = InfinityOptionsBuilder;
//# sourceMappingURL=infinityOptionsBuilder.gen.js.map

/***/ }),

/***/ 7096:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.IntervalVariableBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboard = tslib_1.__importStar(__webpack_require__(4972));
/**
 * A variable is a placeholder for a value. You can use variables in metric queries and in panel titles.
 */
class IntervalVariableBuilder {
    constructor(name) {
        this.internal = dashboard.defaultVariableModel();
        this.internal.name = name;
        this.internal.type = dashboard.VariableType.Interval;
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Name of variable
    name(name) {
        this.internal.name = name;
        return this;
    }
    // Optional display name
    label(label) {
        this.internal.label = label;
        return this;
    }
    // Visibility configuration for the variable
    hide(hide) {
        this.internal.hide = hide;
        return this;
    }
    // Description of variable. It can be defined but `null`.
    description(description) {
        this.internal.description = description;
        return this;
    }
    // Query used to fetch values for a variable
    values(query) {
        this.internal.query = query;
        return this;
    }
    // Shows current selected variable text/value on the dashboard
    current(current) {
        this.internal.current = current;
        return this;
    }
    // Allow custom values to be entered in the variable
    allowCustomValue(allowCustomValue) {
        this.internal.allowCustomValue = allowCustomValue;
        return this;
    }
    // Options that can be selected for a variable.
    options(options) {
        this.internal.options = options;
        return this;
    }
    // Additional static options for query variable
    staticOptions(staticOptions) {
        this.internal.staticOptions = staticOptions;
        return this;
    }
    // Ordering of static options in relation to options returned from data source for query variable
    staticOptionsOrder(staticOptionsOrder) {
        this.internal.staticOptionsOrder = staticOptionsOrder;
        return this;
    }
    // Dynamically calculates interval by dividing time range by the count specified.
    auto(auto) {
        this.internal.auto = auto;
        return this;
    }
    // The minimum threshold below which the step count intervals will not divide the time.
    minInterval(autoMin) {
        this.internal.auto_min = autoMin;
        return this;
    }
    // How many times the current time range should be divided to calculate the value, similar to the Max data points query option.
    // For example, if the current visible time range is 30 minutes, then the auto interval groups the data into 30 one-minute increments.
    stepCount(autoCount) {
        if (!(autoCount > 0)) {
            throw new Error("autoCount must be > 0");
        }
        this.internal.auto_count = autoCount;
        return this;
    }
    definition(definition) {
        this.internal.definition = definition;
        return this;
    }
}
exports.IntervalVariableBuilder = IntervalVariableBuilder;
//# sourceMappingURL=intervalVariableBuilder.gen.js.map

/***/ }),

/***/ 9683:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.PanelBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboard = tslib_1.__importStar(__webpack_require__(4972));
/**
 * Dashboard panels are the basic visualization building blocks.
 */
class PanelBuilder {
    constructor() {
        this.internal = dashboard.defaultPanel();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // The panel plugin type id. This is used to find the plugin to display the panel.
    type(type) {
        if (!(type.length >= 1)) {
            throw new Error("type.length must be >= 1");
        }
        this.internal.type = type;
        return this;
    }
    // Unique identifier of the panel. Generated by Grafana when creating a new panel. It must be unique within a dashboard, but not globally.
    id(id) {
        this.internal.id = id;
        return this;
    }
    // The version of the plugin that is used for this panel. This is used to find the plugin to display the panel and to migrate old panel configs.
    pluginVersion(pluginVersion) {
        this.internal.pluginVersion = pluginVersion;
        return this;
    }
    // Depends on the panel plugin. See the plugin documentation for details.
    targets(targets) {
        const targetsResources = targets.map(builder1 => builder1.build());
        this.internal.targets = targetsResources;
        return this;
    }
    // Depends on the panel plugin. See the plugin documentation for details.
    withTarget(target) {
        if (!this.internal.targets) {
            this.internal.targets = [];
        }
        const targetResource = target.build();
        this.internal.targets.push(targetResource);
        return this;
    }
    // Panel title.
    title(title) {
        this.internal.title = title;
        return this;
    }
    // Panel description.
    description(description) {
        this.internal.description = description;
        return this;
    }
    // Whether to display the panel without a background.
    transparent(transparent) {
        this.internal.transparent = transparent;
        return this;
    }
    // The datasource used in all targets.
    datasource(datasource) {
        this.internal.datasource = datasource;
        return this;
    }
    // Grid position.
    gridPos(gridPos) {
        this.internal.gridPos = gridPos;
        return this;
    }
    // Panel height. The height is the number of rows from the top edge of the panel.
    height(h) {
        if (!this.internal.gridPos) {
            this.internal.gridPos = dashboard.defaultGridPos();
        }
        if (!(h > 0)) {
            throw new Error("h must be > 0");
        }
        this.internal.gridPos.h = h;
        return this;
    }
    // Panel width. The width is the number of columns from the left edge of the panel.
    span(w) {
        if (!this.internal.gridPos) {
            this.internal.gridPos = dashboard.defaultGridPos();
        }
        if (!(w > 0)) {
            throw new Error("w must be > 0");
        }
        if (!(w <= 24)) {
            throw new Error("w must be <= 24");
        }
        this.internal.gridPos.w = w;
        return this;
    }
    // Panel links.
    links(links) {
        const linksResources = links.map(builder1 => builder1.build());
        this.internal.links = linksResources;
        return this;
    }
    // Name of template variable to repeat for.
    repeat(repeat) {
        this.internal.repeat = repeat;
        return this;
    }
    // Direction to repeat in if 'repeat' is set.
    // `h` for horizontal, `v` for vertical.
    repeatDirection(repeatDirection) {
        this.internal.repeatDirection = repeatDirection;
        return this;
    }
    // Option for repeated panels that controls max items per row
    // Only relevant for horizontally repeated panels
    maxPerRow(maxPerRow) {
        this.internal.maxPerRow = maxPerRow;
        return this;
    }
    // The maximum number of data points that the panel queries are retrieving.
    maxDataPoints(maxDataPoints) {
        this.internal.maxDataPoints = maxDataPoints;
        return this;
    }
    // List of transformations that are applied to the panel data before rendering.
    // When there are multiple transformations, Grafana applies them in the order they are listed.
    // Each transformation creates a result set that then passes on to the next transformation in the processing pipeline.
    transformations(transformations) {
        this.internal.transformations = transformations;
        return this;
    }
    // List of transformations that are applied to the panel data before rendering.
    // When there are multiple transformations, Grafana applies them in the order they are listed.
    // Each transformation creates a result set that then passes on to the next transformation in the processing pipeline.
    withTransformation(transformation) {
        if (!this.internal.transformations) {
            this.internal.transformations = [];
        }
        this.internal.transformations.push(transformation);
        return this;
    }
    // The min time interval setting defines a lower limit for the $__interval and $__interval_ms variables.
    // This value must be formatted as a number followed by a valid time
    // identifier like: "40s", "3d", etc.
    // See: https://grafana.com/docs/grafana/latest/panels-visualizations/query-transform-data/#query-options
    interval(interval) {
        this.internal.interval = interval;
        return this;
    }
    // Overrides the relative time range for individual panels,
    // which causes them to be different than what is selected in
    // the dashboard time picker in the top-right corner of the dashboard. You can use this to show metrics from different
    // time periods or days on the same dashboard.
    // The value is formatted as time operation like: `now-5m` (Last 5 minutes), `now/d` (the day so far),
    // `now-5d/d`(Last 5 days), `now/w` (This week so far), `now-2y/y` (Last 2 years).
    // Note: Panel time overrides have no effect when the dashboard’s time range is absolute.
    // See: https://grafana.com/docs/grafana/latest/panels-visualizations/query-transform-data/#query-options
    timeFrom(timeFrom) {
        this.internal.timeFrom = timeFrom;
        return this;
    }
    // Overrides the time range for individual panels by shifting its start and end relative to the time picker.
    // For example, you can shift the time range for the panel to be two hours earlier than the dashboard time picker setting `2h`.
    // Note: Panel time overrides have no effect when the dashboard’s time range is absolute.
    // See: https://grafana.com/docs/grafana/latest/panels-visualizations/query-transform-data/#query-options
    timeShift(timeShift) {
        this.internal.timeShift = timeShift;
        return this;
    }
    // Controls if the timeFrom or timeShift overrides are shown in the panel header
    hideTimeOverride(hideTimeOverride) {
        this.internal.hideTimeOverride = hideTimeOverride;
        return this;
    }
    // Compare the current time range with a previous period
    // For example "1d" to compare current period but shifted back 1 day
    timeCompare(timeCompare) {
        this.internal.timeCompare = timeCompare;
        return this;
    }
    // Dynamically load the panel
    libraryPanel(libraryPanel) {
        this.internal.libraryPanel = libraryPanel;
        return this;
    }
    // Sets panel queries cache timeout.
    cacheTimeout(cacheTimeout) {
        this.internal.cacheTimeout = cacheTimeout;
        return this;
    }
    // Overrides the data source configured time-to-live for a query cache item in milliseconds
    queryCachingTTL(queryCachingTTL) {
        this.internal.queryCachingTTL = queryCachingTTL;
        return this;
    }
    // It depends on the panel plugin. They are specified by the Options field in panel plugin schemas.
    options(options) {
        this.internal.options = options;
        return this;
    }
    // Field options allow you to change how the data is displayed in your visualizations.
    fieldConfig(fieldConfig) {
        this.internal.fieldConfig = fieldConfig;
        return this;
    }
    // The display value for this field.  This supports template variables blank is auto
    displayName(displayName) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.displayName = displayName;
        return this;
    }
    // Unit a field should use. The unit you select is applied to all fields except time.
    // You can use the units ID availables in Grafana or a custom unit.
    // Available units in Grafana: https://github.com/grafana/grafana/blob/main/packages/grafana-data/src/valueFormats/categories.ts
    // As custom unit, you can use the following formats:
    // `suffix:<suffix>` for custom unit that should go after value.
    // `prefix:<prefix>` for custom unit that should go before value.
    // `time:<format>` For custom date time formats type for example `time:YYYY-MM-DD`.
    // `si:<base scale><unit characters>` for custom SI units. For example: `si: mF`. This one is a bit more advanced as you can specify both a unit and the source data scale. So if your source data is represented as milli (thousands of) something prefix the unit with that SI scale character.
    // `count:<unit>` for a custom count unit.
    // `currency:<unit>` for custom a currency unit.
    unit(unit) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.unit = unit;
        return this;
    }
    // Specify the number of decimals Grafana includes in the rendered value.
    // If you leave this field blank, Grafana automatically truncates the number of decimals based on the value.
    // For example 1.1234 will display as 1.12 and 100.456 will display as 100.
    // To display all decimals, set the unit to `String`.
    decimals(decimals) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.decimals = decimals;
        return this;
    }
    // The minimum value used in percentage threshold calculations. Leave blank for auto calculation based on all series and fields.
    min(min) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.min = min;
        return this;
    }
    // The maximum value used in percentage threshold calculations. Leave blank for auto calculation based on all series and fields.
    max(max) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.max = max;
        return this;
    }
    // Convert input values into a display string
    mappings(mappings) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.mappings = mappings;
        return this;
    }
    // Map numeric values to states
    thresholds(thresholds) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        const thresholdsResource = thresholds.build();
        this.internal.fieldConfig.defaults.thresholds = thresholdsResource;
        return this;
    }
    // Panel color configuration
    colorScheme(color) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        const colorResource = color.build();
        this.internal.fieldConfig.defaults.color = colorResource;
        return this;
    }
    // The behavior when clicking on a result
    dataLinks(links) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        const linksResources = links.map(builder1 => builder1.build());
        this.internal.fieldConfig.defaults.links = linksResources;
        return this;
    }
    // Define interactive HTTP requests that can be triggered from data visualizations.
    actions(actions) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        const actionsResources = actions.map(builder1 => builder1.build());
        this.internal.fieldConfig.defaults.actions = actionsResources;
        return this;
    }
    // Alternative to empty string
    noValue(noValue) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.noValue = noValue;
        return this;
    }
    // custom is specified by the FieldConfig field
    // in panel plugin schemas.
    custom(custom) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom = custom;
        return this;
    }
    fieldMinMax(fieldMinMax) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.fieldMinMax = fieldMinMax;
        return this;
    }
    // Defaults are the options applied to all fields.
    defaults(defaults) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        this.internal.fieldConfig.defaults = defaults;
        return this;
    }
    // Overrides are the options applied to specific fields overriding the defaults.
    overrides(overrides) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        this.internal.fieldConfig.overrides = overrides;
        return this;
    }
    // Overrides are the options applied to specific fields overriding the defaults.
    withOverride(override) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.overrides) {
            this.internal.fieldConfig.overrides = [];
        }
        this.internal.fieldConfig.overrides.push(override);
        return this;
    }
    // Adds override rules for a specific field, referred to by its name.
    overrideByName(name, properties) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.overrides) {
            this.internal.fieldConfig.overrides = [];
        }
        this.internal.fieldConfig.overrides.push({
            matcher: {
                id: "byName",
                options: name,
            },
            properties: properties,
        });
        return this;
    }
    // Adds override rules for the fields whose name match the given regexp.
    overrideByRegexp(regexp, properties) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.overrides) {
            this.internal.fieldConfig.overrides = [];
        }
        this.internal.fieldConfig.overrides.push({
            matcher: {
                id: "byRegexp",
                options: regexp,
            },
            properties: properties,
        });
        return this;
    }
    // Adds override rules for all the fields of the given type.
    overrideByFieldType(fieldType, properties) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.overrides) {
            this.internal.fieldConfig.overrides = [];
        }
        this.internal.fieldConfig.overrides.push({
            matcher: {
                id: "byType",
                options: fieldType,
            },
            properties: properties,
        });
        return this;
    }
    overrideByQuery(queryRefId, properties) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.overrides) {
            this.internal.fieldConfig.overrides = [];
        }
        this.internal.fieldConfig.overrides.push({
            matcher: {
                id: "byFrameRefID",
                options: queryRefId,
            },
            properties: properties,
        });
        return this;
    }
}
exports.PanelBuilder = PanelBuilder;
//# sourceMappingURL=panelBuilder.gen.js.map

/***/ }),

/***/ 97:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.QueryVariableBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboard = tslib_1.__importStar(__webpack_require__(4972));
/**
 * A variable is a placeholder for a value. You can use variables in metric queries and in panel titles.
 */
class QueryVariableBuilder {
    constructor(name) {
        this.internal = dashboard.defaultVariableModel();
        this.internal.name = name;
        this.internal.type = dashboard.VariableType.Query;
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Name of variable
    name(name) {
        this.internal.name = name;
        return this;
    }
    // Optional display name
    label(label) {
        this.internal.label = label;
        return this;
    }
    // Visibility configuration for the variable
    hide(hide) {
        this.internal.hide = hide;
        return this;
    }
    // Description of variable. It can be defined but `null`.
    description(description) {
        this.internal.description = description;
        return this;
    }
    // Query used to fetch values for a variable
    query(query) {
        this.internal.query = query;
        return this;
    }
    // Data source used to fetch values for a variable. It can be defined but `null`.
    datasource(datasource) {
        this.internal.datasource = datasource;
        return this;
    }
    // Shows current selected variable text/value on the dashboard
    current(current) {
        this.internal.current = current;
        return this;
    }
    // Whether multiple values can be selected or not from variable value list
    multi(multi) {
        this.internal.multi = multi;
        return this;
    }
    // Allow custom values to be entered in the variable
    allowCustomValue(allowCustomValue) {
        this.internal.allowCustomValue = allowCustomValue;
        return this;
    }
    // Options that can be selected for a variable.
    options(options) {
        this.internal.options = options;
        return this;
    }
    // Options to config when to refresh a variable
    refresh(refresh) {
        this.internal.refresh = refresh;
        return this;
    }
    // Options sort order
    sort(sort) {
        this.internal.sort = sort;
        return this;
    }
    // Whether all value option is available or not
    includeAll(includeAll) {
        this.internal.includeAll = includeAll;
        return this;
    }
    // Custom all value
    allValue(allValue) {
        this.internal.allValue = allValue;
        return this;
    }
    // Optional field, if you want to extract part of a series name or metric node segment.
    // Named capture groups can be used to separate the display text and value.
    regex(regex) {
        this.internal.regex = regex;
        return this;
    }
    // Additional static options for query variable
    staticOptions(staticOptions) {
        this.internal.staticOptions = staticOptions;
        return this;
    }
    // Ordering of static options in relation to options returned from data source for query variable
    staticOptionsOrder(staticOptionsOrder) {
        this.internal.staticOptionsOrder = staticOptionsOrder;
        return this;
    }
    definition(definition) {
        this.internal.definition = definition;
        return this;
    }
}
exports.QueryVariableBuilder = QueryVariableBuilder;
//# sourceMappingURL=queryVariableBuilder.gen.js.map

/***/ }),

/***/ 8173:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.RowBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboard = tslib_1.__importStar(__webpack_require__(4972));
/**
 * Row panel
 */
class RowBuilder {
    constructor(title) {
        this.internal = dashboard.defaultRowPanel();
        this.internal.type = "row";
        this.internal.title = title;
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Whether this row should be collapsed or not.
    // Note: panels added directly to a row will be stripped by Grafana unless the row is collapsed
    collapsed(collapsed) {
        this.internal.collapsed = collapsed;
        return this;
    }
    // Row title
    title(title) {
        this.internal.title = title;
        return this;
    }
    // Name of default datasource for the row
    datasource(datasource) {
        this.internal.datasource = datasource;
        return this;
    }
    // Row grid position
    gridPos(gridPos) {
        this.internal.gridPos = gridPos;
        return this;
    }
    // Unique identifier of the panel. Generated by Grafana when creating a new panel. It must be unique within a dashboard, but not globally.
    id(id) {
        this.internal.id = id;
        return this;
    }
    // List of panels in the row
    // Note: since panels added directly to a row will be stripped by Grafana unless the row is collapsed,
    // this option will set the current row as collapsed.
    withPanel(panel) {
        if (!this.internal.panels) {
            this.internal.panels = [];
        }
        const panelResource = panel.build();
        this.internal.panels.push(panelResource);
        this.internal.collapsed = true;
        return this;
    }
    // Name of template variable to repeat for.
    repeat(repeat) {
        this.internal.repeat = repeat;
        return this;
    }
}
exports.RowBuilder = RowBuilder;
//# sourceMappingURL=rowBuilder.gen.js.map

/***/ }),

/***/ 8827:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.SnapshotBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboard = tslib_1.__importStar(__webpack_require__(4972));
/**
 * A dashboard snapshot shares an interactive dashboard publicly.
 * It is a read-only version of a dashboard, and is not editable.
 * It is possible to create a snapshot of a snapshot.
 * Grafana strips away all sensitive information from the dashboard.
 * Sensitive information stripped: queries (metric, template,annotation) and panel links.
 */
class SnapshotBuilder {
    constructor() {
        this.internal = dashboard.defaultSnapshot();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Time when the snapshot expires, default is never to expire
    expires(expires) {
        this.internal.expires = expires;
        return this;
    }
    // Is the snapshot saved in an external grafana instance
    external(external) {
        this.internal.external = external;
        return this;
    }
    // external url, if snapshot was shared in external grafana instance
    externalUrl(externalUrl) {
        this.internal.externalUrl = externalUrl;
        return this;
    }
    // original url, url of the dashboard that was snapshotted
    originalUrl(originalUrl) {
        this.internal.originalUrl = originalUrl;
        return this;
    }
    // Unique identifier of the snapshot
    id(id) {
        this.internal.id = id;
        return this;
    }
    // Optional, defined the unique key of the snapshot, required if external is true
    key(key) {
        this.internal.key = key;
        return this;
    }
    // Optional, name of the snapshot
    name(name) {
        this.internal.name = name;
        return this;
    }
    // org id of the snapshot
    orgId(orgId) {
        this.internal.orgId = orgId;
        return this;
    }
    // url of the snapshot, if snapshot was shared internally
    url(url) {
        this.internal.url = url;
        return this;
    }
    dashboard(dashboard) {
        const dashboardResource = dashboard.build();
        this.internal.dashboard = dashboardResource;
        return this;
    }
}
exports.SnapshotBuilder = SnapshotBuilder;
//# sourceMappingURL=snapshotBuilder.gen.js.map

/***/ }),

/***/ 4681:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TextBoxVariableBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboard = tslib_1.__importStar(__webpack_require__(4972));
/**
 * A variable is a placeholder for a value. You can use variables in metric queries and in panel titles.
 */
class TextBoxVariableBuilder {
    constructor(name) {
        this.internal = dashboard.defaultVariableModel();
        this.internal.name = name;
        this.internal.type = dashboard.VariableType.Textbox;
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Name of variable
    name(name) {
        this.internal.name = name;
        return this;
    }
    // Optional display name
    label(label) {
        this.internal.label = label;
        return this;
    }
    // Visibility configuration for the variable
    hide(hide) {
        this.internal.hide = hide;
        return this;
    }
    // Description of variable. It can be defined but `null`.
    description(description) {
        this.internal.description = description;
        return this;
    }
    // Query used to fetch values for a variable
    defaultValue(query) {
        this.internal.query = query;
        return this;
    }
    // Shows current selected variable text/value on the dashboard
    current(current) {
        this.internal.current = current;
        return this;
    }
    // Allow custom values to be entered in the variable
    allowCustomValue(allowCustomValue) {
        this.internal.allowCustomValue = allowCustomValue;
        return this;
    }
    // Options that can be selected for a variable.
    options(options) {
        this.internal.options = options;
        return this;
    }
    // Additional static options for query variable
    staticOptions(staticOptions) {
        this.internal.staticOptions = staticOptions;
        return this;
    }
    // Ordering of static options in relation to options returned from data source for query variable
    staticOptionsOrder(staticOptionsOrder) {
        this.internal.staticOptionsOrder = staticOptionsOrder;
        return this;
    }
    definition(definition) {
        this.internal.definition = definition;
        return this;
    }
}
exports.TextBoxVariableBuilder = TextBoxVariableBuilder;
//# sourceMappingURL=textBoxVariableBuilder.gen.js.map

/***/ }),

/***/ 8933:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ThresholdsConfigBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboard = tslib_1.__importStar(__webpack_require__(4972));
/**
 * Thresholds configuration for the panel
 */
class ThresholdsConfigBuilder {
    constructor() {
        this.internal = dashboard.defaultThresholdsConfig();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Thresholds mode.
    mode(mode) {
        this.internal.mode = mode;
        return this;
    }
    // Must be sorted by 'value', first value is always -Infinity
    steps(steps) {
        this.internal.steps = steps;
        return this;
    }
}
exports.ThresholdsConfigBuilder = ThresholdsConfigBuilder;
//# sourceMappingURL=thresholdsConfigBuilder.gen.js.map

/***/ }),

/***/ 2539:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TimeOptionBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboard = tslib_1.__importStar(__webpack_require__(4972));
/**
 * Counterpart for TypeScript's TimeOption type.
 */
class TimeOptionBuilder {
    constructor() {
        this.internal = dashboard.defaultTimeOption();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    display(display) {
        this.internal.display = display;
        return this;
    }
    from(from) {
        this.internal.from = from;
        return this;
    }
    to(to) {
        this.internal.to = to;
        return this;
    }
}
exports.TimeOptionBuilder = TimeOptionBuilder;
//# sourceMappingURL=timeOptionBuilder.gen.js.map

/***/ }),

/***/ 3018:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TimePickerBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboard = tslib_1.__importStar(__webpack_require__(4972));
/**
 * Time picker configuration
 * It defines the default config for the time picker and the refresh picker for the specific dashboard.
 */
class TimePickerBuilder {
    constructor() {
        this.internal = dashboard.defaultTimePickerConfig();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Whether timepicker is visible or not.
    hidden(hidden) {
        this.internal.hidden = hidden;
        return this;
    }
    // Interval options available in the refresh picker dropdown.
    refreshIntervals(refreshIntervals) {
        this.internal.refresh_intervals = refreshIntervals;
        return this;
    }
    // Quick ranges for time picker.
    quickRanges(quickRanges) {
        const quickRangesResources = quickRanges.map(builder1 => builder1.build());
        this.internal.quick_ranges = quickRangesResources;
        return this;
    }
    // Override the now time by entering a time delay. Use this option to accommodate known delays in data aggregation to avoid null values.
    nowDelay(nowDelay) {
        this.internal.nowDelay = nowDelay;
        return this;
    }
}
exports.TimePickerBuilder = TimePickerBuilder;
//# sourceMappingURL=timePickerBuilder.gen.js.map

/***/ }),

/***/ 3197:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.defaultActionVariableType = exports.ActionVariableType = exports.defaultActionVariable = exports.defaultInfinityOptions = exports.defaultHttpRequestMethod = exports.HttpRequestMethod = exports.defaultFetchOptions = exports.defaultActionType = exports.ActionType = exports.defaultAction = exports.defaultFieldColorSeriesByMode = exports.FieldColorSeriesByMode = exports.defaultFieldColorModeId = exports.FieldColorModeId = exports.defaultFieldColor = exports.defaultThreshold = exports.defaultThresholdsMode = exports.ThresholdsMode = exports.defaultThresholdsConfig = exports.defaultSpecialValueMatch = exports.SpecialValueMatch = exports.defaultSpecialValueMap = exports.defaultRegexMap = exports.defaultRangeMap = exports.defaultValueMappingResult = exports.defaultMappingType = exports.MappingType = exports.defaultValueMap = exports.defaultValueMapping = exports.defaultFieldConfig = exports.defaultFieldConfigSource = exports.defaultLibraryPanelRef = exports.defaultMatcherConfig = exports.defaultDataTransformerConfig = exports.defaultDashboardLinkPlacement = exports.DashboardLinkPlacement = exports.defaultDashboardLinkType = exports.DashboardLinkType = exports.defaultDashboardLink = exports.defaultGridPos = exports.defaultDataSourceRef = exports.defaultPanel = exports.defaultTimeOption = exports.defaultTimePickerConfig = exports.defaultDashboardCursorSync = exports.DashboardCursorSync = exports.defaultDashboard = exports.defaultDashboardMeta = exports.defaultAnnotationPermission = exports.defaultAnnotationActions = void 0;
exports.defaultAnnotationEventFieldMapping = exports.defaultAnnotationEventFieldSource = exports.AnnotationEventFieldSource = exports.defaultSnapshot = exports.defaultAnnotationQueryPlacement = exports.AnnotationQueryPlacement = exports.defaultAnnotationTarget = exports.defaultAnnotationPanelFilter = exports.defaultAnnotationQuery = exports.defaultAnnotationContainer = exports.defaultVariableSort = exports.VariableSort = exports.defaultVariableRefresh = exports.VariableRefresh = exports.defaultVariableOption = exports.defaultVariableHide = exports.VariableHide = exports.defaultVariableType = exports.VariableType = exports.defaultVariableModel = exports.defaultRowPanel = exports.defaultDynamicConfigValue = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
const defaultAnnotationActions = () => ({});
exports.defaultAnnotationActions = defaultAnnotationActions;
const defaultAnnotationPermission = () => ({});
exports.defaultAnnotationPermission = defaultAnnotationPermission;
const defaultDashboardMeta = () => ({});
exports.defaultDashboardMeta = defaultDashboardMeta;
const defaultDashboard = () => ({
    timezone: "browser",
    editable: true,
    graphTooltip: DashboardCursorSync.Off,
    fiscalYearStartMonth: 0,
    schemaVersion: 42,
    templating: {},
    annotations: (0, exports.defaultAnnotationContainer)(),
});
exports.defaultDashboard = defaultDashboard;
/**
 * 0 for no shared crosshair or tooltip (default).
 * 1 for shared crosshair.
 * 2 for shared crosshair AND shared tooltip.
 */
var DashboardCursorSync;
(function (DashboardCursorSync) {
    DashboardCursorSync[DashboardCursorSync["Off"] = 0] = "Off";
    DashboardCursorSync[DashboardCursorSync["Crosshair"] = 1] = "Crosshair";
    DashboardCursorSync[DashboardCursorSync["Tooltip"] = 2] = "Tooltip";
})(DashboardCursorSync || (exports.DashboardCursorSync = DashboardCursorSync = {}));
const defaultDashboardCursorSync = () => (DashboardCursorSync.Off);
exports.defaultDashboardCursorSync = defaultDashboardCursorSync;
const defaultTimePickerConfig = () => ({
    hidden: false,
    refresh_intervals: [
        "5s",
        "10s",
        "30s",
        "1m",
        "5m",
        "15m",
        "30m",
        "1h",
        "2h",
        "1d",
    ],
});
exports.defaultTimePickerConfig = defaultTimePickerConfig;
const defaultTimeOption = () => ({
    display: "",
    from: "",
    to: "",
});
exports.defaultTimeOption = defaultTimeOption;
const defaultPanel = () => ({
    type: "",
    transparent: false,
    repeatDirection: "h",
});
exports.defaultPanel = defaultPanel;
const defaultDataSourceRef = () => (common.defaultDataSourceRef());
exports.defaultDataSourceRef = defaultDataSourceRef;
const defaultGridPos = () => ({
    h: 9,
    w: 12,
    x: 0,
    y: 0,
});
exports.defaultGridPos = defaultGridPos;
const defaultDashboardLink = () => ({
    title: "",
    type: DashboardLinkType.Link,
    icon: "",
    tooltip: "",
    tags: [],
    asDropdown: false,
    placement: DashboardLinkPlacement.InControlsMenu,
    targetBlank: false,
    includeVars: false,
    keepTime: false,
});
exports.defaultDashboardLink = defaultDashboardLink;
/**
 * Dashboard Link type. Accepted values are dashboards (to refer to another dashboard) and link (to refer to an external resource)
 */
var DashboardLinkType;
(function (DashboardLinkType) {
    DashboardLinkType["Link"] = "link";
    DashboardLinkType["Dashboards"] = "dashboards";
})(DashboardLinkType || (exports.DashboardLinkType = DashboardLinkType = {}));
const defaultDashboardLinkType = () => (DashboardLinkType.Link);
exports.defaultDashboardLinkType = defaultDashboardLinkType;
/**
 * Dashboard Link placement. Defines where the link should be displayed.
 * - "inControlsMenu" renders the link in bottom part of the dashboard controls dropdown menu
 */
var DashboardLinkPlacement;
(function (DashboardLinkPlacement) {
    DashboardLinkPlacement["InControlsMenu"] = "inControlsMenu";
})(DashboardLinkPlacement || (exports.DashboardLinkPlacement = DashboardLinkPlacement = {}));
const defaultDashboardLinkPlacement = () => (DashboardLinkPlacement.InControlsMenu);
exports.defaultDashboardLinkPlacement = defaultDashboardLinkPlacement;
const defaultDataTransformerConfig = () => ({
    id: "",
    options: {},
});
exports.defaultDataTransformerConfig = defaultDataTransformerConfig;
const defaultMatcherConfig = () => ({
    id: "",
});
exports.defaultMatcherConfig = defaultMatcherConfig;
const defaultLibraryPanelRef = () => ({
    name: "",
    uid: "",
});
exports.defaultLibraryPanelRef = defaultLibraryPanelRef;
const defaultFieldConfigSource = () => ({
    defaults: (0, exports.defaultFieldConfig)(),
    overrides: [],
});
exports.defaultFieldConfigSource = defaultFieldConfigSource;
const defaultFieldConfig = () => ({});
exports.defaultFieldConfig = defaultFieldConfig;
const defaultValueMapping = () => ((0, exports.defaultValueMap)());
exports.defaultValueMapping = defaultValueMapping;
const defaultValueMap = () => ({
    type: MappingType.ValueToText,
    options: {},
});
exports.defaultValueMap = defaultValueMap;
/**
 * Supported value mapping types
 * `value`: Maps text values to a color or different display text and color. For example, you can configure a value mapping so that all instances of the value 10 appear as Perfection! rather than the number.
 * `range`: Maps numerical ranges to a display text and color. For example, if a value is within a certain range, you can configure a range value mapping to display Low or High rather than the number.
 * `regex`: Maps regular expressions to replacement text and a color. For example, if a value is www.example.com, you can configure a regex value mapping so that Grafana displays www and truncates the domain.
 * `special`: Maps special values like Null, NaN (not a number), and boolean values like true and false to a display text and color. See SpecialValueMatch to see the list of special values. For example, you can configure a special value mapping so that null values appear as N/A.
 */
var MappingType;
(function (MappingType) {
    MappingType["ValueToText"] = "value";
    MappingType["RangeToText"] = "range";
    MappingType["RegexToText"] = "regex";
    MappingType["SpecialValue"] = "special";
})(MappingType || (exports.MappingType = MappingType = {}));
const defaultMappingType = () => (MappingType.ValueToText);
exports.defaultMappingType = defaultMappingType;
const defaultValueMappingResult = () => ({});
exports.defaultValueMappingResult = defaultValueMappingResult;
const defaultRangeMap = () => ({
    type: MappingType.RangeToText,
    options: {
        from: 0,
        to: 0,
        result: (0, exports.defaultValueMappingResult)(),
    },
});
exports.defaultRangeMap = defaultRangeMap;
const defaultRegexMap = () => ({
    type: MappingType.RegexToText,
    options: {
        pattern: "",
        result: (0, exports.defaultValueMappingResult)(),
    },
});
exports.defaultRegexMap = defaultRegexMap;
const defaultSpecialValueMap = () => ({
    type: MappingType.SpecialValue,
    options: {
        match: SpecialValueMatch.True,
        result: (0, exports.defaultValueMappingResult)(),
    },
});
exports.defaultSpecialValueMap = defaultSpecialValueMap;
/**
 * Special value types supported by the `SpecialValueMap`
 */
var SpecialValueMatch;
(function (SpecialValueMatch) {
    SpecialValueMatch["True"] = "true";
    SpecialValueMatch["False"] = "false";
    SpecialValueMatch["Null"] = "null";
    SpecialValueMatch["NotANumber"] = "nan";
    SpecialValueMatch["NullAndNan"] = "null+nan";
    SpecialValueMatch["Empty"] = "empty";
})(SpecialValueMatch || (exports.SpecialValueMatch = SpecialValueMatch = {}));
const defaultSpecialValueMatch = () => (SpecialValueMatch.True);
exports.defaultSpecialValueMatch = defaultSpecialValueMatch;
const defaultThresholdsConfig = () => ({
    mode: ThresholdsMode.Absolute,
    steps: [],
});
exports.defaultThresholdsConfig = defaultThresholdsConfig;
/**
 * Thresholds can either be `absolute` (specific number) or `percentage` (relative to min or max, it will be values between 0 and 1).
 */
var ThresholdsMode;
(function (ThresholdsMode) {
    ThresholdsMode["Absolute"] = "absolute";
    ThresholdsMode["Percentage"] = "percentage";
})(ThresholdsMode || (exports.ThresholdsMode = ThresholdsMode = {}));
const defaultThresholdsMode = () => (ThresholdsMode.Absolute);
exports.defaultThresholdsMode = defaultThresholdsMode;
const defaultThreshold = () => ({
    value: 0,
    color: "",
});
exports.defaultThreshold = defaultThreshold;
const defaultFieldColor = () => ({
    mode: FieldColorModeId.Thresholds,
});
exports.defaultFieldColor = defaultFieldColor;
/**
 * Color mode for a field. You can specify a single color, or select a continuous (gradient) color schemes, based on a value.
 * Continuous color interpolates a color using the percentage of a value relative to min and max.
 * Accepted values are:
 * `thresholds`: From thresholds. Informs Grafana to take the color from the matching threshold
 * `palette-classic`: Classic palette. Grafana will assign color by looking up a color in a palette by series index. Useful for Graphs and pie charts and other categorical data visualizations
 * `palette-classic-by-name`: Classic palette (by name). Grafana will assign color by looking up a color in a palette by series name. Useful for Graphs and pie charts and other categorical data visualizations
 * `continuous-GrYlRd`: ontinuous Green-Yellow-Red palette mode
 * `continuous-RdYlGr`: Continuous Red-Yellow-Green palette mode
 * `continuous-BlYlRd`: Continuous Blue-Yellow-Red palette mode
 * `continuous-YlRd`: Continuous Yellow-Red palette mode
 * `continuous-BlPu`: Continuous Blue-Purple palette mode
 * `continuous-YlBl`: Continuous Yellow-Blue palette mode
 * `continuous-blues`: Continuous Blue palette mode
 * `continuous-reds`: Continuous Red palette mode
 * `continuous-greens`: Continuous Green palette mode
 * `continuous-purples`: Continuous Purple palette mode
 * `shades`: Shades of a single color. Specify a single color, useful in an override rule.
 * `fixed`: Fixed color mode. Specify a single color, useful in an override rule.
 */
var FieldColorModeId;
(function (FieldColorModeId) {
    FieldColorModeId["Thresholds"] = "thresholds";
    FieldColorModeId["PaletteClassic"] = "palette-classic";
    FieldColorModeId["PaletteClassicByName"] = "palette-classic-by-name";
    FieldColorModeId["ContinuousGrYlRd"] = "continuous-GrYlRd";
    FieldColorModeId["ContinuousRdYlGr"] = "continuous-RdYlGr";
    FieldColorModeId["ContinuousBlYlRd"] = "continuous-BlYlRd";
    FieldColorModeId["ContinuousYlRd"] = "continuous-YlRd";
    FieldColorModeId["ContinuousBlPu"] = "continuous-BlPu";
    FieldColorModeId["ContinuousYlBl"] = "continuous-YlBl";
    FieldColorModeId["ContinuousBlues"] = "continuous-blues";
    FieldColorModeId["ContinuousReds"] = "continuous-reds";
    FieldColorModeId["ContinuousGreens"] = "continuous-greens";
    FieldColorModeId["ContinuousPurples"] = "continuous-purples";
    FieldColorModeId["Fixed"] = "fixed";
    FieldColorModeId["Shades"] = "shades";
})(FieldColorModeId || (exports.FieldColorModeId = FieldColorModeId = {}));
const defaultFieldColorModeId = () => (FieldColorModeId.Thresholds);
exports.defaultFieldColorModeId = defaultFieldColorModeId;
/**
 * Defines how to assign a series color from "by value" color schemes. For example for an aggregated data points like a timeseries, the color can be assigned by the min, max or last value.
 */
var FieldColorSeriesByMode;
(function (FieldColorSeriesByMode) {
    FieldColorSeriesByMode["Min"] = "min";
    FieldColorSeriesByMode["Max"] = "max";
    FieldColorSeriesByMode["Last"] = "last";
})(FieldColorSeriesByMode || (exports.FieldColorSeriesByMode = FieldColorSeriesByMode = {}));
const defaultFieldColorSeriesByMode = () => (FieldColorSeriesByMode.Min);
exports.defaultFieldColorSeriesByMode = defaultFieldColorSeriesByMode;
const defaultAction = () => ({
    type: ActionType.Fetch,
    title: "",
});
exports.defaultAction = defaultAction;
/**
 * Dashboard action type
 */
var ActionType;
(function (ActionType) {
    ActionType["Fetch"] = "fetch";
    ActionType["Infinity"] = "infinity";
})(ActionType || (exports.ActionType = ActionType = {}));
const defaultActionType = () => (ActionType.Fetch);
exports.defaultActionType = defaultActionType;
const defaultFetchOptions = () => ({
    method: HttpRequestMethod.GET,
    url: "",
});
exports.defaultFetchOptions = defaultFetchOptions;
var HttpRequestMethod;
(function (HttpRequestMethod) {
    HttpRequestMethod["GET"] = "GET";
    HttpRequestMethod["PUT"] = "PUT";
    HttpRequestMethod["POST"] = "POST";
    HttpRequestMethod["DELETE"] = "DELETE";
    HttpRequestMethod["PATCH"] = "PATCH";
})(HttpRequestMethod || (exports.HttpRequestMethod = HttpRequestMethod = {}));
const defaultHttpRequestMethod = () => (HttpRequestMethod.GET);
exports.defaultHttpRequestMethod = defaultHttpRequestMethod;
const defaultInfinityOptions = () => ({
    method: HttpRequestMethod.GET,
    url: "",
    datasourceUid: "",
});
exports.defaultInfinityOptions = defaultInfinityOptions;
const defaultActionVariable = () => ({
    key: "",
    name: "",
    type: ActionVariableType.String,
});
exports.defaultActionVariable = defaultActionVariable;
/**
 * Action variable type
 */
var ActionVariableType;
(function (ActionVariableType) {
    ActionVariableType["String"] = "string";
})(ActionVariableType || (exports.ActionVariableType = ActionVariableType = {}));
const defaultActionVariableType = () => (ActionVariableType.String);
exports.defaultActionVariableType = defaultActionVariableType;
const defaultDynamicConfigValue = () => ({
    id: "",
});
exports.defaultDynamicConfigValue = defaultDynamicConfigValue;
const defaultRowPanel = () => ({
    type: "row",
    collapsed: false,
    id: 0,
    panels: [],
});
exports.defaultRowPanel = defaultRowPanel;
const defaultVariableModel = () => ({
    type: VariableType.Query,
    name: "",
    skipUrlSync: false,
    multi: false,
    allowCustomValue: true,
    includeAll: false,
    auto: false,
    auto_min: "10s",
    auto_count: 0x1e,
});
exports.defaultVariableModel = defaultVariableModel;
/**
 * Dashboard variable type
 * `query`: Query-generated list of values such as metric names, server names, sensor IDs, data centers, and so on.
 * `adhoc`: Key/value filters that are automatically added to all metric queries for a data source (Prometheus, Loki, InfluxDB, and Elasticsearch only).
 * `constant`: 	Define a hidden constant.
 * `datasource`: Quickly change the data source for an entire dashboard.
 * `interval`: Interval variables represent time spans.
 * `textbox`: Display a free text input field with an optional default value.
 * `custom`: Define the variable options manually using a comma-separated list.
 * `system`: Variables defined by Grafana. See: https://grafana.com/docs/grafana/latest/dashboards/variables/add-template-variables/#global-variables
 * `switch`: Boolean variables rendered as a switch
 */
var VariableType;
(function (VariableType) {
    VariableType["Query"] = "query";
    VariableType["Adhoc"] = "adhoc";
    VariableType["Groupby"] = "groupby";
    VariableType["Constant"] = "constant";
    VariableType["Datasource"] = "datasource";
    VariableType["Interval"] = "interval";
    VariableType["Textbox"] = "textbox";
    VariableType["Custom"] = "custom";
    VariableType["System"] = "system";
    VariableType["Snapshot"] = "snapshot";
    VariableType["Switch"] = "switch";
})(VariableType || (exports.VariableType = VariableType = {}));
const defaultVariableType = () => (VariableType.Query);
exports.defaultVariableType = defaultVariableType;
/**
 * Determine if the variable shows on dashboard
 * Accepted values are 0 (show label and value), 1 (show value only), 2 (show nothing), 3 (show under the controls dropdown menu).
 */
var VariableHide;
(function (VariableHide) {
    VariableHide[VariableHide["DontHide"] = 0] = "DontHide";
    VariableHide[VariableHide["HideLabel"] = 1] = "HideLabel";
    VariableHide[VariableHide["HideVariable"] = 2] = "HideVariable";
    VariableHide[VariableHide["InControlsMenu"] = 3] = "InControlsMenu";
})(VariableHide || (exports.VariableHide = VariableHide = {}));
const defaultVariableHide = () => (VariableHide.DontHide);
exports.defaultVariableHide = defaultVariableHide;
const defaultVariableOption = () => ({
    text: "",
    value: "",
});
exports.defaultVariableOption = defaultVariableOption;
/**
 * Options to config when to refresh a variable
 * `0`: Never refresh the variable
 * `1`: Queries the data source every time the dashboard loads.
 * `2`: Queries the data source when the dashboard time range changes.
 */
var VariableRefresh;
(function (VariableRefresh) {
    VariableRefresh[VariableRefresh["Never"] = 0] = "Never";
    VariableRefresh[VariableRefresh["OnDashboardLoad"] = 1] = "OnDashboardLoad";
    VariableRefresh[VariableRefresh["OnTimeRangeChanged"] = 2] = "OnTimeRangeChanged";
})(VariableRefresh || (exports.VariableRefresh = VariableRefresh = {}));
const defaultVariableRefresh = () => (VariableRefresh.Never);
exports.defaultVariableRefresh = defaultVariableRefresh;
/**
 * Sort variable options
 * Accepted values are:
 * `0`: No sorting
 * `1`: Alphabetical ASC
 * `2`: Alphabetical DESC
 * `3`: Numerical ASC
 * `4`: Numerical DESC
 * `5`: Alphabetical Case Insensitive ASC
 * `6`: Alphabetical Case Insensitive DESC
 * `7`: Natural ASC
 * `8`: Natural DESC
 */
var VariableSort;
(function (VariableSort) {
    VariableSort[VariableSort["Disabled"] = 0] = "Disabled";
    VariableSort[VariableSort["AlphabeticalAsc"] = 1] = "AlphabeticalAsc";
    VariableSort[VariableSort["AlphabeticalDesc"] = 2] = "AlphabeticalDesc";
    VariableSort[VariableSort["NumericalAsc"] = 3] = "NumericalAsc";
    VariableSort[VariableSort["NumericalDesc"] = 4] = "NumericalDesc";
    VariableSort[VariableSort["AlphabeticalCaseInsensitiveAsc"] = 5] = "AlphabeticalCaseInsensitiveAsc";
    VariableSort[VariableSort["AlphabeticalCaseInsensitiveDesc"] = 6] = "AlphabeticalCaseInsensitiveDesc";
    VariableSort[VariableSort["NaturalAsc"] = 7] = "NaturalAsc";
    VariableSort[VariableSort["NaturalDesc"] = 8] = "NaturalDesc";
})(VariableSort || (exports.VariableSort = VariableSort = {}));
const defaultVariableSort = () => (VariableSort.Disabled);
exports.defaultVariableSort = defaultVariableSort;
const defaultAnnotationContainer = () => ({});
exports.defaultAnnotationContainer = defaultAnnotationContainer;
const defaultAnnotationQuery = () => ({
    name: "",
    enable: true,
    hide: false,
    iconColor: "",
    builtIn: 0,
    placement: AnnotationQueryPlacement.InControlsMenu,
});
exports.defaultAnnotationQuery = defaultAnnotationQuery;
const defaultAnnotationPanelFilter = () => ({
    exclude: false,
    ids: [],
});
exports.defaultAnnotationPanelFilter = defaultAnnotationPanelFilter;
const defaultAnnotationTarget = () => ({
    limit: 0,
    matchAny: false,
    tags: [],
    type: "",
});
exports.defaultAnnotationTarget = defaultAnnotationTarget;
/**
 * Annotation Query placement. Defines where the annotation query should be displayed.
 * - "inControlsMenu" renders the annotation query in the dashboard controls dropdown menu
 */
var AnnotationQueryPlacement;
(function (AnnotationQueryPlacement) {
    AnnotationQueryPlacement["InControlsMenu"] = "inControlsMenu";
})(AnnotationQueryPlacement || (exports.AnnotationQueryPlacement = AnnotationQueryPlacement = {}));
const defaultAnnotationQueryPlacement = () => (AnnotationQueryPlacement.InControlsMenu);
exports.defaultAnnotationQueryPlacement = defaultAnnotationQueryPlacement;
const defaultSnapshot = () => ({
    created: "",
    expires: "",
    external: false,
    externalUrl: "",
    originalUrl: "",
    id: 0,
    key: "",
    name: "",
    orgId: 0,
    updated: "",
    userId: 0,
});
exports.defaultSnapshot = defaultSnapshot;
/**
 * Annotation event field source. Defines how to obtain the value for an annotation event field.
 * - "field": Find the value with a matching key (default)
 * - "text": Write a constant string into the value
 * - "skip": Do not include the field
 */
var AnnotationEventFieldSource;
(function (AnnotationEventFieldSource) {
    AnnotationEventFieldSource["Field"] = "field";
    AnnotationEventFieldSource["Text"] = "text";
    AnnotationEventFieldSource["Skip"] = "skip";
})(AnnotationEventFieldSource || (exports.AnnotationEventFieldSource = AnnotationEventFieldSource = {}));
const defaultAnnotationEventFieldSource = () => (AnnotationEventFieldSource.Field);
exports.defaultAnnotationEventFieldSource = defaultAnnotationEventFieldSource;
const defaultAnnotationEventFieldMapping = () => ({});
exports.defaultAnnotationEventFieldMapping = defaultAnnotationEventFieldMapping;
//# sourceMappingURL=types.gen.js.map

/***/ }),

/***/ 673:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ActionBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
class ActionBuilder {
    constructor() {
        this.internal = dashboardv2.defaultAction();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    type(type) {
        this.internal.type = type;
        return this;
    }
    title(title) {
        this.internal.title = title;
        return this;
    }
    fetch(fetch) {
        const fetchResource = fetch.build();
        this.internal.fetch = fetchResource;
        return this;
    }
    infinity(infinity) {
        const infinityResource = infinity.build();
        this.internal.infinity = infinityResource;
        return this;
    }
    confirmation(confirmation) {
        this.internal.confirmation = confirmation;
        return this;
    }
    oneClick(oneClick) {
        this.internal.oneClick = oneClick;
        return this;
    }
    variables(variables) {
        const variablesResources = variables.map(builder1 => builder1.build());
        this.internal.variables = variablesResources;
        return this;
    }
    style(style) {
        this.internal.style = style;
        return this;
    }
}
exports.ActionBuilder = ActionBuilder;
//# sourceMappingURL=actionBuilder.gen.js.map

/***/ }),

/***/ 6165:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ActionVariableBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
class ActionVariableBuilder {
    constructor() {
        this.internal = dashboardv2.defaultActionVariable();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    key(key) {
        this.internal.key = key;
        return this;
    }
    name(name) {
        this.internal.name = name;
        return this;
    }
}
exports.ActionVariableBuilder = ActionVariableBuilder;
//# sourceMappingURL=actionVariableBuilder.gen.js.map

/***/ }),

/***/ 6333:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.AdHocFilterWithLabelsBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
/**
 * Define the AdHocFilterWithLabels type
 */
class AdHocFilterWithLabelsBuilder {
    constructor() {
        this.internal = dashboardv2.defaultAdHocFilterWithLabels();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    key(key) {
        this.internal.key = key;
        return this;
    }
    operator(operator) {
        this.internal.operator = operator;
        return this;
    }
    value(value) {
        this.internal.value = value;
        return this;
    }
    values(values) {
        this.internal.values = values;
        return this;
    }
    keyLabel(keyLabel) {
        this.internal.keyLabel = keyLabel;
        return this;
    }
    valueLabels(valueLabels) {
        this.internal.valueLabels = valueLabels;
        return this;
    }
    forceEdit(forceEdit) {
        this.internal.forceEdit = forceEdit;
        return this;
    }
    origin(origin) {
        this.internal.origin = origin;
        return this;
    }
    // @deprecated
    condition(condition) {
        this.internal.condition = condition;
        return this;
    }
}
exports.AdHocFilterWithLabelsBuilder = AdHocFilterWithLabelsBuilder;
//# sourceMappingURL=adHocFilterWithLabelsBuilder.gen.js.map

/***/ }),

/***/ 6058:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.AdhocVariableBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
/**
 * Adhoc variable kind
 */
class AdhocVariableBuilder {
    constructor(name) {
        this.internal = dashboardv2.defaultAdhocVariableKind();
        this.internal.kind = "AdhocVariable";
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultAdhocVariableSpec();
        }
        this.internal.spec.name = name;
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    group(group) {
        this.internal.group = group;
        return this;
    }
    labels(labels) {
        this.internal.labels = labels;
        return this;
    }
    datasource(datasource) {
        this.internal.datasource = datasource;
        return this;
    }
    name(name) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultAdhocVariableSpec();
        }
        this.internal.spec.name = name;
        return this;
    }
    baseFilters(baseFilters) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultAdhocVariableSpec();
        }
        const baseFiltersResources = baseFilters.map(builder1 => builder1.build());
        this.internal.spec.baseFilters = baseFiltersResources;
        return this;
    }
    filters(filters) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultAdhocVariableSpec();
        }
        const filtersResources = filters.map(builder1 => builder1.build());
        this.internal.spec.filters = filtersResources;
        return this;
    }
    defaultKeys(defaultKeys) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultAdhocVariableSpec();
        }
        const defaultKeysResources = defaultKeys.map(builder1 => builder1.build());
        this.internal.spec.defaultKeys = defaultKeysResources;
        return this;
    }
    label(label) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultAdhocVariableSpec();
        }
        this.internal.spec.label = label;
        return this;
    }
    hide(hide) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultAdhocVariableSpec();
        }
        this.internal.spec.hide = hide;
        return this;
    }
    skipUrlSync(skipUrlSync) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultAdhocVariableSpec();
        }
        this.internal.spec.skipUrlSync = skipUrlSync;
        return this;
    }
    description(description) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultAdhocVariableSpec();
        }
        this.internal.spec.description = description;
        return this;
    }
    allowCustomValue(allowCustomValue) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultAdhocVariableSpec();
        }
        this.internal.spec.allowCustomValue = allowCustomValue;
        return this;
    }
    // Whether the group-by operator is enabled in the ad hoc filter combobox.
    enableGroupBy(enableGroupBy) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultAdhocVariableSpec();
        }
        this.internal.spec.enableGroupBy = enableGroupBy;
        return this;
    }
    origin(origin) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultAdhocVariableSpec();
        }
        const originResource = origin.build();
        this.internal.spec.origin = originResource;
        return this;
    }
}
exports.AdhocVariableBuilder = AdhocVariableBuilder;
//# sourceMappingURL=adhocVariableBuilder.gen.js.map

/***/ }),

/***/ 934:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.AnnotationEventFieldMappingBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
/**
 * Annotation event field mapping. Defines how to map a data frame field to an annotation event field.
 */
class AnnotationEventFieldMappingBuilder {
    constructor() {
        this.internal = dashboardv2.defaultAnnotationEventFieldMapping();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Source type for the field value
    source(source) {
        this.internal.source = source;
        return this;
    }
    // Constant value to use when source is "text"
    value(value) {
        this.internal.value = value;
        return this;
    }
    // Regular expression to apply to the field value
    regex(regex) {
        this.internal.regex = regex;
        return this;
    }
}
exports.AnnotationEventFieldMappingBuilder = AnnotationEventFieldMappingBuilder;
//# sourceMappingURL=annotationEventFieldMappingBuilder.gen.js.map

/***/ }),

/***/ 9792:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.AnnotationPanelFilterBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
class AnnotationPanelFilterBuilder {
    constructor() {
        this.internal = dashboardv2.defaultAnnotationPanelFilter();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Should the specified panels be included or excluded
    exclude(exclude) {
        this.internal.exclude = exclude;
        return this;
    }
    // Panel IDs that should be included or excluded
    ids(ids) {
        this.internal.ids = ids;
        return this;
    }
}
exports.AnnotationPanelFilterBuilder = AnnotationPanelFilterBuilder;
//# sourceMappingURL=annotationPanelFilterBuilder.gen.js.map

/***/ }),

/***/ 8092:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.AnnotationQueryBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
class AnnotationQueryBuilder {
    constructor() {
        this.internal = dashboardv2.defaultAnnotationQueryKind();
        this.internal.kind = "AnnotationQuery";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    query(query) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultAnnotationQuerySpec();
        }
        const queryResource = query.build();
        this.internal.spec.query = queryResource;
        return this;
    }
    enable(enable) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultAnnotationQuerySpec();
        }
        this.internal.spec.enable = enable;
        return this;
    }
    hide(hide) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultAnnotationQuerySpec();
        }
        this.internal.spec.hide = hide;
        return this;
    }
    iconColor(iconColor) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultAnnotationQuerySpec();
        }
        this.internal.spec.iconColor = iconColor;
        return this;
    }
    name(name) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultAnnotationQuerySpec();
        }
        this.internal.spec.name = name;
        return this;
    }
    builtIn(builtIn) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultAnnotationQuerySpec();
        }
        this.internal.spec.builtIn = builtIn;
        return this;
    }
    filter(filter) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultAnnotationQuerySpec();
        }
        const filterResource = filter.build();
        this.internal.spec.filter = filterResource;
        return this;
    }
    // Placement can be used to display the annotation query somewhere else on the dashboard other than the default location.
    placement(placement) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultAnnotationQuerySpec();
        }
        this.internal.spec.placement = placement;
        return this;
    }
    // Mappings define how to convert data frame fields to annotation event fields.
    mappings(mappings) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultAnnotationQuerySpec();
        }
        const mappingsResource = (function () {
            let results1 = {};
            for (const key1 in mappings) {
                const val1 = mappings[key1];
                results1[key1] = val1.build();
            }
            return results1;
        }());
        this.internal.spec.mappings = mappingsResource;
        return this;
    }
    // Catch-all field for datasource-specific properties. Should not be available in as code tooling.
    legacyOptions(legacyOptions) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultAnnotationQuerySpec();
        }
        this.internal.spec.legacyOptions = legacyOptions;
        return this;
    }
}
exports.AnnotationQueryBuilder = AnnotationQueryBuilder;
//# sourceMappingURL=annotationQueryBuilder.gen.js.map

/***/ }),

/***/ 7258:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.AutoGridBuilder = void 0;
exports.autoGrid = autoGrid;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
class AutoGridBuilder {
    constructor() {
        this.internal = dashboardv2.defaultAutoGridLayoutKind();
        this.internal.kind = "AutoGridLayout";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    maxColumnCount(maxColumnCount) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultAutoGridLayoutSpec();
        }
        this.internal.spec.maxColumnCount = maxColumnCount;
        return this;
    }
    columnWidthMode(columnWidthMode) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultAutoGridLayoutSpec();
        }
        this.internal.spec.columnWidthMode = columnWidthMode;
        return this;
    }
    columnWidth(columnWidth) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultAutoGridLayoutSpec();
        }
        this.internal.spec.columnWidth = columnWidth;
        return this;
    }
    rowHeightMode(rowHeightMode) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultAutoGridLayoutSpec();
        }
        this.internal.spec.rowHeightMode = rowHeightMode;
        return this;
    }
    rowHeight(rowHeight) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultAutoGridLayoutSpec();
        }
        this.internal.spec.rowHeight = rowHeight;
        return this;
    }
    fillScreen(fillScreen) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultAutoGridLayoutSpec();
        }
        this.internal.spec.fillScreen = fillScreen;
        return this;
    }
    items(items) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultAutoGridLayoutSpec();
        }
        const itemsResources = items.map(builder1 => builder1.build());
        this.internal.spec.items = itemsResources;
        return this;
    }
    item(item) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultAutoGridLayoutSpec();
        }
        if (!this.internal.spec.items) {
            this.internal.spec.items = [];
        }
        const itemResource = item.build();
        this.internal.spec.items.push(itemResource);
        return this;
    }
    withItem(name) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultAutoGridLayoutSpec();
        }
        if (!this.internal.spec.items) {
            this.internal.spec.items = [];
        }
        this.internal.spec.items.push({
            kind: "AutoGridLayoutItem",
            spec: {
                element: {
                    kind: "ElementReference",
                    name: name,
                },
            },
        });
        return this;
    }
}
exports.AutoGridBuilder = AutoGridBuilder;
function autoGrid() {
    const builder = new AutoGridBuilder();
    return builder;
}
//# sourceMappingURL=autoGridBuilder.gen.js.map

/***/ }),

/***/ 9515:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.AutoGridItemBuilder = void 0;
exports.autoGridItem = autoGridItem;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
class AutoGridItemBuilder {
    constructor() {
        this.internal = dashboardv2.defaultAutoGridLayoutItemKind();
        this.internal.kind = "AutoGridLayoutItem";
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultAutoGridLayoutItemSpec();
        }
        if (!this.internal.spec.element) {
            this.internal.spec.element = dashboardv2.defaultElementReference();
        }
        this.internal.spec.element.kind = "ElementReference";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    repeat(repeat) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultAutoGridLayoutItemSpec();
        }
        const repeatResource = repeat.build();
        this.internal.spec.repeat = repeatResource;
        return this;
    }
    conditionalRendering(conditionalRendering) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultAutoGridLayoutItemSpec();
        }
        const conditionalRenderingResource = conditionalRendering.build();
        this.internal.spec.conditionalRendering = conditionalRenderingResource;
        return this;
    }
    name(name) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultAutoGridLayoutItemSpec();
        }
        if (!this.internal.spec.element) {
            this.internal.spec.element = dashboardv2.defaultElementReference();
        }
        this.internal.spec.element.name = name;
        return this;
    }
}
exports.AutoGridItemBuilder = AutoGridItemBuilder;
function autoGridItem(name) {
    const builder = new AutoGridItemBuilder();
    builder.name(name);
    return builder;
}
//# sourceMappingURL=autoGridItemBuilder.gen.js.map

/***/ }),

/***/ 3031:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.AutoGridRepeatOptionsBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
class AutoGridRepeatOptionsBuilder {
    constructor() {
        this.internal = dashboardv2.defaultAutoGridRepeatOptions();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    value(value) {
        this.internal.value = value;
        return this;
    }
}
exports.AutoGridRepeatOptionsBuilder = AutoGridRepeatOptionsBuilder;
//# sourceMappingURL=autoGridRepeatOptionsBuilder.gen.js.map

/***/ }),

/***/ 7999:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ConditionalRenderingDataBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
class ConditionalRenderingDataBuilder {
    constructor() {
        this.internal = dashboardv2.defaultConditionalRenderingDataKind();
        this.internal.kind = "ConditionalRenderingData";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    value(value) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultConditionalRenderingDataSpec();
        }
        this.internal.spec.value = value;
        return this;
    }
}
exports.ConditionalRenderingDataBuilder = ConditionalRenderingDataBuilder;
//# sourceMappingURL=conditionalRenderingDataBuilder.gen.js.map

/***/ }),

/***/ 1384:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ConditionalRenderingGroupBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
class ConditionalRenderingGroupBuilder {
    constructor() {
        this.internal = dashboardv2.defaultConditionalRenderingGroupKind();
        this.internal.kind = "ConditionalRenderingGroup";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    visibility(visibility) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultConditionalRenderingGroupSpec();
        }
        this.internal.spec.visibility = visibility;
        return this;
    }
    condition(condition) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultConditionalRenderingGroupSpec();
        }
        this.internal.spec.condition = condition;
        return this;
    }
    items(items) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultConditionalRenderingGroupSpec();
        }
        const itemsResources = items.map(builder1 => builder1.build());
        this.internal.spec.items = itemsResources;
        return this;
    }
    item(item) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultConditionalRenderingGroupSpec();
        }
        if (!this.internal.spec.items) {
            this.internal.spec.items = [];
        }
        const itemResource = item.build();
        this.internal.spec.items.push(itemResource);
        return this;
    }
}
exports.ConditionalRenderingGroupBuilder = ConditionalRenderingGroupBuilder;
//# sourceMappingURL=conditionalRenderingGroupBuilder.gen.js.map

/***/ }),

/***/ 8596:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ConditionalRenderingTimeRangeSizeBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
class ConditionalRenderingTimeRangeSizeBuilder {
    constructor() {
        this.internal = dashboardv2.defaultConditionalRenderingTimeRangeSizeKind();
        this.internal.kind = "ConditionalRenderingTimeRangeSize";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    value(value) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultConditionalRenderingTimeRangeSizeSpec();
        }
        this.internal.spec.value = value;
        return this;
    }
}
exports.ConditionalRenderingTimeRangeSizeBuilder = ConditionalRenderingTimeRangeSizeBuilder;
//# sourceMappingURL=conditionalRenderingTimeRangeSizeBuilder.gen.js.map

/***/ }),

/***/ 8775:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ConditionalRenderingVariableBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
class ConditionalRenderingVariableBuilder {
    constructor() {
        this.internal = dashboardv2.defaultConditionalRenderingVariableKind();
        this.internal.kind = "ConditionalRenderingVariable";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    variable(variable) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultConditionalRenderingVariableSpec();
        }
        this.internal.spec.variable = variable;
        return this;
    }
    operator(operator) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultConditionalRenderingVariableSpec();
        }
        this.internal.spec.operator = operator;
        return this;
    }
    value(value) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultConditionalRenderingVariableSpec();
        }
        this.internal.spec.value = value;
        return this;
    }
}
exports.ConditionalRenderingVariableBuilder = ConditionalRenderingVariableBuilder;
//# sourceMappingURL=conditionalRenderingVariableBuilder.gen.js.map

/***/ }),

/***/ 8115:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ConstantVariableBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
/**
 * Constant variable kind
 */
class ConstantVariableBuilder {
    constructor(name) {
        this.internal = dashboardv2.defaultConstantVariableKind();
        this.internal.kind = "ConstantVariable";
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultConstantVariableSpec();
        }
        this.internal.spec.name = name;
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    name(name) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultConstantVariableSpec();
        }
        this.internal.spec.name = name;
        return this;
    }
    query(query) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultConstantVariableSpec();
        }
        this.internal.spec.query = query;
        return this;
    }
    current(current) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultConstantVariableSpec();
        }
        this.internal.spec.current = current;
        return this;
    }
    label(label) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultConstantVariableSpec();
        }
        this.internal.spec.label = label;
        return this;
    }
    hide(hide) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultConstantVariableSpec();
        }
        this.internal.spec.hide = hide;
        return this;
    }
    skipUrlSync(skipUrlSync) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultConstantVariableSpec();
        }
        this.internal.spec.skipUrlSync = skipUrlSync;
        return this;
    }
    description(description) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultConstantVariableSpec();
        }
        this.internal.spec.description = description;
        return this;
    }
    origin(origin) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultConstantVariableSpec();
        }
        const originResource = origin.build();
        this.internal.spec.origin = originResource;
        return this;
    }
}
exports.ConstantVariableBuilder = ConstantVariableBuilder;
//# sourceMappingURL=constantVariableBuilder.gen.js.map

/***/ }),

/***/ 4924:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ControlSourceRefBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
class ControlSourceRefBuilder {
    constructor() {
        this.internal = dashboardv2.defaultControlSourceRef();
        this.internal.type = "datasource";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // The plugin type-id
    group(group) {
        this.internal.group = group;
        return this;
    }
}
exports.ControlSourceRefBuilder = ControlSourceRefBuilder;
//# sourceMappingURL=controlSourceRefBuilder.gen.js.map

/***/ }),

/***/ 2024:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.CustomFormatterVariableBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
/**
 * Custom formatter variable
 */
class CustomFormatterVariableBuilder {
    constructor() {
        this.internal = dashboardv2.defaultCustomFormatterVariable();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    name(name) {
        this.internal.name = name;
        return this;
    }
    type(type) {
        this.internal.type = type;
        return this;
    }
    multi(multi) {
        this.internal.multi = multi;
        return this;
    }
    includeAll(includeAll) {
        this.internal.includeAll = includeAll;
        return this;
    }
}
exports.CustomFormatterVariableBuilder = CustomFormatterVariableBuilder;
//# sourceMappingURL=customFormatterVariableBuilder.gen.js.map

/***/ }),

/***/ 3414:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.CustomVariableBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
/**
 * Custom variable kind
 */
class CustomVariableBuilder {
    constructor(name) {
        this.internal = dashboardv2.defaultCustomVariableKind();
        this.internal.kind = "CustomVariable";
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultCustomVariableSpec();
        }
        this.internal.spec.name = name;
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    name(name) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultCustomVariableSpec();
        }
        this.internal.spec.name = name;
        return this;
    }
    query(query) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultCustomVariableSpec();
        }
        this.internal.spec.query = query;
        return this;
    }
    current(current) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultCustomVariableSpec();
        }
        this.internal.spec.current = current;
        return this;
    }
    options(options) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultCustomVariableSpec();
        }
        this.internal.spec.options = options;
        return this;
    }
    multi(multi) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultCustomVariableSpec();
        }
        this.internal.spec.multi = multi;
        return this;
    }
    includeAll(includeAll) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultCustomVariableSpec();
        }
        this.internal.spec.includeAll = includeAll;
        return this;
    }
    allValue(allValue) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultCustomVariableSpec();
        }
        this.internal.spec.allValue = allValue;
        return this;
    }
    label(label) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultCustomVariableSpec();
        }
        this.internal.spec.label = label;
        return this;
    }
    hide(hide) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultCustomVariableSpec();
        }
        this.internal.spec.hide = hide;
        return this;
    }
    skipUrlSync(skipUrlSync) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultCustomVariableSpec();
        }
        this.internal.spec.skipUrlSync = skipUrlSync;
        return this;
    }
    description(description) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultCustomVariableSpec();
        }
        this.internal.spec.description = description;
        return this;
    }
    allowCustomValue(allowCustomValue) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultCustomVariableSpec();
        }
        this.internal.spec.allowCustomValue = allowCustomValue;
        return this;
    }
    valuesFormat(valuesFormat) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultCustomVariableSpec();
        }
        this.internal.spec.valuesFormat = valuesFormat;
        return this;
    }
    origin(origin) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultCustomVariableSpec();
        }
        const originResource = origin.build();
        this.internal.spec.origin = originResource;
        return this;
    }
}
exports.CustomVariableBuilder = CustomVariableBuilder;
//# sourceMappingURL=customVariableBuilder.gen.js.map

/***/ }),

/***/ 8077:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DashboardBuilder = void 0;
exports.manifest = manifest;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
const resource = tslib_1.__importStar(__webpack_require__(7580));
class DashboardBuilder {
    constructor(title) {
        this.internal = dashboardv2.defaultDashboard();
        this.internal.title = title;
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    annotations(annotations) {
        const annotationsResources = annotations.map(builder1 => builder1.build());
        this.internal.annotations = annotationsResources;
        return this;
    }
    // Configuration of dashboard cursor sync behavior.
    // "Off" for no shared crosshair or tooltip (default).
    // "Crosshair" for shared crosshair.
    // "Tooltip" for shared crosshair AND shared tooltip.
    cursorSync(cursorSync) {
        this.internal.cursorSync = cursorSync;
        return this;
    }
    // Description of dashboard.
    description(description) {
        this.internal.description = description;
        return this;
    }
    // Whether a dashboard is editable or not.
    editable(editable) {
        this.internal.editable = editable;
        return this;
    }
    elements(elements) {
        const elementsResource = (function () {
            let results1 = {};
            for (const key1 in elements) {
                const val1 = elements[key1];
                results1[key1] = val1.build();
            }
            return results1;
        }());
        this.internal.elements = elementsResource;
        return this;
    }
    element(key, element) {
        if (!this.internal.elements) {
            this.internal.elements = {};
        }
        const elementResource = element.build();
        this.internal.elements[key] = elementResource;
        return this;
    }
    layout(layout) {
        const layoutResource = layout.build();
        this.internal.layout = layoutResource;
        return this;
    }
    // Links with references to other dashboards or external websites.
    links(links) {
        const linksResources = links.map(builder1 => builder1.build());
        this.internal.links = linksResources;
        return this;
    }
    // When set to true, the dashboard will redraw panels at an interval matching the pixel width.
    // This will keep data "moving left" regardless of the query refresh rate. This setting helps
    // avoid dashboards presenting stale live data.
    liveNow(liveNow) {
        this.internal.liveNow = liveNow;
        return this;
    }
    // When set to true, the dashboard will load all panels in the dashboard when it's loaded.
    preload(preload) {
        this.internal.preload = preload;
        return this;
    }
    // Plugins only. The version of the dashboard installed together with the plugin.
    // This is used to determine if the dashboard should be updated when the plugin is updated.
    revision(revision) {
        this.internal.revision = revision;
        return this;
    }
    // Tags associated with dashboard.
    tags(tags) {
        this.internal.tags = tags;
        return this;
    }
    timeSettings(timeSettings) {
        const timeSettingsResource = timeSettings.build();
        this.internal.timeSettings = timeSettingsResource;
        return this;
    }
    // Title of dashboard.
    title(title) {
        this.internal.title = title;
        return this;
    }
    // Configured template variables.
    variables(variables) {
        const variablesResources = variables.map(builder1 => builder1.build());
        this.internal.variables = variablesResources;
        return this;
    }
    // Configured template variables.
    variable(variable) {
        if (!this.internal.variables) {
            this.internal.variables = [];
        }
        const variableResource = variable.build();
        this.internal.variables.push(variableResource);
        return this;
    }
    preferences(preferences) {
        const preferencesResource = preferences.build();
        this.internal.preferences = preferencesResource;
        return this;
    }
}
exports.DashboardBuilder = DashboardBuilder;
/**
 * Creates a resource manifest from a Dashboard.
 */
function manifest(name, spec) {
    const builder = new resource.ManifestBuilder();
    builder.apiVersion("dashboard.grafana.app/v2");
    builder.kind("Dashboard");
    builder.metadata(resource.named(name));
    builder.spec(spec.build());
    return builder;
}
//# sourceMappingURL=dashboardBuilder.gen.js.map

/***/ }),

/***/ 4769:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DashboardLinkBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
/**
 * Links with references to other dashboards or external resources
 */
class DashboardLinkBuilder {
    constructor() {
        this.internal = dashboardv2.defaultDashboardLink();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Title to display with the link
    title(title) {
        this.internal.title = title;
        return this;
    }
    // Link type. Accepted values are dashboards (to refer to another dashboard) and link (to refer to an external resource)
    // FIXME: The type is generated as `type: DashboardLinkType | dashboardLinkType.Link;` but it should be `type: DashboardLinkType`
    type(type) {
        this.internal.type = type;
        return this;
    }
    // Icon name to be displayed with the link
    icon(icon) {
        this.internal.icon = icon;
        return this;
    }
    // Tooltip to display when the user hovers their mouse over it
    tooltip(tooltip) {
        this.internal.tooltip = tooltip;
        return this;
    }
    // Link URL. Only required/valid if the type is link
    url(url) {
        this.internal.url = url;
        return this;
    }
    // List of tags to limit the linked dashboards. If empty, all dashboards will be displayed. Only valid if the type is dashboards
    tags(tags) {
        this.internal.tags = tags;
        return this;
    }
    // If true, all dashboards links will be displayed in a dropdown. If false, all dashboards links will be displayed side by side. Only valid if the type is dashboards
    asDropdown(asDropdown) {
        this.internal.asDropdown = asDropdown;
        return this;
    }
    // If true, the link will be opened in a new tab
    targetBlank(targetBlank) {
        this.internal.targetBlank = targetBlank;
        return this;
    }
    // If true, includes current template variables values in the link as query params
    includeVars(includeVars) {
        this.internal.includeVars = includeVars;
        return this;
    }
    // If true, includes current time range in the link as query params
    keepTime(keepTime) {
        this.internal.keepTime = keepTime;
        return this;
    }
    // Placement can be used to display the link somewhere else on the dashboard other than above the visualisations.
    placement(placement) {
        this.internal.placement = placement;
        return this;
    }
    // The source that registered the link (if any)
    origin(origin) {
        const originResource = origin.build();
        this.internal.origin = originResource;
        return this;
    }
}
exports.DashboardLinkBuilder = DashboardLinkBuilder;
//# sourceMappingURL=dashboardLinkBuilder.gen.js.map

/***/ }),

/***/ 7607:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DataLinkBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
class DataLinkBuilder {
    constructor() {
        this.internal = dashboardv2.defaultDataLink();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    title(title) {
        this.internal.title = title;
        return this;
    }
    url(url) {
        this.internal.url = url;
        return this;
    }
    targetBlank(targetBlank) {
        this.internal.targetBlank = targetBlank;
        return this;
    }
}
exports.DataLinkBuilder = DataLinkBuilder;
//# sourceMappingURL=dataLinkBuilder.gen.js.map

/***/ }),

/***/ 9947:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DatasourceControlSourceRefBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
/**
 * Source information for controls (e.g. variables or links)
 */
class DatasourceControlSourceRefBuilder {
    constructor() {
        this.internal = dashboardv2.defaultDatasourceControlSourceRef();
        this.internal.type = "datasource";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // The plugin type-id
    group(group) {
        this.internal.group = group;
        return this;
    }
}
exports.DatasourceControlSourceRefBuilder = DatasourceControlSourceRefBuilder;
//# sourceMappingURL=datasourceControlSourceRefBuilder.gen.js.map

/***/ }),

/***/ 6408:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DatasourceVariableBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
/**
 * Datasource variable kind
 */
class DatasourceVariableBuilder {
    constructor(name) {
        this.internal = dashboardv2.defaultDatasourceVariableKind();
        this.internal.kind = "DatasourceVariable";
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultDatasourceVariableSpec();
        }
        this.internal.spec.name = name;
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    name(name) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultDatasourceVariableSpec();
        }
        this.internal.spec.name = name;
        return this;
    }
    pluginId(pluginId) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultDatasourceVariableSpec();
        }
        this.internal.spec.pluginId = pluginId;
        return this;
    }
    refresh(refresh) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultDatasourceVariableSpec();
        }
        this.internal.spec.refresh = refresh;
        return this;
    }
    regex(regex) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultDatasourceVariableSpec();
        }
        this.internal.spec.regex = regex;
        return this;
    }
    current(current) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultDatasourceVariableSpec();
        }
        this.internal.spec.current = current;
        return this;
    }
    options(options) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultDatasourceVariableSpec();
        }
        this.internal.spec.options = options;
        return this;
    }
    multi(multi) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultDatasourceVariableSpec();
        }
        this.internal.spec.multi = multi;
        return this;
    }
    includeAll(includeAll) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultDatasourceVariableSpec();
        }
        this.internal.spec.includeAll = includeAll;
        return this;
    }
    allValue(allValue) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultDatasourceVariableSpec();
        }
        this.internal.spec.allValue = allValue;
        return this;
    }
    label(label) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultDatasourceVariableSpec();
        }
        this.internal.spec.label = label;
        return this;
    }
    hide(hide) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultDatasourceVariableSpec();
        }
        this.internal.spec.hide = hide;
        return this;
    }
    skipUrlSync(skipUrlSync) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultDatasourceVariableSpec();
        }
        this.internal.spec.skipUrlSync = skipUrlSync;
        return this;
    }
    description(description) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultDatasourceVariableSpec();
        }
        this.internal.spec.description = description;
        return this;
    }
    allowCustomValue(allowCustomValue) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultDatasourceVariableSpec();
        }
        this.internal.spec.allowCustomValue = allowCustomValue;
        return this;
    }
    origin(origin) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultDatasourceVariableSpec();
        }
        const originResource = origin.build();
        this.internal.spec.origin = originResource;
        return this;
    }
}
exports.DatasourceVariableBuilder = DatasourceVariableBuilder;
//# sourceMappingURL=datasourceVariableBuilder.gen.js.map

/***/ }),

/***/ 6836:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ElementReferenceBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
class ElementReferenceBuilder {
    constructor() {
        this.internal = dashboardv2.defaultElementReference();
        this.internal.kind = "ElementReference";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    name(name) {
        this.internal.name = name;
        return this;
    }
}
exports.ElementReferenceBuilder = ElementReferenceBuilder;
//# sourceMappingURL=elementReferenceBuilder.gen.js.map

/***/ }),

/***/ 3049:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.FetchOptionsBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
class FetchOptionsBuilder {
    constructor() {
        this.internal = dashboardv2.defaultFetchOptions();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    method(method) {
        this.internal.method = method;
        return this;
    }
    url(url) {
        this.internal.url = url;
        return this;
    }
    body(body) {
        this.internal.body = body;
        return this;
    }
    // These are 2D arrays of strings, each representing a key-value pair
    // We are defining them this way because we can't generate a go struct that
    // that would have exactly two strings in each sub-array
    queryParams(queryParams) {
        this.internal.queryParams = queryParams;
        return this;
    }
    headers(headers) {
        this.internal.headers = headers;
        return this;
    }
}
exports.FetchOptionsBuilder = FetchOptionsBuilder;
//# sourceMappingURL=fetchOptionsBuilder.gen.js.map

/***/ }),

/***/ 6562:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.FieldColorBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
/**
 * Map a field to a color.
 */
class FieldColorBuilder {
    constructor() {
        this.internal = dashboardv2.defaultFieldColor();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // The main color scheme mode.
    mode(mode) {
        this.internal.mode = mode;
        return this;
    }
    // The fixed color value for fixed or shades color modes.
    fixedColor(fixedColor) {
        this.internal.fixedColor = fixedColor;
        return this;
    }
    // The end color for the gradient color mode (smallest value). Only used when mode is gradient.
    gradientColorTo(gradientColorTo) {
        this.internal.gradientColorTo = gradientColorTo;
        return this;
    }
    // Some visualizations need to know how to assign a series color from by value color schemes.
    seriesBy(seriesBy) {
        this.internal.seriesBy = seriesBy;
        return this;
    }
}
exports.FieldColorBuilder = FieldColorBuilder;
//# sourceMappingURL=fieldColorBuilder.gen.js.map

/***/ }),

/***/ 5839:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.GridBuilder = void 0;
exports.grid = grid;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
class GridBuilder {
    constructor() {
        this.internal = dashboardv2.defaultGridLayoutKind();
        this.internal.kind = "GridLayout";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    items(items) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultGridLayoutSpec();
        }
        const itemsResources = items.map(builder1 => builder1.build());
        this.internal.spec.items = itemsResources;
        return this;
    }
    item(item) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultGridLayoutSpec();
        }
        if (!this.internal.spec.items) {
            this.internal.spec.items = [];
        }
        const itemResource = item.build();
        this.internal.spec.items.push(itemResource);
        return this;
    }
}
exports.GridBuilder = GridBuilder;
function grid() {
    const builder = new GridBuilder();
    return builder;
}
//# sourceMappingURL=gridBuilder.gen.js.map

/***/ }),

/***/ 7094:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.GridItemBuilder = void 0;
exports.gridItem = gridItem;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
class GridItemBuilder {
    constructor() {
        this.internal = dashboardv2.defaultGridLayoutItemKind();
        this.internal.kind = "GridLayoutItem";
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultGridLayoutItemSpec();
        }
        if (!this.internal.spec.element) {
            this.internal.spec.element = dashboardv2.defaultElementReference();
        }
        this.internal.spec.element.kind = "ElementReference";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    x(x) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultGridLayoutItemSpec();
        }
        this.internal.spec.x = x;
        return this;
    }
    y(y) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultGridLayoutItemSpec();
        }
        this.internal.spec.y = y;
        return this;
    }
    width(width) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultGridLayoutItemSpec();
        }
        this.internal.spec.width = width;
        return this;
    }
    height(height) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultGridLayoutItemSpec();
        }
        this.internal.spec.height = height;
        return this;
    }
    repeat(repeat) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultGridLayoutItemSpec();
        }
        const repeatResource = repeat.build();
        this.internal.spec.repeat = repeatResource;
        return this;
    }
    name(name) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultGridLayoutItemSpec();
        }
        if (!this.internal.spec.element) {
            this.internal.spec.element = dashboardv2.defaultElementReference();
        }
        this.internal.spec.element.name = name;
        return this;
    }
}
exports.GridItemBuilder = GridItemBuilder;
function gridItem(name) {
    const builder = new GridItemBuilder();
    builder.name(name);
    return builder;
}
//# sourceMappingURL=gridItemBuilder.gen.js.map

/***/ }),

/***/ 4847:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.GroupByVariableBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
/**
 * Group variable kind
 */
class GroupByVariableBuilder {
    constructor(name) {
        this.internal = dashboardv2.defaultGroupByVariableKind();
        this.internal.kind = "GroupByVariable";
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultGroupByVariableSpec();
        }
        this.internal.spec.name = name;
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    group(group) {
        this.internal.group = group;
        return this;
    }
    labels(labels) {
        this.internal.labels = labels;
        return this;
    }
    datasource(datasource) {
        this.internal.datasource = datasource;
        return this;
    }
    name(name) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultGroupByVariableSpec();
        }
        this.internal.spec.name = name;
        return this;
    }
    defaultValue(defaultValue) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultGroupByVariableSpec();
        }
        this.internal.spec.defaultValue = defaultValue;
        return this;
    }
    current(current) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultGroupByVariableSpec();
        }
        this.internal.spec.current = current;
        return this;
    }
    options(options) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultGroupByVariableSpec();
        }
        this.internal.spec.options = options;
        return this;
    }
    multi(multi) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultGroupByVariableSpec();
        }
        this.internal.spec.multi = multi;
        return this;
    }
    label(label) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultGroupByVariableSpec();
        }
        this.internal.spec.label = label;
        return this;
    }
    hide(hide) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultGroupByVariableSpec();
        }
        this.internal.spec.hide = hide;
        return this;
    }
    skipUrlSync(skipUrlSync) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultGroupByVariableSpec();
        }
        this.internal.spec.skipUrlSync = skipUrlSync;
        return this;
    }
    description(description) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultGroupByVariableSpec();
        }
        this.internal.spec.description = description;
        return this;
    }
    origin(origin) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultGroupByVariableSpec();
        }
        const originResource = origin.build();
        this.internal.spec.origin = originResource;
        return this;
    }
}
exports.GroupByVariableBuilder = GroupByVariableBuilder;
//# sourceMappingURL=groupByVariableBuilder.gen.js.map

/***/ }),

/***/ 9068:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
const tslib_1 = __webpack_require__(1860);
tslib_1.__exportStar(__webpack_require__(2333), exports);
tslib_1.__exportStar(__webpack_require__(9792), exports);
tslib_1.__exportStar(__webpack_require__(934), exports);
tslib_1.__exportStar(__webpack_require__(7607), exports);
tslib_1.__exportStar(__webpack_require__(1280), exports);
tslib_1.__exportStar(__webpack_require__(5107), exports);
tslib_1.__exportStar(__webpack_require__(6101), exports);
tslib_1.__exportStar(__webpack_require__(6562), exports);
tslib_1.__exportStar(__webpack_require__(673), exports);
tslib_1.__exportStar(__webpack_require__(3049), exports);
tslib_1.__exportStar(__webpack_require__(9615), exports);
tslib_1.__exportStar(__webpack_require__(6165), exports);
tslib_1.__exportStar(__webpack_require__(8993), exports);
tslib_1.__exportStar(__webpack_require__(6836), exports);
tslib_1.__exportStar(__webpack_require__(1156), exports);
tslib_1.__exportStar(__webpack_require__(5742), exports);
tslib_1.__exportStar(__webpack_require__(3031), exports);
tslib_1.__exportStar(__webpack_require__(2841), exports);
tslib_1.__exportStar(__webpack_require__(4924), exports);
tslib_1.__exportStar(__webpack_require__(9947), exports);
tslib_1.__exportStar(__webpack_require__(6333), exports);
tslib_1.__exportStar(__webpack_require__(6033), exports);
tslib_1.__exportStar(__webpack_require__(4769), exports);
tslib_1.__exportStar(__webpack_require__(904), exports);
tslib_1.__exportStar(__webpack_require__(7563), exports);
tslib_1.__exportStar(__webpack_require__(2024), exports);
tslib_1.__exportStar(__webpack_require__(7953), exports);
tslib_1.__exportStar(__webpack_require__(8092), exports);
tslib_1.__exportStar(__webpack_require__(6618), exports);
tslib_1.__exportStar(__webpack_require__(3640), exports);
tslib_1.__exportStar(__webpack_require__(1622), exports);
tslib_1.__exportStar(__webpack_require__(1408), exports);
tslib_1.__exportStar(__webpack_require__(8215), exports);
tslib_1.__exportStar(__webpack_require__(1379), exports);
tslib_1.__exportStar(__webpack_require__(1384), exports);
tslib_1.__exportStar(__webpack_require__(7999), exports);
tslib_1.__exportStar(__webpack_require__(8596), exports);
tslib_1.__exportStar(__webpack_require__(8775), exports);
tslib_1.__exportStar(__webpack_require__(8077), exports);
tslib_1.__exportStar(__webpack_require__(520), exports);
tslib_1.__exportStar(__webpack_require__(5597), exports);
tslib_1.__exportStar(__webpack_require__(7258), exports);
tslib_1.__exportStar(__webpack_require__(9515), exports);
tslib_1.__exportStar(__webpack_require__(1771), exports);
tslib_1.__exportStar(__webpack_require__(5468), exports);
tslib_1.__exportStar(__webpack_require__(5839), exports);
tslib_1.__exportStar(__webpack_require__(7094), exports);
tslib_1.__exportStar(__webpack_require__(2470), exports);
tslib_1.__exportStar(__webpack_require__(7985), exports);
tslib_1.__exportStar(__webpack_require__(1350), exports);
tslib_1.__exportStar(__webpack_require__(8115), exports);
tslib_1.__exportStar(__webpack_require__(6408), exports);
tslib_1.__exportStar(__webpack_require__(7704), exports);
tslib_1.__exportStar(__webpack_require__(3414), exports);
tslib_1.__exportStar(__webpack_require__(4847), exports);
tslib_1.__exportStar(__webpack_require__(6058), exports);
tslib_1.__exportStar(__webpack_require__(4711), exports);
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 9615:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.InfinityOptionsBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
class InfinityOptionsBuilder {
    constructor() {
        this.internal = dashboardv2.defaultInfinityOptions();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    method(method) {
        this.internal.method = method;
        return this;
    }
    url(url) {
        this.internal.url = url;
        return this;
    }
    body(body) {
        this.internal.body = body;
        return this;
    }
    // These are 2D arrays of strings, each representing a key-value pair
    // We are defining them this way because we can't generate a go struct that
    // that would have exactly two strings in each sub-array
    queryParams(queryParams) {
        this.internal.queryParams = queryParams;
        return this;
    }
    datasourceUid(datasourceUid) {
        this.internal.datasourceUid = datasourceUid;
        return this;
    }
    headers(headers) {
        this.internal.headers = headers;
        return this;
    }
}
exports.InfinityOptionsBuilder = InfinityOptionsBuilder;
//# sourceMappingURL=infinityOptionsBuilder.gen.js.map

/***/ }),

/***/ 7704:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.IntervalVariableBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
/**
 * Interval variable kind
 */
class IntervalVariableBuilder {
    constructor(name) {
        this.internal = dashboardv2.defaultIntervalVariableKind();
        this.internal.kind = "IntervalVariable";
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultIntervalVariableSpec();
        }
        this.internal.spec.refresh = "onTimeRangeChanged";
        this.internal.spec.name = name;
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    name(name) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultIntervalVariableSpec();
        }
        this.internal.spec.name = name;
        return this;
    }
    query(query) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultIntervalVariableSpec();
        }
        this.internal.spec.query = query;
        return this;
    }
    current(current) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultIntervalVariableSpec();
        }
        this.internal.spec.current = current;
        return this;
    }
    options(options) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultIntervalVariableSpec();
        }
        this.internal.spec.options = options;
        return this;
    }
    auto(auto) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultIntervalVariableSpec();
        }
        this.internal.spec.auto = auto;
        return this;
    }
    autoMin(autoMin) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultIntervalVariableSpec();
        }
        this.internal.spec.auto_min = autoMin;
        return this;
    }
    autoCount(autoCount) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultIntervalVariableSpec();
        }
        this.internal.spec.auto_count = autoCount;
        return this;
    }
    label(label) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultIntervalVariableSpec();
        }
        this.internal.spec.label = label;
        return this;
    }
    hide(hide) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultIntervalVariableSpec();
        }
        this.internal.spec.hide = hide;
        return this;
    }
    skipUrlSync(skipUrlSync) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultIntervalVariableSpec();
        }
        this.internal.spec.skipUrlSync = skipUrlSync;
        return this;
    }
    description(description) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultIntervalVariableSpec();
        }
        this.internal.spec.description = description;
        return this;
    }
    origin(origin) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultIntervalVariableSpec();
        }
        const originResource = origin.build();
        this.internal.spec.origin = originResource;
        return this;
    }
}
exports.IntervalVariableBuilder = IntervalVariableBuilder;
//# sourceMappingURL=intervalVariableBuilder.gen.js.map

/***/ }),

/***/ 6618:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.LibraryPanelBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
class LibraryPanelBuilder {
    constructor() {
        this.internal = dashboardv2.defaultLibraryPanelKind();
        this.internal.kind = "LibraryPanel";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Panel ID for the library panel in the dashboard
    id(id) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultLibraryPanelKindSpec();
        }
        this.internal.spec.id = id;
        return this;
    }
    // Title for the library panel in the dashboard
    title(title) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultLibraryPanelKindSpec();
        }
        this.internal.spec.title = title;
        return this;
    }
    libraryPanel(libraryPanel) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultLibraryPanelKindSpec();
        }
        const libraryPanelResource = libraryPanel.build();
        this.internal.spec.libraryPanel = libraryPanelResource;
        return this;
    }
}
exports.LibraryPanelBuilder = LibraryPanelBuilder;
//# sourceMappingURL=libraryPanelBuilder.gen.js.map

/***/ }),

/***/ 8993:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.LibraryPanelRefBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
/**
 * A library panel is a reusable panel that you can use in any dashboard.
 * When you make a change to a library panel, that change propagates to all instances of where the panel is used.
 * Library panels streamline reuse of panels across multiple dashboards.
 */
class LibraryPanelRefBuilder {
    constructor() {
        this.internal = dashboardv2.defaultLibraryPanelRef();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Library panel name
    name(name) {
        this.internal.name = name;
        return this;
    }
    // Library panel uid
    uid(uid) {
        this.internal.uid = uid;
        return this;
    }
}
exports.LibraryPanelRefBuilder = LibraryPanelRefBuilder;
//# sourceMappingURL=libraryPanelRefBuilder.gen.js.map

/***/ }),

/***/ 6033:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MetricFindValueBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
/**
 * Define the MetricFindValue type
 */
class MetricFindValueBuilder {
    constructor() {
        this.internal = dashboardv2.defaultMetricFindValue();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    text(text) {
        this.internal.text = text;
        return this;
    }
    value(value) {
        this.internal.value = value;
        return this;
    }
    group(group) {
        this.internal.group = group;
        return this;
    }
    expandable(expandable) {
        this.internal.expandable = expandable;
        return this;
    }
}
exports.MetricFindValueBuilder = MetricFindValueBuilder;
//# sourceMappingURL=metricFindValueBuilder.gen.js.map

/***/ }),

/***/ 1379:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.PanelBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
class PanelBuilder {
    constructor() {
        this.internal = dashboardv2.defaultPanelKind();
        this.internal.kind = "Panel";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    id(id) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultPanelSpec();
        }
        this.internal.spec.id = id;
        return this;
    }
    title(title) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultPanelSpec();
        }
        this.internal.spec.title = title;
        return this;
    }
    // Shown in a info icon tooltip next to panel title
    description(description) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultPanelSpec();
        }
        this.internal.spec.description = description;
        return this;
    }
    // Shown in a sub header below the title.
    subtitle(subtitle) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultPanelSpec();
        }
        this.internal.spec.subtitle = subtitle;
        return this;
    }
    links(links) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultPanelSpec();
        }
        const linksResources = links.map(builder1 => builder1.build());
        this.internal.spec.links = linksResources;
        return this;
    }
    data(data) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultPanelSpec();
        }
        const dataResource = data.build();
        this.internal.spec.data = dataResource;
        return this;
    }
    visualization(vizConfig) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultPanelSpec();
        }
        const vizConfigResource = vizConfig.build();
        this.internal.spec.vizConfig = vizConfigResource;
        return this;
    }
    transparent(transparent) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultPanelSpec();
        }
        this.internal.spec.transparent = transparent;
        return this;
    }
}
exports.PanelBuilder = PanelBuilder;
//# sourceMappingURL=panelBuilder.gen.js.map

/***/ }),

/***/ 7563:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.PreferencesBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
/**
 * Dashboard specific preferences (applied per dashboard = all users using the dashboard)
 */
class PreferencesBuilder {
    constructor() {
        this.internal = dashboardv2.defaultPreferences();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // default layout template to be used when new containers are created
    layout(layout) {
        const layoutResource = layout.build();
        this.internal.layout = layoutResource;
        return this;
    }
}
exports.PreferencesBuilder = PreferencesBuilder;
//# sourceMappingURL=preferencesBuilder.gen.js.map

/***/ }),

/***/ 1622:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.QueryGroupBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
class QueryGroupBuilder {
    constructor() {
        this.nextQueryId = 0;
        this.internal = dashboardv2.defaultQueryGroupKind();
        this.internal.kind = "QueryGroup";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    targets(queries) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultQueryGroupSpec();
        }
        const queriesResources = queries.map(builder1 => builder1.build());
        queriesResources.forEach((query) => {
            if (query.spec.refId === "") {
                query.spec.refId = `query-${this.nextQueryId}`;
                this.nextQueryId += 1;
            }
        });
        this.internal.spec.queries = queriesResources;
        return this;
    }
    target(querie) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultQueryGroupSpec();
        }
        if (!this.internal.spec.queries) {
            this.internal.spec.queries = [];
        }
        const querieResource = querie.build();
        if (querieResource.spec.refId === "") {
            querieResource.spec.refId = `query-${this.nextQueryId}`;
            this.nextQueryId += 1;
        }
        this.internal.spec.queries.push(querieResource);
        return this;
    }
    transformations(transformations) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultQueryGroupSpec();
        }
        const transformationsResources = transformations.map(builder1 => builder1.build());
        this.internal.spec.transformations = transformationsResources;
        return this;
    }
    transformation(transformation) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultQueryGroupSpec();
        }
        if (!this.internal.spec.transformations) {
            this.internal.spec.transformations = [];
        }
        const transformationResource = transformation.build();
        this.internal.spec.transformations.push(transformationResource);
        return this;
    }
    queryOptions(queryOptions) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultQueryGroupSpec();
        }
        const queryOptionsResource = queryOptions.build();
        this.internal.spec.queryOptions = queryOptionsResource;
        return this;
    }
}
exports.QueryGroupBuilder = QueryGroupBuilder;
//# sourceMappingURL=queryGroupBuilder.gen.js.map

/***/ }),

/***/ 1280:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.QueryOptionsSpecBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
class QueryOptionsSpecBuilder {
    constructor() {
        this.internal = dashboardv2.defaultQueryOptionsSpec();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    timeFrom(timeFrom) {
        this.internal.timeFrom = timeFrom;
        return this;
    }
    timeTo(timeTo) {
        this.internal.timeTo = timeTo;
        return this;
    }
    maxDataPoints(maxDataPoints) {
        this.internal.maxDataPoints = maxDataPoints;
        return this;
    }
    timeShift(timeShift) {
        this.internal.timeShift = timeShift;
        return this;
    }
    queryCachingTTL(queryCachingTTL) {
        this.internal.queryCachingTTL = queryCachingTTL;
        return this;
    }
    interval(interval) {
        this.internal.interval = interval;
        return this;
    }
    cacheTimeout(cacheTimeout) {
        this.internal.cacheTimeout = cacheTimeout;
        return this;
    }
    hideTimeOverride(hideTimeOverride) {
        this.internal.hideTimeOverride = hideTimeOverride;
        return this;
    }
    timeCompare(timeCompare) {
        this.internal.timeCompare = timeCompare;
        return this;
    }
}
exports.QueryOptionsSpecBuilder = QueryOptionsSpecBuilder;
//# sourceMappingURL=queryOptionsSpecBuilder.gen.js.map

/***/ }),

/***/ 7985:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.QueryVariableBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
/**
 * Query variable kind
 */
class QueryVariableBuilder {
    constructor(name) {
        this.internal = dashboardv2.defaultQueryVariableKind();
        this.internal.kind = "QueryVariable";
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultQueryVariableSpec();
        }
        this.internal.spec.name = name;
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    name(name) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultQueryVariableSpec();
        }
        this.internal.spec.name = name;
        return this;
    }
    current(current) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultQueryVariableSpec();
        }
        this.internal.spec.current = current;
        return this;
    }
    label(label) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultQueryVariableSpec();
        }
        this.internal.spec.label = label;
        return this;
    }
    hide(hide) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultQueryVariableSpec();
        }
        this.internal.spec.hide = hide;
        return this;
    }
    refresh(refresh) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultQueryVariableSpec();
        }
        this.internal.spec.refresh = refresh;
        return this;
    }
    skipUrlSync(skipUrlSync) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultQueryVariableSpec();
        }
        this.internal.spec.skipUrlSync = skipUrlSync;
        return this;
    }
    description(description) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultQueryVariableSpec();
        }
        this.internal.spec.description = description;
        return this;
    }
    query(query) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultQueryVariableSpec();
        }
        const queryResource = query.build();
        this.internal.spec.query = queryResource;
        return this;
    }
    regex(regex) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultQueryVariableSpec();
        }
        this.internal.spec.regex = regex;
        return this;
    }
    regexApplyTo(regexApplyTo) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultQueryVariableSpec();
        }
        this.internal.spec.regexApplyTo = regexApplyTo;
        return this;
    }
    sort(sort) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultQueryVariableSpec();
        }
        this.internal.spec.sort = sort;
        return this;
    }
    definition(definition) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultQueryVariableSpec();
        }
        this.internal.spec.definition = definition;
        return this;
    }
    options(options) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultQueryVariableSpec();
        }
        this.internal.spec.options = options;
        return this;
    }
    multi(multi) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultQueryVariableSpec();
        }
        this.internal.spec.multi = multi;
        return this;
    }
    includeAll(includeAll) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultQueryVariableSpec();
        }
        this.internal.spec.includeAll = includeAll;
        return this;
    }
    allValue(allValue) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultQueryVariableSpec();
        }
        this.internal.spec.allValue = allValue;
        return this;
    }
    placeholder(placeholder) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultQueryVariableSpec();
        }
        this.internal.spec.placeholder = placeholder;
        return this;
    }
    allowCustomValue(allowCustomValue) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultQueryVariableSpec();
        }
        this.internal.spec.allowCustomValue = allowCustomValue;
        return this;
    }
    staticOptions(staticOptions) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultQueryVariableSpec();
        }
        this.internal.spec.staticOptions = staticOptions;
        return this;
    }
    staticOptionsOrder(staticOptionsOrder) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultQueryVariableSpec();
        }
        this.internal.spec.staticOptionsOrder = staticOptionsOrder;
        return this;
    }
    origin(origin) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultQueryVariableSpec();
        }
        const originResource = origin.build();
        this.internal.spec.origin = originResource;
        return this;
    }
}
exports.QueryVariableBuilder = QueryVariableBuilder;
//# sourceMappingURL=queryVariableBuilder.gen.js.map

/***/ }),

/***/ 1156:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.RepeatOptionsBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
class RepeatOptionsBuilder {
    constructor() {
        this.internal = dashboardv2.defaultRepeatOptions();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    value(value) {
        this.internal.value = value;
        return this;
    }
    direction(direction) {
        this.internal.direction = direction;
        return this;
    }
    maxPerRow(maxPerRow) {
        this.internal.maxPerRow = maxPerRow;
        return this;
    }
}
exports.RepeatOptionsBuilder = RepeatOptionsBuilder;
//# sourceMappingURL=repeatOptionsBuilder.gen.js.map

/***/ }),

/***/ 5597:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.RowBuilder = void 0;
exports.row = row;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
class RowBuilder {
    constructor() {
        this.internal = dashboardv2.defaultRowsLayoutRowKind();
        this.internal.kind = "RowsLayoutRow";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    title(title) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultRowsLayoutRowSpec();
        }
        this.internal.spec.title = title;
        return this;
    }
    collapse(collapse) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultRowsLayoutRowSpec();
        }
        this.internal.spec.collapse = collapse;
        return this;
    }
    hideHeader(hideHeader) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultRowsLayoutRowSpec();
        }
        this.internal.spec.hideHeader = hideHeader;
        return this;
    }
    fillScreen(fillScreen) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultRowsLayoutRowSpec();
        }
        this.internal.spec.fillScreen = fillScreen;
        return this;
    }
    conditionalRendering(conditionalRendering) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultRowsLayoutRowSpec();
        }
        const conditionalRenderingResource = conditionalRendering.build();
        this.internal.spec.conditionalRendering = conditionalRenderingResource;
        return this;
    }
    repeat(repeat) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultRowsLayoutRowSpec();
        }
        const repeatResource = repeat.build();
        this.internal.spec.repeat = repeatResource;
        return this;
    }
    layout(layout) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultRowsLayoutRowSpec();
        }
        const layoutResource = layout.build();
        this.internal.spec.layout = layoutResource;
        return this;
    }
    variables(variables) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultRowsLayoutRowSpec();
        }
        const variablesResources = variables.map(builder1 => builder1.build());
        this.internal.spec.variables = variablesResources;
        return this;
    }
}
exports.RowBuilder = RowBuilder;
function row(title) {
    const builder = new RowBuilder();
    builder.title(title);
    return builder;
}
//# sourceMappingURL=rowBuilder.gen.js.map

/***/ }),

/***/ 5742:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.RowRepeatOptionsBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
class RowRepeatOptionsBuilder {
    constructor() {
        this.internal = dashboardv2.defaultRowRepeatOptions();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    value(value) {
        this.internal.value = value;
        return this;
    }
}
exports.RowRepeatOptionsBuilder = RowRepeatOptionsBuilder;
//# sourceMappingURL=rowRepeatOptionsBuilder.gen.js.map

/***/ }),

/***/ 520:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.RowsBuilder = void 0;
exports.rows = rows;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
class RowsBuilder {
    constructor() {
        this.internal = dashboardv2.defaultRowsLayoutKind();
        this.internal.kind = "RowsLayout";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    rows(rows) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultRowsLayoutSpec();
        }
        const rowsResources = rows.map(builder1 => builder1.build());
        this.internal.spec.rows = rowsResources;
        return this;
    }
    row(row) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultRowsLayoutSpec();
        }
        if (!this.internal.spec.rows) {
            this.internal.spec.rows = [];
        }
        const rowResource = row.build();
        this.internal.spec.rows.push(rowResource);
        return this;
    }
}
exports.RowsBuilder = RowsBuilder;
function rows() {
    const builder = new RowsBuilder();
    return builder;
}
//# sourceMappingURL=rowsBuilder.gen.js.map

/***/ }),

/***/ 4711:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.SwitchVariableBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
class SwitchVariableBuilder {
    constructor(name) {
        this.internal = dashboardv2.defaultSwitchVariableKind();
        this.internal.kind = "SwitchVariable";
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultSwitchVariableSpec();
        }
        this.internal.spec.name = name;
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    name(name) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultSwitchVariableSpec();
        }
        this.internal.spec.name = name;
        return this;
    }
    current(current) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultSwitchVariableSpec();
        }
        this.internal.spec.current = current;
        return this;
    }
    enabledValue(enabledValue) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultSwitchVariableSpec();
        }
        this.internal.spec.enabledValue = enabledValue;
        return this;
    }
    disabledValue(disabledValue) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultSwitchVariableSpec();
        }
        this.internal.spec.disabledValue = disabledValue;
        return this;
    }
    label(label) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultSwitchVariableSpec();
        }
        this.internal.spec.label = label;
        return this;
    }
    hide(hide) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultSwitchVariableSpec();
        }
        this.internal.spec.hide = hide;
        return this;
    }
    skipUrlSync(skipUrlSync) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultSwitchVariableSpec();
        }
        this.internal.spec.skipUrlSync = skipUrlSync;
        return this;
    }
    description(description) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultSwitchVariableSpec();
        }
        this.internal.spec.description = description;
        return this;
    }
    origin(origin) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultSwitchVariableSpec();
        }
        const originResource = origin.build();
        this.internal.spec.origin = originResource;
        return this;
    }
}
exports.SwitchVariableBuilder = SwitchVariableBuilder;
//# sourceMappingURL=switchVariableBuilder.gen.js.map

/***/ }),

/***/ 5468:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TabBuilder = void 0;
exports.tab = tab;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
class TabBuilder {
    constructor() {
        this.internal = dashboardv2.defaultTabsLayoutTabKind();
        this.internal.kind = "TabsLayoutTab";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    title(title) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultTabsLayoutTabSpec();
        }
        this.internal.spec.title = title;
        return this;
    }
    layout(layout) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultTabsLayoutTabSpec();
        }
        const layoutResource = layout.build();
        this.internal.spec.layout = layoutResource;
        return this;
    }
    conditionalRendering(conditionalRendering) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultTabsLayoutTabSpec();
        }
        const conditionalRenderingResource = conditionalRendering.build();
        this.internal.spec.conditionalRendering = conditionalRenderingResource;
        return this;
    }
    repeat(repeat) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultTabsLayoutTabSpec();
        }
        const repeatResource = repeat.build();
        this.internal.spec.repeat = repeatResource;
        return this;
    }
    variables(variables) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultTabsLayoutTabSpec();
        }
        const variablesResources = variables.map(builder1 => builder1.build());
        this.internal.spec.variables = variablesResources;
        return this;
    }
}
exports.TabBuilder = TabBuilder;
function tab(title) {
    const builder = new TabBuilder();
    builder.title(title);
    return builder;
}
//# sourceMappingURL=tabBuilder.gen.js.map

/***/ }),

/***/ 2841:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TabRepeatOptionsBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
class TabRepeatOptionsBuilder {
    constructor() {
        this.internal = dashboardv2.defaultTabRepeatOptions();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    value(value) {
        this.internal.value = value;
        return this;
    }
}
exports.TabRepeatOptionsBuilder = TabRepeatOptionsBuilder;
//# sourceMappingURL=tabRepeatOptionsBuilder.gen.js.map

/***/ }),

/***/ 1771:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TabsBuilder = void 0;
exports.tabs = tabs;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
class TabsBuilder {
    constructor() {
        this.internal = dashboardv2.defaultTabsLayoutKind();
        this.internal.kind = "TabsLayout";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    tabs(tabs) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultTabsLayoutSpec();
        }
        const tabsResources = tabs.map(builder1 => builder1.build());
        this.internal.spec.tabs = tabsResources;
        return this;
    }
    tab(tab) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultTabsLayoutSpec();
        }
        if (!this.internal.spec.tabs) {
            this.internal.spec.tabs = [];
        }
        const tabResource = tab.build();
        this.internal.spec.tabs.push(tabResource);
        return this;
    }
}
exports.TabsBuilder = TabsBuilder;
function tabs() {
    const builder = new TabsBuilder();
    return builder;
}
//# sourceMappingURL=tabsBuilder.gen.js.map

/***/ }),

/***/ 3640:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TargetBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
class TargetBuilder {
    constructor() {
        this.internal = dashboardv2.defaultPanelQueryKind();
        this.internal.kind = "PanelQuery";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    query(query) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultPanelQuerySpec();
        }
        const queryResource = query.build();
        this.internal.spec.query = queryResource;
        return this;
    }
    refId(refId) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultPanelQuerySpec();
        }
        this.internal.spec.refId = refId;
        return this;
    }
    hidden(hidden) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultPanelQuerySpec();
        }
        this.internal.spec.hidden = hidden;
        return this;
    }
}
exports.TargetBuilder = TargetBuilder;
//# sourceMappingURL=targetBuilder.gen.js.map

/***/ }),

/***/ 1350:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TextVariableBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
/**
 * Text variable kind
 */
class TextVariableBuilder {
    constructor(name) {
        this.internal = dashboardv2.defaultTextVariableKind();
        this.internal.kind = "TextVariable";
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultTextVariableSpec();
        }
        this.internal.spec.name = name;
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    name(name) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultTextVariableSpec();
        }
        this.internal.spec.name = name;
        return this;
    }
    current(current) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultTextVariableSpec();
        }
        this.internal.spec.current = current;
        return this;
    }
    query(query) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultTextVariableSpec();
        }
        this.internal.spec.query = query;
        return this;
    }
    label(label) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultTextVariableSpec();
        }
        this.internal.spec.label = label;
        return this;
    }
    hide(hide) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultTextVariableSpec();
        }
        this.internal.spec.hide = hide;
        return this;
    }
    skipUrlSync(skipUrlSync) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultTextVariableSpec();
        }
        this.internal.spec.skipUrlSync = skipUrlSync;
        return this;
    }
    description(description) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultTextVariableSpec();
        }
        this.internal.spec.description = description;
        return this;
    }
    origin(origin) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultTextVariableSpec();
        }
        const originResource = origin.build();
        this.internal.spec.origin = originResource;
        return this;
    }
}
exports.TextVariableBuilder = TextVariableBuilder;
//# sourceMappingURL=textVariableBuilder.gen.js.map

/***/ }),

/***/ 6101:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ThresholdsConfigBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
class ThresholdsConfigBuilder {
    constructor() {
        this.internal = dashboardv2.defaultThresholdsConfig();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    mode(mode) {
        this.internal.mode = mode;
        return this;
    }
    steps(steps) {
        this.internal.steps = steps;
        return this;
    }
}
exports.ThresholdsConfigBuilder = ThresholdsConfigBuilder;
//# sourceMappingURL=thresholdsConfigBuilder.gen.js.map

/***/ }),

/***/ 904:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TimeRangeOptionBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
class TimeRangeOptionBuilder {
    constructor() {
        this.internal = dashboardv2.defaultTimeRangeOption();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    display(display) {
        this.internal.display = display;
        return this;
    }
    from(from) {
        this.internal.from = from;
        return this;
    }
    to(to) {
        this.internal.to = to;
        return this;
    }
}
exports.TimeRangeOptionBuilder = TimeRangeOptionBuilder;
//# sourceMappingURL=timeRangeOptionBuilder.gen.js.map

/***/ }),

/***/ 8215:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TimeSettingsBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
/**
 * Time configuration
 * It defines the default time config for the time picker, the refresh picker for the specific dashboard.
 */
class TimeSettingsBuilder {
    constructor() {
        this.internal = dashboardv2.defaultTimeSettingsSpec();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Timezone of dashboard. Accepted values are IANA TZDB zone ID or "browser" or "utc".
    timezone(timezone) {
        this.internal.timezone = timezone;
        return this;
    }
    // Start time range for dashboard.
    // Accepted values are relative time strings like "now-6h" or absolute time strings like "2020-07-10T08:00:00.000Z".
    from(from) {
        this.internal.from = from;
        return this;
    }
    // End time range for dashboard.
    // Accepted values are relative time strings like "now-6h" or absolute time strings like "2020-07-10T08:00:00.000Z".
    to(to) {
        this.internal.to = to;
        return this;
    }
    // Refresh rate of dashboard. Represented via interval string, e.g. "5s", "1m", "1h", "1d".
    // v1: refresh
    autoRefresh(autoRefresh) {
        this.internal.autoRefresh = autoRefresh;
        return this;
    }
    // Interval options available in the refresh picker dropdown.
    // v1: timepicker.refresh_intervals
    autoRefreshIntervals(autoRefreshIntervals) {
        this.internal.autoRefreshIntervals = autoRefreshIntervals;
        return this;
    }
    // Selectable options available in the time picker dropdown. Has no effect on provisioned dashboard.
    // v1: timepicker.quick_ranges , not exposed in the UI
    quickRanges(quickRanges) {
        const quickRangesResources = quickRanges.map(builder1 => builder1.build());
        this.internal.quickRanges = quickRangesResources;
        return this;
    }
    // Whether timepicker is visible or not.
    // v1: timepicker.hidden
    hideTimepicker(hideTimepicker) {
        this.internal.hideTimepicker = hideTimepicker;
        return this;
    }
    // Day when the week starts. Expressed by the name of the day in lowercase, e.g. "monday".
    weekStart(weekStart) {
        this.internal.weekStart = weekStart;
        return this;
    }
    // The month that the fiscal year starts on. 0 = January, 11 = December
    fiscalYearStartMonth(fiscalYearStartMonth) {
        this.internal.fiscalYearStartMonth = fiscalYearStartMonth;
        return this;
    }
    // Override the now time by entering a time delay. Use this option to accommodate known delays in data aggregation to avoid null values.
    // v1: timepicker.nowDelay
    nowDelay(nowDelay) {
        this.internal.nowDelay = nowDelay;
        return this;
    }
}
exports.TimeSettingsBuilder = TimeSettingsBuilder;
//# sourceMappingURL=timeSettingsBuilder.gen.js.map

/***/ }),

/***/ 1408:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TransformationBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
class TransformationBuilder {
    constructor() {
        this.internal = dashboardv2.defaultTransformationKind();
        this.internal.kind = "Transformation";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // The group is the transformation ID
    group(group) {
        this.internal.group = group;
        return this;
    }
    // Disabled transformations are skipped
    disabled(disabled) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultTransformationSpec();
        }
        this.internal.spec.disabled = disabled;
        return this;
    }
    // Optional frame matcher. When missing it will be applied to all results
    filter(filter) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultTransformationSpec();
        }
        this.internal.spec.filter = filter;
        return this;
    }
    // Where to pull DataFrames from as input to transformation
    topic(topic) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultTransformationSpec();
        }
        this.internal.spec.topic = topic;
        return this;
    }
    // Options to be passed to the transformer
    // Valid options depend on the transformer id
    options(options) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultTransformationSpec();
        }
        this.internal.spec.options = options;
        return this;
    }
}
exports.TransformationBuilder = TransformationBuilder;
//# sourceMappingURL=transformationBuilder.gen.js.map

/***/ }),

/***/ 2333:
/***/ ((__unused_webpack_module, exports) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.defaultAction = exports.defaultFieldColorSeriesByMode = exports.FieldColorSeriesByMode = exports.defaultFieldColorModeId = exports.FieldColorModeId = exports.defaultFieldColor = exports.defaultThreshold = exports.defaultThresholdsMode = exports.ThresholdsMode = exports.defaultThresholdsConfig = exports.defaultSpecialValueMatch = exports.SpecialValueMatch = exports.defaultSpecialValueMap = exports.defaultRegexMap = exports.defaultRangeMap = exports.defaultValueMappingResult = exports.defaultMappingType = exports.MappingType = exports.defaultValueMap = exports.defaultValueMapping = exports.defaultFieldConfig = exports.defaultFieldConfigSource = exports.defaultVizConfigSpec = exports.defaultVizConfigKind = exports.defaultQueryOptionsSpec = exports.defaultDataTopic = exports.DataTopic = exports.defaultMatcherScope = exports.MatcherScope = exports.defaultMatcherConfig = exports.defaultTransformationSpec = exports.defaultTransformationKind = exports.defaultPanelQuerySpec = exports.defaultPanelQueryKind = exports.defaultQueryGroupSpec = exports.defaultQueryGroupKind = exports.defaultDataLink = exports.defaultPanelSpec = exports.defaultPanelKind = exports.defaultElement = exports.defaultDashboardCursorSync = exports.DashboardCursorSync = exports.defaultAnnotationEventFieldMapping = exports.defaultAnnotationQueryPlacement = exports.AnnotationQueryPlacement = exports.defaultAnnotationPanelFilter = exports.defaultDataQueryKind = exports.defaultAnnotationQuerySpec = exports.defaultAnnotationQueryKind = exports.defaultDashboard = void 0;
exports.VariableHide = exports.defaultVariableOption = exports.defaultQueryVariableSpec = exports.defaultQueryVariableKind = exports.defaultVariableKind = exports.defaultTabRepeatOptions = exports.defaultTabsLayoutTabSpec = exports.defaultTabsLayoutTabKind = exports.defaultTabsLayoutSpec = exports.defaultTabsLayoutKind = exports.defaultAutoGridRepeatOptions = exports.defaultAutoGridLayoutItemSpec = exports.defaultAutoGridLayoutItemKind = exports.defaultAutoGridLayoutSpec = exports.defaultAutoGridLayoutKind = exports.defaultRowRepeatOptions = exports.defaultConditionalRenderingTimeRangeSizeSpec = exports.defaultConditionalRenderingTimeRangeSizeKind = exports.defaultConditionalRenderingDataSpec = exports.defaultConditionalRenderingDataKind = exports.defaultConditionalRenderingVariableSpec = exports.defaultConditionalRenderingVariableKind = exports.defaultConditionalRenderingGroupSpec = exports.defaultConditionalRenderingGroupKind = exports.defaultRowsLayoutRowSpec = exports.defaultRowsLayoutRowKind = exports.defaultRowsLayoutSpec = exports.defaultRowsLayoutKind = exports.defaultRepeatMode = exports.RepeatMode = exports.defaultRepeatOptions = exports.defaultElementReference = exports.defaultGridLayoutItemSpec = exports.defaultGridLayoutItemKind = exports.defaultGridLayoutSpec = exports.defaultGridLayoutKind = exports.defaultLibraryPanelRef = exports.defaultLibraryPanelKindSpec = exports.defaultLibraryPanelKind = exports.defaultDynamicConfigValue = exports.defaultNullValueMode = exports.NullValueMode = exports.ActionVariableType = exports.defaultActionVariable = exports.defaultInfinityOptions = exports.defaultHttpRequestMethod = exports.HttpRequestMethod = exports.defaultFetchOptions = exports.defaultActionType = exports.ActionType = void 0;
exports.DashboardKind = exports.DashboardAPIVersion = exports.defaultVariableValueOption = exports.defaultCustomFormatterVariable = exports.defaultVariableType = exports.VariableType = exports.defaultCustomVariableValue = exports.defaultVariableValueSingle = exports.defaultVariableValue = exports.defaultKind = exports.defaultAnnotationEventFieldSource = exports.AnnotationEventFieldSource = exports.defaultPreferences = exports.defaultTimeRangeOption = exports.defaultTimeSettingsSpec = exports.defaultDashboardLinkPlacement = exports.DashboardLinkPlacement = exports.defaultDashboardLinkType = exports.DashboardLinkType = exports.defaultDashboardLink = exports.defaultSwitchVariableSpec = exports.defaultSwitchVariableKind = exports.defaultMetricFindValue = exports.FilterOrigin = exports.defaultAdHocFilterWithLabels = exports.defaultAdhocVariableSpec = exports.defaultAdhocVariableKind = exports.defaultGroupByVariableSpec = exports.defaultGroupByVariableKind = exports.defaultCustomVariableSpec = exports.defaultCustomVariableKind = exports.defaultIntervalVariableSpec = exports.defaultIntervalVariableKind = exports.defaultDatasourceVariableSpec = exports.defaultDatasourceVariableKind = exports.defaultConstantVariableSpec = exports.defaultConstantVariableKind = exports.defaultTextVariableSpec = exports.defaultTextVariableKind = exports.defaultDatasourceControlSourceRef = exports.defaultControlSourceRef = exports.defaultVariableSort = exports.VariableSort = exports.defaultVariableRegexApplyTo = exports.VariableRegexApplyTo = exports.defaultVariableRefresh = exports.VariableRefresh = exports.defaultVariableHide = void 0;
const defaultDashboard = () => ({
    annotations: [],
    cursorSync: DashboardCursorSync.Off,
    editable: true,
    elements: {},
    layout: (0, exports.defaultGridLayoutKind)(),
    links: [],
    preload: false,
    tags: [],
    timeSettings: (0, exports.defaultTimeSettingsSpec)(),
    title: "",
    variables: [],
});
exports.defaultDashboard = defaultDashboard;
const defaultAnnotationQueryKind = () => ({
    kind: "AnnotationQuery",
    spec: (0, exports.defaultAnnotationQuerySpec)(),
});
exports.defaultAnnotationQueryKind = defaultAnnotationQueryKind;
const defaultAnnotationQuerySpec = () => ({
    query: (0, exports.defaultDataQueryKind)(),
    enable: false,
    hide: false,
    iconColor: "",
    name: "",
    builtIn: false,
});
exports.defaultAnnotationQuerySpec = defaultAnnotationQuerySpec;
const defaultDataQueryKind = () => ({
    kind: "DataQuery",
    group: "",
    version: "v0",
    spec: {},
});
exports.defaultDataQueryKind = defaultDataQueryKind;
const defaultAnnotationPanelFilter = () => ({
    exclude: false,
    ids: [],
});
exports.defaultAnnotationPanelFilter = defaultAnnotationPanelFilter;
/**
 * Annotation Query placement. Defines where the annotation query should be displayed.
 * - "inControlsMenu" renders the annotation query in the dashboard controls dropdown menu
 */
var AnnotationQueryPlacement;
(function (AnnotationQueryPlacement) {
    AnnotationQueryPlacement["InControlsMenu"] = "inControlsMenu";
})(AnnotationQueryPlacement || (exports.AnnotationQueryPlacement = AnnotationQueryPlacement = {}));
const defaultAnnotationQueryPlacement = () => (AnnotationQueryPlacement.InControlsMenu);
exports.defaultAnnotationQueryPlacement = defaultAnnotationQueryPlacement;
const defaultAnnotationEventFieldMapping = () => ({
    source: "field",
});
exports.defaultAnnotationEventFieldMapping = defaultAnnotationEventFieldMapping;
/**
 * "Off" for no shared crosshair or tooltip (default).
 * "Crosshair" for shared crosshair.
 * "Tooltip" for shared crosshair AND shared tooltip.
 */
var DashboardCursorSync;
(function (DashboardCursorSync) {
    DashboardCursorSync["Crosshair"] = "Crosshair";
    DashboardCursorSync["Tooltip"] = "Tooltip";
    DashboardCursorSync["Off"] = "Off";
})(DashboardCursorSync || (exports.DashboardCursorSync = DashboardCursorSync = {}));
const defaultDashboardCursorSync = () => (DashboardCursorSync.Off);
exports.defaultDashboardCursorSync = defaultDashboardCursorSync;
const defaultElement = () => ((0, exports.defaultPanelKind)());
exports.defaultElement = defaultElement;
const defaultPanelKind = () => ({
    kind: "Panel",
    spec: (0, exports.defaultPanelSpec)(),
});
exports.defaultPanelKind = defaultPanelKind;
const defaultPanelSpec = () => ({
    id: 0,
    title: "",
    links: [],
    data: (0, exports.defaultQueryGroupKind)(),
    vizConfig: (0, exports.defaultVizConfigKind)(),
});
exports.defaultPanelSpec = defaultPanelSpec;
const defaultDataLink = () => ({
    title: "",
    url: "",
});
exports.defaultDataLink = defaultDataLink;
const defaultQueryGroupKind = () => ({
    kind: "QueryGroup",
    spec: (0, exports.defaultQueryGroupSpec)(),
});
exports.defaultQueryGroupKind = defaultQueryGroupKind;
const defaultQueryGroupSpec = () => ({
    queries: [],
    transformations: [],
    queryOptions: (0, exports.defaultQueryOptionsSpec)(),
});
exports.defaultQueryGroupSpec = defaultQueryGroupSpec;
const defaultPanelQueryKind = () => ({
    kind: "PanelQuery",
    spec: (0, exports.defaultPanelQuerySpec)(),
});
exports.defaultPanelQueryKind = defaultPanelQueryKind;
const defaultPanelQuerySpec = () => ({
    query: (0, exports.defaultDataQueryKind)(),
    refId: "",
    hidden: false,
});
exports.defaultPanelQuerySpec = defaultPanelQuerySpec;
const defaultTransformationKind = () => ({
    kind: "Transformation",
    group: "",
    spec: (0, exports.defaultTransformationSpec)(),
});
exports.defaultTransformationKind = defaultTransformationKind;
const defaultTransformationSpec = () => ({
    options: {},
});
exports.defaultTransformationSpec = defaultTransformationSpec;
const defaultMatcherConfig = () => ({
    id: "",
});
exports.defaultMatcherConfig = defaultMatcherConfig;
var MatcherScope;
(function (MatcherScope) {
    MatcherScope["Series"] = "series";
    MatcherScope["Nested"] = "nested";
    MatcherScope["Annotation"] = "annotation";
    MatcherScope["Exemplar"] = "exemplar";
})(MatcherScope || (exports.MatcherScope = MatcherScope = {}));
const defaultMatcherScope = () => (MatcherScope.Series);
exports.defaultMatcherScope = defaultMatcherScope;
/**
 * A topic is attached to DataFrame metadata in query results.
 * This specifies where the data should be used.
 */
var DataTopic;
(function (DataTopic) {
    DataTopic["Series"] = "series";
    DataTopic["Annotations"] = "annotations";
    DataTopic["AlertStates"] = "alertStates";
})(DataTopic || (exports.DataTopic = DataTopic = {}));
const defaultDataTopic = () => (DataTopic.Series);
exports.defaultDataTopic = defaultDataTopic;
const defaultQueryOptionsSpec = () => ({});
exports.defaultQueryOptionsSpec = defaultQueryOptionsSpec;
const defaultVizConfigKind = () => ({
    kind: "VizConfig",
    group: "",
    version: "",
    spec: (0, exports.defaultVizConfigSpec)(),
});
exports.defaultVizConfigKind = defaultVizConfigKind;
const defaultVizConfigSpec = () => ({
    options: {},
    fieldConfig: (0, exports.defaultFieldConfigSource)(),
});
exports.defaultVizConfigSpec = defaultVizConfigSpec;
const defaultFieldConfigSource = () => ({
    defaults: (0, exports.defaultFieldConfig)(),
    overrides: [],
});
exports.defaultFieldConfigSource = defaultFieldConfigSource;
const defaultFieldConfig = () => ({});
exports.defaultFieldConfig = defaultFieldConfig;
const defaultValueMapping = () => ((0, exports.defaultValueMap)());
exports.defaultValueMapping = defaultValueMapping;
const defaultValueMap = () => ({
    type: MappingType.Value,
    options: {},
});
exports.defaultValueMap = defaultValueMap;
/**
 * Supported value mapping types
 * `value`: Maps text values to a color or different display text and color. For example, you can configure a value mapping so that all instances of the value 10 appear as Perfection! rather than the number.
 * `range`: Maps numerical ranges to a display text and color. For example, if a value is within a certain range, you can configure a range value mapping to display Low or High rather than the number.
 * `regex`: Maps regular expressions to replacement text and a color. For example, if a value is www.example.com, you can configure a regex value mapping so that Grafana displays www and truncates the domain.
 * `special`: Maps special values like Null, NaN (not a number), and boolean values like true and false to a display text and color. See SpecialValueMatch to see the list of special values. For example, you can configure a special value mapping so that null values appear as N/A.
 */
var MappingType;
(function (MappingType) {
    MappingType["Value"] = "value";
    MappingType["Range"] = "range";
    MappingType["Regex"] = "regex";
    MappingType["Special"] = "special";
})(MappingType || (exports.MappingType = MappingType = {}));
const defaultMappingType = () => (MappingType.Value);
exports.defaultMappingType = defaultMappingType;
const defaultValueMappingResult = () => ({});
exports.defaultValueMappingResult = defaultValueMappingResult;
const defaultRangeMap = () => ({
    type: MappingType.Range,
    options: {
        from: 0,
        to: 0,
        result: (0, exports.defaultValueMappingResult)(),
    },
});
exports.defaultRangeMap = defaultRangeMap;
const defaultRegexMap = () => ({
    type: MappingType.Regex,
    options: {
        pattern: "",
        result: (0, exports.defaultValueMappingResult)(),
    },
});
exports.defaultRegexMap = defaultRegexMap;
const defaultSpecialValueMap = () => ({
    type: MappingType.Special,
    options: {
        match: SpecialValueMatch.True,
        result: (0, exports.defaultValueMappingResult)(),
    },
});
exports.defaultSpecialValueMap = defaultSpecialValueMap;
/**
 * Special value types supported by the `SpecialValueMap`
 */
var SpecialValueMatch;
(function (SpecialValueMatch) {
    SpecialValueMatch["True"] = "true";
    SpecialValueMatch["False"] = "false";
    SpecialValueMatch["Null"] = "null";
    SpecialValueMatch["NotANumber"] = "nan";
    SpecialValueMatch["NullAndNaN"] = "null+nan";
    SpecialValueMatch["Empty"] = "empty";
})(SpecialValueMatch || (exports.SpecialValueMatch = SpecialValueMatch = {}));
const defaultSpecialValueMatch = () => (SpecialValueMatch.True);
exports.defaultSpecialValueMatch = defaultSpecialValueMatch;
const defaultThresholdsConfig = () => ({
    mode: ThresholdsMode.Absolute,
    steps: [],
});
exports.defaultThresholdsConfig = defaultThresholdsConfig;
var ThresholdsMode;
(function (ThresholdsMode) {
    ThresholdsMode["Absolute"] = "absolute";
    ThresholdsMode["Percentage"] = "percentage";
})(ThresholdsMode || (exports.ThresholdsMode = ThresholdsMode = {}));
const defaultThresholdsMode = () => (ThresholdsMode.Absolute);
exports.defaultThresholdsMode = defaultThresholdsMode;
const defaultThreshold = () => ({
    value: 0,
    color: "",
});
exports.defaultThreshold = defaultThreshold;
const defaultFieldColor = () => ({
    mode: FieldColorModeId.Thresholds,
});
exports.defaultFieldColor = defaultFieldColor;
/**
 * Color mode for a field. You can specify a single color, or select a continuous (gradient) color schemes, based on a value.
 * Continuous color interpolates a color using the percentage of a value relative to min and max.
 * Accepted values are:
 * `thresholds`: From thresholds. Informs Grafana to take the color from the matching threshold
 * `palette-classic`: Classic palette. Grafana will assign color by looking up a color in a palette by series index. Useful for Graphs and pie charts and other categorical data visualizations
 * `palette-classic-by-name`: Classic palette (by name). Grafana will assign color by looking up a color in a palette by series name. Useful for Graphs and pie charts and other categorical data visualizations
 * `palette-colorblind`: Color blind safe palette. A discrete palette whose colors are distinguishable under common forms of color vision deficiency. Useful for categorical and multi-series data visualizations
 * `palette-categorical-next`: Experimental categorical palette. Useful for categorical and multi-series data visualizations
 * `palette-categorical-next-2`: Experimental categorical palette. Useful for categorical and multi-series data visualizations
 * `palette-categorical-next-3`: Experimental categorical palette. Useful for categorical and multi-series data visualizations
 * `continuous-viridis`: Continuous Viridis palette mode
 * `continuous-magma`: Continuous Magma palette mode
 * `continuous-plasma`: Continuous Plasma palette mode
 * `continuous-inferno`: Continuous Inferno palette mode
 * `continuous-cividis`: Continuous Cividis palette mode
 * `continuous-GrYlRd`: Continuous Green-Yellow-Red palette mode
 * `continuous-RdYlGr`: Continuous Red-Yellow-Green palette mode
 * `continuous-BlYlRd`: Continuous Blue-Yellow-Red palette mode
 * `continuous-YlRd`: Continuous Yellow-Red palette mode
 * `continuous-BlPu`: Continuous Blue-Purple palette mode
 * `continuous-YlBl`: Continuous Yellow-Blue palette mode
 * `continuous-blues`: Continuous Blue palette mode
 * `continuous-reds`: Continuous Red palette mode
 * `continuous-greens`: Continuous Green palette mode
 * `continuous-purples`: Continuous Purple palette mode
 * `shades`: Shades of a single color. Specify a single color, useful in an override rule.
 * `fixed`: Fixed color mode. Specify a single color, useful in an override rule.
 * `gradient`: Gradient color mode. Interpolate between two colors based on value order; the start color is taken from fixedColor and the end color from gradientColorTo.
 */
var FieldColorModeId;
(function (FieldColorModeId) {
    FieldColorModeId["Thresholds"] = "thresholds";
    FieldColorModeId["PaletteClassic"] = "palette-classic";
    FieldColorModeId["PaletteClassicByName"] = "palette-classic-by-name";
    FieldColorModeId["PaletteColorblind"] = "palette-colorblind";
    FieldColorModeId["PaletteCategoricalNext"] = "palette-categorical-next";
    FieldColorModeId["PaletteCategoricalNext2"] = "palette-categorical-next-2";
    FieldColorModeId["PaletteCategoricalNext3"] = "palette-categorical-next-3";
    FieldColorModeId["ContinuousViridis"] = "continuous-viridis";
    FieldColorModeId["ContinuousMagma"] = "continuous-magma";
    FieldColorModeId["ContinuousPlasma"] = "continuous-plasma";
    FieldColorModeId["ContinuousInferno"] = "continuous-inferno";
    FieldColorModeId["ContinuousCividis"] = "continuous-cividis";
    FieldColorModeId["ContinuousGrYlRd"] = "continuous-GrYlRd";
    FieldColorModeId["ContinuousRdYlGr"] = "continuous-RdYlGr";
    FieldColorModeId["ContinuousBlYlRd"] = "continuous-BlYlRd";
    FieldColorModeId["ContinuousYlRd"] = "continuous-YlRd";
    FieldColorModeId["ContinuousBlPu"] = "continuous-BlPu";
    FieldColorModeId["ContinuousYlBl"] = "continuous-YlBl";
    FieldColorModeId["ContinuousBlues"] = "continuous-blues";
    FieldColorModeId["ContinuousReds"] = "continuous-reds";
    FieldColorModeId["ContinuousGreens"] = "continuous-greens";
    FieldColorModeId["ContinuousPurples"] = "continuous-purples";
    FieldColorModeId["Fixed"] = "fixed";
    FieldColorModeId["Shades"] = "shades";
    FieldColorModeId["Gradient"] = "gradient";
})(FieldColorModeId || (exports.FieldColorModeId = FieldColorModeId = {}));
const defaultFieldColorModeId = () => (FieldColorModeId.Thresholds);
exports.defaultFieldColorModeId = defaultFieldColorModeId;
/**
 * Defines how to assign a series color from "by value" color schemes. For example for an aggregated data points like a timeseries, the color can be assigned by the min, max or last value.
 */
var FieldColorSeriesByMode;
(function (FieldColorSeriesByMode) {
    FieldColorSeriesByMode["Min"] = "min";
    FieldColorSeriesByMode["Max"] = "max";
    FieldColorSeriesByMode["Last"] = "last";
})(FieldColorSeriesByMode || (exports.FieldColorSeriesByMode = FieldColorSeriesByMode = {}));
const defaultFieldColorSeriesByMode = () => (FieldColorSeriesByMode.Min);
exports.defaultFieldColorSeriesByMode = defaultFieldColorSeriesByMode;
const defaultAction = () => ({
    type: ActionType.Fetch,
    title: "",
});
exports.defaultAction = defaultAction;
var ActionType;
(function (ActionType) {
    ActionType["Fetch"] = "fetch";
    ActionType["Infinity"] = "infinity";
})(ActionType || (exports.ActionType = ActionType = {}));
const defaultActionType = () => (ActionType.Fetch);
exports.defaultActionType = defaultActionType;
const defaultFetchOptions = () => ({
    method: HttpRequestMethod.GET,
    url: "",
});
exports.defaultFetchOptions = defaultFetchOptions;
var HttpRequestMethod;
(function (HttpRequestMethod) {
    HttpRequestMethod["GET"] = "GET";
    HttpRequestMethod["PUT"] = "PUT";
    HttpRequestMethod["POST"] = "POST";
    HttpRequestMethod["DELETE"] = "DELETE";
    HttpRequestMethod["PATCH"] = "PATCH";
})(HttpRequestMethod || (exports.HttpRequestMethod = HttpRequestMethod = {}));
const defaultHttpRequestMethod = () => (HttpRequestMethod.GET);
exports.defaultHttpRequestMethod = defaultHttpRequestMethod;
const defaultInfinityOptions = () => ({
    method: HttpRequestMethod.GET,
    url: "",
    datasourceUid: "",
});
exports.defaultInfinityOptions = defaultInfinityOptions;
const defaultActionVariable = () => ({
    key: "",
    name: "",
    type: exports.ActionVariableType,
});
exports.defaultActionVariable = defaultActionVariable;
/**
 * Action variable type
 */
exports.ActionVariableType = "string";
/**
 * How null values should be handled
 */
var NullValueMode;
(function (NullValueMode) {
    NullValueMode["Null"] = "null";
    NullValueMode["Connected"] = "connected";
    NullValueMode["NullAsZero"] = "null as zero";
})(NullValueMode || (exports.NullValueMode = NullValueMode = {}));
const defaultNullValueMode = () => (NullValueMode.Null);
exports.defaultNullValueMode = defaultNullValueMode;
const defaultDynamicConfigValue = () => ({
    id: "",
});
exports.defaultDynamicConfigValue = defaultDynamicConfigValue;
const defaultLibraryPanelKind = () => ({
    kind: "LibraryPanel",
    spec: (0, exports.defaultLibraryPanelKindSpec)(),
});
exports.defaultLibraryPanelKind = defaultLibraryPanelKind;
const defaultLibraryPanelKindSpec = () => ({
    id: 0,
    title: "",
    libraryPanel: (0, exports.defaultLibraryPanelRef)(),
});
exports.defaultLibraryPanelKindSpec = defaultLibraryPanelKindSpec;
const defaultLibraryPanelRef = () => ({
    name: "",
    uid: "",
});
exports.defaultLibraryPanelRef = defaultLibraryPanelRef;
const defaultGridLayoutKind = () => ({
    kind: "GridLayout",
    spec: (0, exports.defaultGridLayoutSpec)(),
});
exports.defaultGridLayoutKind = defaultGridLayoutKind;
const defaultGridLayoutSpec = () => ({
    items: [],
});
exports.defaultGridLayoutSpec = defaultGridLayoutSpec;
const defaultGridLayoutItemKind = () => ({
    kind: "GridLayoutItem",
    spec: (0, exports.defaultGridLayoutItemSpec)(),
});
exports.defaultGridLayoutItemKind = defaultGridLayoutItemKind;
const defaultGridLayoutItemSpec = () => ({
    x: 0,
    y: 0,
    width: 0,
    height: 0,
    element: (0, exports.defaultElementReference)(),
});
exports.defaultGridLayoutItemSpec = defaultGridLayoutItemSpec;
const defaultElementReference = () => ({
    kind: "ElementReference",
    name: "",
});
exports.defaultElementReference = defaultElementReference;
const defaultRepeatOptions = () => ({
    mode: RepeatMode.Variable,
    value: "",
});
exports.defaultRepeatOptions = defaultRepeatOptions;
/**
 * other repeat modes will be added in the future: label, frame
 */
var RepeatMode;
(function (RepeatMode) {
    RepeatMode["Variable"] = "variable";
})(RepeatMode || (exports.RepeatMode = RepeatMode = {}));
const defaultRepeatMode = () => (RepeatMode.Variable);
exports.defaultRepeatMode = defaultRepeatMode;
const defaultRowsLayoutKind = () => ({
    kind: "RowsLayout",
    spec: (0, exports.defaultRowsLayoutSpec)(),
});
exports.defaultRowsLayoutKind = defaultRowsLayoutKind;
const defaultRowsLayoutSpec = () => ({
    rows: [],
});
exports.defaultRowsLayoutSpec = defaultRowsLayoutSpec;
const defaultRowsLayoutRowKind = () => ({
    kind: "RowsLayoutRow",
    spec: (0, exports.defaultRowsLayoutRowSpec)(),
});
exports.defaultRowsLayoutRowKind = defaultRowsLayoutRowKind;
const defaultRowsLayoutRowSpec = () => ({
    layout: (0, exports.defaultGridLayoutKind)(),
});
exports.defaultRowsLayoutRowSpec = defaultRowsLayoutRowSpec;
const defaultConditionalRenderingGroupKind = () => ({
    kind: "ConditionalRenderingGroup",
    spec: (0, exports.defaultConditionalRenderingGroupSpec)(),
});
exports.defaultConditionalRenderingGroupKind = defaultConditionalRenderingGroupKind;
const defaultConditionalRenderingGroupSpec = () => ({
    visibility: "show",
    condition: "and",
    items: [],
});
exports.defaultConditionalRenderingGroupSpec = defaultConditionalRenderingGroupSpec;
const defaultConditionalRenderingVariableKind = () => ({
    kind: "ConditionalRenderingVariable",
    spec: (0, exports.defaultConditionalRenderingVariableSpec)(),
});
exports.defaultConditionalRenderingVariableKind = defaultConditionalRenderingVariableKind;
const defaultConditionalRenderingVariableSpec = () => ({
    variable: "",
    operator: "equals",
    value: "",
});
exports.defaultConditionalRenderingVariableSpec = defaultConditionalRenderingVariableSpec;
const defaultConditionalRenderingDataKind = () => ({
    kind: "ConditionalRenderingData",
    spec: (0, exports.defaultConditionalRenderingDataSpec)(),
});
exports.defaultConditionalRenderingDataKind = defaultConditionalRenderingDataKind;
const defaultConditionalRenderingDataSpec = () => ({
    value: false,
});
exports.defaultConditionalRenderingDataSpec = defaultConditionalRenderingDataSpec;
const defaultConditionalRenderingTimeRangeSizeKind = () => ({
    kind: "ConditionalRenderingTimeRangeSize",
    spec: (0, exports.defaultConditionalRenderingTimeRangeSizeSpec)(),
});
exports.defaultConditionalRenderingTimeRangeSizeKind = defaultConditionalRenderingTimeRangeSizeKind;
const defaultConditionalRenderingTimeRangeSizeSpec = () => ({
    value: "",
});
exports.defaultConditionalRenderingTimeRangeSizeSpec = defaultConditionalRenderingTimeRangeSizeSpec;
const defaultRowRepeatOptions = () => ({
    mode: RepeatMode.Variable,
    value: "",
});
exports.defaultRowRepeatOptions = defaultRowRepeatOptions;
const defaultAutoGridLayoutKind = () => ({
    kind: "AutoGridLayout",
    spec: (0, exports.defaultAutoGridLayoutSpec)(),
});
exports.defaultAutoGridLayoutKind = defaultAutoGridLayoutKind;
const defaultAutoGridLayoutSpec = () => ({
    maxColumnCount: 3,
    columnWidthMode: "standard",
    rowHeightMode: "standard",
    fillScreen: false,
    items: [],
});
exports.defaultAutoGridLayoutSpec = defaultAutoGridLayoutSpec;
const defaultAutoGridLayoutItemKind = () => ({
    kind: "AutoGridLayoutItem",
    spec: (0, exports.defaultAutoGridLayoutItemSpec)(),
});
exports.defaultAutoGridLayoutItemKind = defaultAutoGridLayoutItemKind;
const defaultAutoGridLayoutItemSpec = () => ({
    element: (0, exports.defaultElementReference)(),
});
exports.defaultAutoGridLayoutItemSpec = defaultAutoGridLayoutItemSpec;
const defaultAutoGridRepeatOptions = () => ({
    mode: RepeatMode.Variable,
    value: "",
});
exports.defaultAutoGridRepeatOptions = defaultAutoGridRepeatOptions;
const defaultTabsLayoutKind = () => ({
    kind: "TabsLayout",
    spec: (0, exports.defaultTabsLayoutSpec)(),
});
exports.defaultTabsLayoutKind = defaultTabsLayoutKind;
const defaultTabsLayoutSpec = () => ({
    tabs: [],
});
exports.defaultTabsLayoutSpec = defaultTabsLayoutSpec;
const defaultTabsLayoutTabKind = () => ({
    kind: "TabsLayoutTab",
    spec: (0, exports.defaultTabsLayoutTabSpec)(),
});
exports.defaultTabsLayoutTabKind = defaultTabsLayoutTabKind;
const defaultTabsLayoutTabSpec = () => ({
    layout: (0, exports.defaultGridLayoutKind)(),
});
exports.defaultTabsLayoutTabSpec = defaultTabsLayoutTabSpec;
const defaultTabRepeatOptions = () => ({
    mode: RepeatMode.Variable,
    value: "",
});
exports.defaultTabRepeatOptions = defaultTabRepeatOptions;
const defaultVariableKind = () => ((0, exports.defaultQueryVariableKind)());
exports.defaultVariableKind = defaultVariableKind;
const defaultQueryVariableKind = () => ({
    kind: "QueryVariable",
    spec: (0, exports.defaultQueryVariableSpec)(),
});
exports.defaultQueryVariableKind = defaultQueryVariableKind;
const defaultQueryVariableSpec = () => ({
    name: "",
    current: { text: "", value: "", },
    hide: VariableHide.DontHide,
    refresh: VariableRefresh.Never,
    skipUrlSync: false,
    query: (0, exports.defaultDataQueryKind)(),
    regex: "",
    regexApplyTo: VariableRegexApplyTo.Value,
    sort: VariableSort.Disabled,
    options: [],
    multi: false,
    includeAll: false,
    allowCustomValue: true,
});
exports.defaultQueryVariableSpec = defaultQueryVariableSpec;
const defaultVariableOption = () => ({
    text: "",
    value: "",
});
exports.defaultVariableOption = defaultVariableOption;
/**
 * Determine if the variable shows on dashboard
 * Accepted values are `dontHide` (show label and value), `hideLabel` (show value only), `hideVariable` (show nothing), `inControlsMenu` (show in a drop-down menu).
 */
var VariableHide;
(function (VariableHide) {
    VariableHide["DontHide"] = "dontHide";
    VariableHide["HideLabel"] = "hideLabel";
    VariableHide["HideVariable"] = "hideVariable";
    VariableHide["InControlsMenu"] = "inControlsMenu";
})(VariableHide || (exports.VariableHide = VariableHide = {}));
const defaultVariableHide = () => (VariableHide.DontHide);
exports.defaultVariableHide = defaultVariableHide;
/**
 * Options to config when to refresh a variable
 * `never`: Never refresh the variable
 * `onDashboardLoad`: Queries the data source every time the dashboard loads.
 * `onTimeRangeChanged`: Queries the data source when the dashboard time range changes.
 */
var VariableRefresh;
(function (VariableRefresh) {
    VariableRefresh["Never"] = "never";
    VariableRefresh["OnDashboardLoad"] = "onDashboardLoad";
    VariableRefresh["OnTimeRangeChanged"] = "onTimeRangeChanged";
})(VariableRefresh || (exports.VariableRefresh = VariableRefresh = {}));
const defaultVariableRefresh = () => (VariableRefresh.Never);
exports.defaultVariableRefresh = defaultVariableRefresh;
/**
 * Determine whether regex applies to variable value or display text
 * Accepted values are `value` (apply to value used in queries) or `text` (apply to display text shown to users)
 */
var VariableRegexApplyTo;
(function (VariableRegexApplyTo) {
    VariableRegexApplyTo["Value"] = "value";
    VariableRegexApplyTo["Text"] = "text";
})(VariableRegexApplyTo || (exports.VariableRegexApplyTo = VariableRegexApplyTo = {}));
const defaultVariableRegexApplyTo = () => (VariableRegexApplyTo.Value);
exports.defaultVariableRegexApplyTo = defaultVariableRegexApplyTo;
/**
 * Sort variable options
 * Accepted values are:
 * `disabled`: No sorting
 * `alphabeticalAsc`: Alphabetical ASC
 * `alphabeticalDesc`: Alphabetical DESC
 * `numericalAsc`: Numerical ASC
 * `numericalDesc`: Numerical DESC
 * `alphabeticalCaseInsensitiveAsc`: Alphabetical Case Insensitive ASC
 * `alphabeticalCaseInsensitiveDesc`: Alphabetical Case Insensitive DESC
 * `naturalAsc`: Natural ASC
 * `naturalDesc`: Natural DESC
 * VariableSort enum with default value
 */
var VariableSort;
(function (VariableSort) {
    VariableSort["Disabled"] = "disabled";
    VariableSort["AlphabeticalAsc"] = "alphabeticalAsc";
    VariableSort["AlphabeticalDesc"] = "alphabeticalDesc";
    VariableSort["NumericalAsc"] = "numericalAsc";
    VariableSort["NumericalDesc"] = "numericalDesc";
    VariableSort["AlphabeticalCaseInsensitiveAsc"] = "alphabeticalCaseInsensitiveAsc";
    VariableSort["AlphabeticalCaseInsensitiveDesc"] = "alphabeticalCaseInsensitiveDesc";
    VariableSort["NaturalAsc"] = "naturalAsc";
    VariableSort["NaturalDesc"] = "naturalDesc";
})(VariableSort || (exports.VariableSort = VariableSort = {}));
const defaultVariableSort = () => (VariableSort.Disabled);
exports.defaultVariableSort = defaultVariableSort;
const defaultControlSourceRef = () => ((0, exports.defaultDatasourceControlSourceRef)());
exports.defaultControlSourceRef = defaultControlSourceRef;
const defaultDatasourceControlSourceRef = () => ({
    type: "datasource",
    group: "",
});
exports.defaultDatasourceControlSourceRef = defaultDatasourceControlSourceRef;
const defaultTextVariableKind = () => ({
    kind: "TextVariable",
    spec: (0, exports.defaultTextVariableSpec)(),
});
exports.defaultTextVariableKind = defaultTextVariableKind;
const defaultTextVariableSpec = () => ({
    name: "",
    current: { text: "", value: "", },
    query: "",
    hide: VariableHide.DontHide,
    skipUrlSync: false,
});
exports.defaultTextVariableSpec = defaultTextVariableSpec;
const defaultConstantVariableKind = () => ({
    kind: "ConstantVariable",
    spec: (0, exports.defaultConstantVariableSpec)(),
});
exports.defaultConstantVariableKind = defaultConstantVariableKind;
const defaultConstantVariableSpec = () => ({
    name: "",
    query: "",
    current: { text: "", value: "", },
    hide: VariableHide.DontHide,
    skipUrlSync: false,
});
exports.defaultConstantVariableSpec = defaultConstantVariableSpec;
const defaultDatasourceVariableKind = () => ({
    kind: "DatasourceVariable",
    spec: (0, exports.defaultDatasourceVariableSpec)(),
});
exports.defaultDatasourceVariableKind = defaultDatasourceVariableKind;
const defaultDatasourceVariableSpec = () => ({
    name: "",
    pluginId: "",
    refresh: VariableRefresh.Never,
    regex: "",
    current: { text: "", value: "", },
    options: [],
    multi: false,
    includeAll: false,
    hide: VariableHide.DontHide,
    skipUrlSync: false,
    allowCustomValue: true,
});
exports.defaultDatasourceVariableSpec = defaultDatasourceVariableSpec;
const defaultIntervalVariableKind = () => ({
    kind: "IntervalVariable",
    spec: (0, exports.defaultIntervalVariableSpec)(),
});
exports.defaultIntervalVariableKind = defaultIntervalVariableKind;
const defaultIntervalVariableSpec = () => ({
    name: "",
    query: "",
    current: { text: "", value: "", },
    options: [],
    auto: false,
    auto_min: "",
    auto_count: 0,
    refresh: "onTimeRangeChanged",
    hide: VariableHide.DontHide,
    skipUrlSync: false,
});
exports.defaultIntervalVariableSpec = defaultIntervalVariableSpec;
const defaultCustomVariableKind = () => ({
    kind: "CustomVariable",
    spec: (0, exports.defaultCustomVariableSpec)(),
});
exports.defaultCustomVariableKind = defaultCustomVariableKind;
const defaultCustomVariableSpec = () => ({
    name: "",
    query: "",
    current: (0, exports.defaultVariableOption)(),
    options: [],
    multi: false,
    includeAll: false,
    hide: VariableHide.DontHide,
    skipUrlSync: false,
    allowCustomValue: true,
});
exports.defaultCustomVariableSpec = defaultCustomVariableSpec;
const defaultGroupByVariableKind = () => ({
    kind: "GroupByVariable",
    group: "",
    spec: (0, exports.defaultGroupByVariableSpec)(),
});
exports.defaultGroupByVariableKind = defaultGroupByVariableKind;
const defaultGroupByVariableSpec = () => ({
    name: "",
    current: { text: "", value: "", },
    options: [],
    multi: false,
    hide: VariableHide.DontHide,
    skipUrlSync: false,
});
exports.defaultGroupByVariableSpec = defaultGroupByVariableSpec;
const defaultAdhocVariableKind = () => ({
    kind: "AdhocVariable",
    group: "",
    spec: (0, exports.defaultAdhocVariableSpec)(),
});
exports.defaultAdhocVariableKind = defaultAdhocVariableKind;
const defaultAdhocVariableSpec = () => ({
    name: "",
    baseFilters: [],
    filters: [],
    defaultKeys: [],
    hide: VariableHide.DontHide,
    skipUrlSync: false,
    allowCustomValue: true,
    enableGroupBy: false,
});
exports.defaultAdhocVariableSpec = defaultAdhocVariableSpec;
const defaultAdHocFilterWithLabels = () => ({
    key: "",
    operator: "",
    value: "",
    origin: exports.FilterOrigin,
});
exports.defaultAdHocFilterWithLabels = defaultAdHocFilterWithLabels;
/**
 * Determine the origin of the adhoc variable filter
 */
exports.FilterOrigin = "dashboard";
const defaultMetricFindValue = () => ({
    text: "",
});
exports.defaultMetricFindValue = defaultMetricFindValue;
const defaultSwitchVariableKind = () => ({
    kind: "SwitchVariable",
    spec: (0, exports.defaultSwitchVariableSpec)(),
});
exports.defaultSwitchVariableKind = defaultSwitchVariableKind;
const defaultSwitchVariableSpec = () => ({
    name: "",
    current: "false",
    enabledValue: "true",
    disabledValue: "false",
    hide: VariableHide.DontHide,
    skipUrlSync: false,
});
exports.defaultSwitchVariableSpec = defaultSwitchVariableSpec;
const defaultDashboardLink = () => ({
    title: "",
    type: DashboardLinkType.Link,
    icon: "",
    tooltip: "",
    tags: [],
    asDropdown: false,
    targetBlank: false,
    includeVars: false,
    keepTime: false,
});
exports.defaultDashboardLink = defaultDashboardLink;
/**
 * Dashboard Link type. Accepted values are dashboards (to refer to another dashboard) and link (to refer to an external resource)
 */
var DashboardLinkType;
(function (DashboardLinkType) {
    DashboardLinkType["Link"] = "link";
    DashboardLinkType["Dashboards"] = "dashboards";
})(DashboardLinkType || (exports.DashboardLinkType = DashboardLinkType = {}));
const defaultDashboardLinkType = () => (DashboardLinkType.Link);
exports.defaultDashboardLinkType = defaultDashboardLinkType;
/**
 * Dashboard Link placement. Defines where the link should be displayed.
 * - "inControlsMenu" renders the link in bottom part of the dashboard controls dropdown menu
 */
var DashboardLinkPlacement;
(function (DashboardLinkPlacement) {
    DashboardLinkPlacement["InControlsMenu"] = "inControlsMenu";
})(DashboardLinkPlacement || (exports.DashboardLinkPlacement = DashboardLinkPlacement = {}));
const defaultDashboardLinkPlacement = () => (DashboardLinkPlacement.InControlsMenu);
exports.defaultDashboardLinkPlacement = defaultDashboardLinkPlacement;
const defaultTimeSettingsSpec = () => ({
    timezone: "browser",
    from: "now-6h",
    to: "now",
    autoRefresh: "",
    autoRefreshIntervals: [
        "5s",
        "10s",
        "30s",
        "1m",
        "5m",
        "15m",
        "30m",
        "1h",
        "2h",
        "1d",
    ],
    hideTimepicker: false,
    fiscalYearStartMonth: 0,
});
exports.defaultTimeSettingsSpec = defaultTimeSettingsSpec;
const defaultTimeRangeOption = () => ({
    display: "Last 6 hours",
    from: "now-6h",
    to: "now",
});
exports.defaultTimeRangeOption = defaultTimeRangeOption;
const defaultPreferences = () => ({});
exports.defaultPreferences = defaultPreferences;
/**
 * Annotation event field source. Defines how to obtain the value for an annotation event field.
 * - "field": Find the value with a matching key (default)
 * - "text": Write a constant string into the value
 * - "skip": Do not include the field
 */
var AnnotationEventFieldSource;
(function (AnnotationEventFieldSource) {
    AnnotationEventFieldSource["Field"] = "field";
    AnnotationEventFieldSource["Text"] = "text";
    AnnotationEventFieldSource["Skip"] = "skip";
})(AnnotationEventFieldSource || (exports.AnnotationEventFieldSource = AnnotationEventFieldSource = {}));
const defaultAnnotationEventFieldSource = () => (AnnotationEventFieldSource.Field);
exports.defaultAnnotationEventFieldSource = defaultAnnotationEventFieldSource;
const defaultKind = () => ({
    kind: "",
    spec: {},
});
exports.defaultKind = defaultKind;
const defaultVariableValue = () => ((0, exports.defaultVariableValueSingle)());
exports.defaultVariableValue = defaultVariableValue;
const defaultVariableValueSingle = () => ("");
exports.defaultVariableValueSingle = defaultVariableValueSingle;
const defaultCustomVariableValue = () => ({
    formatter: "",
});
exports.defaultCustomVariableValue = defaultCustomVariableValue;
/**
 * Dashboard variable type
 * `query`: Query-generated list of values such as metric names, server names, sensor IDs, data centers, and so on.
 * `adhoc`: Key/value filters that are automatically added to all metric queries for a data source (Prometheus, Loki, InfluxDB, and Elasticsearch only).
 * `constant`: 	Define a hidden constant.
 * `datasource`: Quickly change the data source for an entire dashboard.
 * `interval`: Interval variables represent time spans.
 * `textbox`: Display a free text input field with an optional default value.
 * `custom`: Define the variable options manually using a comma-separated list.
 * `system`: Variables defined by Grafana. See: https://grafana.com/docs/grafana/latest/dashboards/variables/add-template-variables/#global-variables
 */
var VariableType;
(function (VariableType) {
    VariableType["Query"] = "query";
    VariableType["Adhoc"] = "adhoc";
    VariableType["Groupby"] = "groupby";
    VariableType["Constant"] = "constant";
    VariableType["Datasource"] = "datasource";
    VariableType["Interval"] = "interval";
    VariableType["Textbox"] = "textbox";
    VariableType["Custom"] = "custom";
    VariableType["System"] = "system";
    VariableType["Snapshot"] = "snapshot";
    VariableType["Switch"] = "switch";
})(VariableType || (exports.VariableType = VariableType = {}));
const defaultVariableType = () => (VariableType.Query);
exports.defaultVariableType = defaultVariableType;
const defaultCustomFormatterVariable = () => ({
    name: "",
    type: VariableType.Query,
    multi: false,
    includeAll: false,
});
exports.defaultCustomFormatterVariable = defaultCustomFormatterVariable;
const defaultVariableValueOption = () => ({
    label: "",
    value: (0, exports.defaultVariableValueSingle)(),
});
exports.defaultVariableValueOption = defaultVariableValueOption;
exports.DashboardAPIVersion = "dashboard.grafana.app/v2";
exports.DashboardKind = "Dashboard";
//# sourceMappingURL=types.gen.js.map

/***/ }),

/***/ 5107:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ValueMappingResultBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
/**
 * Result used as replacement with text and color when the value matches
 */
class ValueMappingResultBuilder {
    constructor() {
        this.internal = dashboardv2.defaultValueMappingResult();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Text to display when the value matches
    text(text) {
        this.internal.text = text;
        return this;
    }
    // Text to use when the value matches
    color(color) {
        this.internal.color = color;
        return this;
    }
    // Icon to display when the value matches. Only specific visualizations.
    icon(icon) {
        this.internal.icon = icon;
        return this;
    }
    // Position in the mapping array. Only used internally.
    index(index) {
        this.internal.index = index;
        return this;
    }
}
exports.ValueMappingResultBuilder = ValueMappingResultBuilder;
//# sourceMappingURL=valueMappingResultBuilder.gen.js.map

/***/ }),

/***/ 7953:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.VariableValueOptionBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
/**
 * FIXME: should we introduce this? --- Variable value option
 */
class VariableValueOptionBuilder {
    constructor() {
        this.internal = dashboardv2.defaultVariableValueOption();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    label(label) {
        this.internal.label = label;
        return this;
    }
    value(value) {
        this.internal.value = value;
        return this;
    }
    group(group) {
        this.internal.group = group;
        return this;
    }
}
exports.VariableValueOptionBuilder = VariableValueOptionBuilder;
//# sourceMappingURL=variableValueOptionBuilder.gen.js.map

/***/ }),

/***/ 2470:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.VizConfigKindBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
class VizConfigKindBuilder {
    constructor() {
        this.internal = dashboardv2.defaultVizConfigKind();
        this.internal.kind = "VizConfig";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // The group is the plugin ID
    group(group) {
        this.internal.group = group;
        return this;
    }
    version(version) {
        this.internal.version = version;
        return this;
    }
    spec(spec) {
        this.internal.spec = spec;
        return this;
    }
    options(options) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        this.internal.spec.options = options;
        return this;
    }
    fieldConfig(fieldConfig) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        this.internal.spec.fieldConfig = fieldConfig;
        return this;
    }
    // The display value for this field.  This supports template variables blank is auto
    displayName(displayName) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.displayName = displayName;
        return this;
    }
    // This can be used by data sources that return and explicit naming structure for values and labels
    // When this property is configured, this value is used rather than the default naming strategy.
    displayNameFromDS(displayNameFromDS) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.displayNameFromDS = displayNameFromDS;
        return this;
    }
    // Human readable field metadata
    description(description) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.description = description;
        return this;
    }
    // An explicit path to the field in the datasource.  When the frame meta includes a path,
    // This will default to `${frame.meta.path}/${field.name}
    // 
    // When defined, this value can be used as an identifier within the datasource scope, and
    // may be used to update the results
    path(path) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.path = path;
        return this;
    }
    // True if data source can write a value to the path. Auth/authz are supported separately
    writeable(writeable) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.writeable = writeable;
        return this;
    }
    // True if data source field supports ad-hoc filters
    filterable(filterable) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.filterable = filterable;
        return this;
    }
    // Unit a field should use. The unit you select is applied to all fields except time.
    // You can use the units ID available in Grafana or a custom unit.
    // Available units in Grafana: https://github.com/grafana/grafana/blob/main/packages/grafana-data/src/valueFormats/categories.ts
    // As custom unit, you can use the following formats:
    // `suffix:<suffix>` for custom unit that should go after value.
    // `prefix:<prefix>` for custom unit that should go before value.
    // `time:<format>` For custom date time formats type for example `time:YYYY-MM-DD`.
    // `si:<base scale><unit characters>` for custom SI units. For example: `si: mF`. This one is a bit more advanced as you can specify both a unit and the source data scale. So if your source data is represented as milli (thousands of) something prefix the unit with that SI scale character.
    // `count:<unit>` for a custom count unit.
    // `currency:<unit>` for custom a currency unit.
    unit(unit) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.unit = unit;
        return this;
    }
    // Specify the number of decimals Grafana includes in the rendered value.
    // If you leave this field blank, Grafana automatically truncates the number of decimals based on the value.
    // For example 1.1234 will display as 1.12 and 100.456 will display as 100.
    // To display all decimals, set the unit to `String`.
    decimals(decimals) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.decimals = decimals;
        return this;
    }
    // The minimum value used in percentage threshold calculations. Leave blank for auto calculation based on all series and fields.
    min(min) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.min = min;
        return this;
    }
    // The maximum value used in percentage threshold calculations. Leave blank for auto calculation based on all series and fields.
    max(max) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.max = max;
        return this;
    }
    // Convert input values into a display string
    mappings(mappings) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.mappings = mappings;
        return this;
    }
    // Map numeric values to states
    thresholds(thresholds) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        const thresholdsResource = thresholds.build();
        this.internal.spec.fieldConfig.defaults.thresholds = thresholdsResource;
        return this;
    }
    // Panel color configuration
    colorScheme(color) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        const colorResource = color.build();
        this.internal.spec.fieldConfig.defaults.color = colorResource;
        return this;
    }
    // The behavior when clicking on a result
    dataLinks(links) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.links = links;
        return this;
    }
    // Define interactive HTTP requests that can be triggered from data visualizations.
    actions(actions) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        const actionsResources = actions.map(builder1 => builder1.build());
        this.internal.spec.fieldConfig.defaults.actions = actionsResources;
        return this;
    }
    // Alternative to empty string
    noValue(noValue) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.noValue = noValue;
        return this;
    }
    // custom is specified by the FieldConfig field
    // in panel plugin schemas.
    custom(custom) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom = custom;
        return this;
    }
    // Calculate min max per field
    fieldMinMax(fieldMinMax) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.fieldMinMax = fieldMinMax;
        return this;
    }
    // How null values should be handled when calculating field stats
    // "null" - Include null values, "connected" - Ignore nulls, "null as zero" - Treat nulls as zero
    nullValueMode(nullValueMode) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.nullValueMode = nullValueMode;
        return this;
    }
    // Defaults are the options applied to all fields.
    defaults(defaults) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        this.internal.spec.fieldConfig.defaults = defaults;
        return this;
    }
    // Overrides are the options applied to specific fields overriding the defaults.
    overrides(overrides) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        this.internal.spec.fieldConfig.overrides = overrides;
        return this;
    }
    // Overrides are the options applied to specific fields overriding the defaults.
    override(override) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push(override);
        return this;
    }
    // Adds override rules for a specific field, referred to by its name.
    overrideByName(name, properties) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push({
            matcher: {
                id: "byName",
                options: name,
            },
            properties: properties,
        });
        return this;
    }
    // Adds override rules for the fields whose name match the given regexp.
    overrideByRegexp(regexp, properties) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push({
            matcher: {
                id: "byRegexp",
                options: regexp,
            },
            properties: properties,
        });
        return this;
    }
    // Adds override rules for all the fields of the given type.
    overrideByFieldType(fieldType, properties) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push({
            matcher: {
                id: "byType",
                options: fieldType,
            },
            properties: properties,
        });
        return this;
    }
    overrideByQuery(queryRefId, properties) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push({
            matcher: {
                id: "byFrameRefID",
                options: queryRefId,
            },
            properties: properties,
        });
        return this;
    }
}
exports.VizConfigKindBuilder = VizConfigKindBuilder;
//# sourceMappingURL=vizConfigKindBuilder.gen.js.map

/***/ }),

/***/ 6840:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ActionBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class ActionBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultAction();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    type(type) {
        this.internal.type = type;
        return this;
    }
    title(title) {
        this.internal.title = title;
        return this;
    }
    fetch(fetch) {
        const fetchResource = fetch.build();
        this.internal.fetch = fetchResource;
        return this;
    }
    infinity(infinity) {
        const infinityResource = infinity.build();
        this.internal.infinity = infinityResource;
        return this;
    }
    confirmation(confirmation) {
        this.internal.confirmation = confirmation;
        return this;
    }
    oneClick(oneClick) {
        this.internal.oneClick = oneClick;
        return this;
    }
    variables(variables) {
        const variablesResources = variables.map(builder1 => builder1.build());
        this.internal.variables = variablesResources;
        return this;
    }
    style(style) {
        this.internal.style = style;
        return this;
    }
}
exports.ActionBuilder = ActionBuilder;
//# sourceMappingURL=actionBuilder.gen.js.map

/***/ }),

/***/ 3176:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ActionVariableBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class ActionVariableBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultActionVariable();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    key(key) {
        this.internal.key = key;
        return this;
    }
    name(name) {
        this.internal.name = name;
        return this;
    }
}
exports.ActionVariableBuilder = ActionVariableBuilder;
//# sourceMappingURL=actionVariableBuilder.gen.js.map

/***/ }),

/***/ 3606:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.AdHocFilterWithLabelsBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
/**
 * Define the AdHocFilterWithLabels type
 */
class AdHocFilterWithLabelsBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultAdHocFilterWithLabels();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    key(key) {
        this.internal.key = key;
        return this;
    }
    operator(operator) {
        this.internal.operator = operator;
        return this;
    }
    value(value) {
        this.internal.value = value;
        return this;
    }
    values(values) {
        this.internal.values = values;
        return this;
    }
    keyLabel(keyLabel) {
        this.internal.keyLabel = keyLabel;
        return this;
    }
    valueLabels(valueLabels) {
        this.internal.valueLabels = valueLabels;
        return this;
    }
    forceEdit(forceEdit) {
        this.internal.forceEdit = forceEdit;
        return this;
    }
    origin(origin) {
        this.internal.origin = origin;
        return this;
    }
    // @deprecated
    condition(condition) {
        this.internal.condition = condition;
        return this;
    }
}
exports.AdHocFilterWithLabelsBuilder = AdHocFilterWithLabelsBuilder;
//# sourceMappingURL=adHocFilterWithLabelsBuilder.gen.js.map

/***/ }),

/***/ 6125:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.AdhocVariableBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
/**
 * Adhoc variable kind
 */
class AdhocVariableBuilder {
    constructor(name) {
        this.internal = dashboardv2beta1.defaultAdhocVariableKind();
        this.internal.kind = "AdhocVariable";
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultAdhocVariableSpec();
        }
        this.internal.spec.name = name;
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    group(group) {
        this.internal.group = group;
        return this;
    }
    labels(labels) {
        this.internal.labels = labels;
        return this;
    }
    datasource(datasource) {
        this.internal.datasource = datasource;
        return this;
    }
    name(name) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultAdhocVariableSpec();
        }
        this.internal.spec.name = name;
        return this;
    }
    baseFilters(baseFilters) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultAdhocVariableSpec();
        }
        const baseFiltersResources = baseFilters.map(builder1 => builder1.build());
        this.internal.spec.baseFilters = baseFiltersResources;
        return this;
    }
    filters(filters) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultAdhocVariableSpec();
        }
        const filtersResources = filters.map(builder1 => builder1.build());
        this.internal.spec.filters = filtersResources;
        return this;
    }
    defaultKeys(defaultKeys) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultAdhocVariableSpec();
        }
        const defaultKeysResources = defaultKeys.map(builder1 => builder1.build());
        this.internal.spec.defaultKeys = defaultKeysResources;
        return this;
    }
    label(label) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultAdhocVariableSpec();
        }
        this.internal.spec.label = label;
        return this;
    }
    hide(hide) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultAdhocVariableSpec();
        }
        this.internal.spec.hide = hide;
        return this;
    }
    skipUrlSync(skipUrlSync) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultAdhocVariableSpec();
        }
        this.internal.spec.skipUrlSync = skipUrlSync;
        return this;
    }
    description(description) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultAdhocVariableSpec();
        }
        this.internal.spec.description = description;
        return this;
    }
    allowCustomValue(allowCustomValue) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultAdhocVariableSpec();
        }
        this.internal.spec.allowCustomValue = allowCustomValue;
        return this;
    }
    // Whether the group-by operator is enabled in the ad hoc filter combobox.
    enableGroupBy(enableGroupBy) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultAdhocVariableSpec();
        }
        this.internal.spec.enableGroupBy = enableGroupBy;
        return this;
    }
    origin(origin) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultAdhocVariableSpec();
        }
        const originResource = origin.build();
        this.internal.spec.origin = originResource;
        return this;
    }
}
exports.AdhocVariableBuilder = AdhocVariableBuilder;
//# sourceMappingURL=adhocVariableBuilder.gen.js.map

/***/ }),

/***/ 1873:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.AnnotationEventFieldMappingBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
/**
 * Annotation event field mapping. Defines how to map a data frame field to an annotation event field.
 */
class AnnotationEventFieldMappingBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultAnnotationEventFieldMapping();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Source type for the field value
    source(source) {
        this.internal.source = source;
        return this;
    }
    // Constant value to use when source is "text"
    value(value) {
        this.internal.value = value;
        return this;
    }
    // Regular expression to apply to the field value
    regex(regex) {
        this.internal.regex = regex;
        return this;
    }
}
exports.AnnotationEventFieldMappingBuilder = AnnotationEventFieldMappingBuilder;
//# sourceMappingURL=annotationEventFieldMappingBuilder.gen.js.map

/***/ }),

/***/ 19:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.AnnotationPanelFilterBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class AnnotationPanelFilterBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultAnnotationPanelFilter();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Should the specified panels be included or excluded
    exclude(exclude) {
        this.internal.exclude = exclude;
        return this;
    }
    // Panel IDs that should be included or excluded
    ids(ids) {
        this.internal.ids = ids;
        return this;
    }
}
exports.AnnotationPanelFilterBuilder = AnnotationPanelFilterBuilder;
//# sourceMappingURL=annotationPanelFilterBuilder.gen.js.map

/***/ }),

/***/ 2815:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.AnnotationQueryBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class AnnotationQueryBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultAnnotationQueryKind();
        this.internal.kind = "AnnotationQuery";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    query(query) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultAnnotationQuerySpec();
        }
        const queryResource = query.build();
        this.internal.spec.query = queryResource;
        return this;
    }
    enable(enable) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultAnnotationQuerySpec();
        }
        this.internal.spec.enable = enable;
        return this;
    }
    hide(hide) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultAnnotationQuerySpec();
        }
        this.internal.spec.hide = hide;
        return this;
    }
    iconColor(iconColor) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultAnnotationQuerySpec();
        }
        this.internal.spec.iconColor = iconColor;
        return this;
    }
    name(name) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultAnnotationQuerySpec();
        }
        this.internal.spec.name = name;
        return this;
    }
    builtIn(builtIn) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultAnnotationQuerySpec();
        }
        this.internal.spec.builtIn = builtIn;
        return this;
    }
    filter(filter) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultAnnotationQuerySpec();
        }
        const filterResource = filter.build();
        this.internal.spec.filter = filterResource;
        return this;
    }
    // Placement can be used to display the annotation query somewhere else on the dashboard other than the default location.
    placement(placement) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultAnnotationQuerySpec();
        }
        this.internal.spec.placement = placement;
        return this;
    }
    // Mappings define how to convert data frame fields to annotation event fields.
    mappings(mappings) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultAnnotationQuerySpec();
        }
        const mappingsResource = (function () {
            let results1 = {};
            for (const key1 in mappings) {
                const val1 = mappings[key1];
                results1[key1] = val1.build();
            }
            return results1;
        }());
        this.internal.spec.mappings = mappingsResource;
        return this;
    }
    // Catch-all field for datasource-specific properties. Should not be available in as code tooling.
    legacyOptions(legacyOptions) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultAnnotationQuerySpec();
        }
        this.internal.spec.legacyOptions = legacyOptions;
        return this;
    }
}
exports.AnnotationQueryBuilder = AnnotationQueryBuilder;
//# sourceMappingURL=annotationQueryBuilder.gen.js.map

/***/ }),

/***/ 6191:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.AutoGridBuilder = void 0;
exports.autoGrid = autoGrid;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class AutoGridBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultAutoGridLayoutKind();
        this.internal.kind = "AutoGridLayout";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    maxColumnCount(maxColumnCount) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultAutoGridLayoutSpec();
        }
        this.internal.spec.maxColumnCount = maxColumnCount;
        return this;
    }
    columnWidthMode(columnWidthMode) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultAutoGridLayoutSpec();
        }
        this.internal.spec.columnWidthMode = columnWidthMode;
        return this;
    }
    columnWidth(columnWidth) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultAutoGridLayoutSpec();
        }
        this.internal.spec.columnWidth = columnWidth;
        return this;
    }
    rowHeightMode(rowHeightMode) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultAutoGridLayoutSpec();
        }
        this.internal.spec.rowHeightMode = rowHeightMode;
        return this;
    }
    rowHeight(rowHeight) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultAutoGridLayoutSpec();
        }
        this.internal.spec.rowHeight = rowHeight;
        return this;
    }
    fillScreen(fillScreen) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultAutoGridLayoutSpec();
        }
        this.internal.spec.fillScreen = fillScreen;
        return this;
    }
    items(items) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultAutoGridLayoutSpec();
        }
        const itemsResources = items.map(builder1 => builder1.build());
        this.internal.spec.items = itemsResources;
        return this;
    }
    item(item) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultAutoGridLayoutSpec();
        }
        if (!this.internal.spec.items) {
            this.internal.spec.items = [];
        }
        const itemResource = item.build();
        this.internal.spec.items.push(itemResource);
        return this;
    }
    withItem(name) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultAutoGridLayoutSpec();
        }
        if (!this.internal.spec.items) {
            this.internal.spec.items = [];
        }
        this.internal.spec.items.push({
            kind: "AutoGridLayoutItem",
            spec: {
                element: {
                    kind: "ElementReference",
                    name: name,
                },
            },
        });
        return this;
    }
}
exports.AutoGridBuilder = AutoGridBuilder;
function autoGrid() {
    const builder = new AutoGridBuilder();
    return builder;
}
//# sourceMappingURL=autoGridBuilder.gen.js.map

/***/ }),

/***/ 9510:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.AutoGridItemBuilder = void 0;
exports.autoGridItem = autoGridItem;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class AutoGridItemBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultAutoGridLayoutItemKind();
        this.internal.kind = "AutoGridLayoutItem";
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultAutoGridLayoutItemSpec();
        }
        if (!this.internal.spec.element) {
            this.internal.spec.element = dashboardv2beta1.defaultElementReference();
        }
        this.internal.spec.element.kind = "ElementReference";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    repeat(repeat) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultAutoGridLayoutItemSpec();
        }
        const repeatResource = repeat.build();
        this.internal.spec.repeat = repeatResource;
        return this;
    }
    conditionalRendering(conditionalRendering) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultAutoGridLayoutItemSpec();
        }
        const conditionalRenderingResource = conditionalRendering.build();
        this.internal.spec.conditionalRendering = conditionalRenderingResource;
        return this;
    }
    name(name) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultAutoGridLayoutItemSpec();
        }
        if (!this.internal.spec.element) {
            this.internal.spec.element = dashboardv2beta1.defaultElementReference();
        }
        this.internal.spec.element.name = name;
        return this;
    }
}
exports.AutoGridItemBuilder = AutoGridItemBuilder;
function autoGridItem(name) {
    const builder = new AutoGridItemBuilder();
    builder.name(name);
    return builder;
}
//# sourceMappingURL=autoGridItemBuilder.gen.js.map

/***/ }),

/***/ 1504:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.AutoGridRepeatOptionsBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class AutoGridRepeatOptionsBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultAutoGridRepeatOptions();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    value(value) {
        this.internal.value = value;
        return this;
    }
}
exports.AutoGridRepeatOptionsBuilder = AutoGridRepeatOptionsBuilder;
//# sourceMappingURL=autoGridRepeatOptionsBuilder.gen.js.map

/***/ }),

/***/ 6204:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.CellKindBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
/**
 * A cell holds non-panel narrative content (markdown text, code) in a notebook layout.
 * Panel cells are not represented here — they reuse V2PanelKind.
 */
class CellKindBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultCellKind();
        this.internal.kind = "Cell";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    spec(spec) {
        const specResource = spec.build();
        this.internal.spec = specResource;
        return this;
    }
}
exports.CellKindBuilder = CellKindBuilder;
//# sourceMappingURL=cellKindBuilder.gen.js.map

/***/ }),

/***/ 5227:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.CellSpecBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class CellSpecBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultCellSpec();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    content(content) {
        const contentResource = content.build();
        this.internal.content = contentResource;
        return this;
    }
}
exports.CellSpecBuilder = CellSpecBuilder;
//# sourceMappingURL=cellSpecBuilder.gen.js.map

/***/ }),

/***/ 7754:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.CodeCellContentKindBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class CodeCellContentKindBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultCodeCellContentKind();
        this.internal.kind = "Code";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    spec(spec) {
        const specResource = spec.build();
        this.internal.spec = specResource;
        return this;
    }
}
exports.CodeCellContentKindBuilder = CodeCellContentKindBuilder;
//# sourceMappingURL=codeCellContentKindBuilder.gen.js.map

/***/ }),

/***/ 8273:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.CodeCellContentSpecBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class CodeCellContentSpecBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultCodeCellContentSpec();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    language(language) {
        this.internal.language = language;
        return this;
    }
    code(code) {
        this.internal.code = code;
        return this;
    }
    highlight(highlight) {
        this.internal.highlight = highlight;
        return this;
    }
    annotation(annotation) {
        this.internal.annotation = annotation;
        return this;
    }
}
exports.CodeCellContentSpecBuilder = CodeCellContentSpecBuilder;
//# sourceMappingURL=codeCellContentSpecBuilder.gen.js.map

/***/ }),

/***/ 2790:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ConditionalRenderingDataBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class ConditionalRenderingDataBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultConditionalRenderingDataKind();
        this.internal.kind = "ConditionalRenderingData";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    value(value) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultConditionalRenderingDataSpec();
        }
        this.internal.spec.value = value;
        return this;
    }
}
exports.ConditionalRenderingDataBuilder = ConditionalRenderingDataBuilder;
//# sourceMappingURL=conditionalRenderingDataBuilder.gen.js.map

/***/ }),

/***/ 27:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ConditionalRenderingGroupBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class ConditionalRenderingGroupBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultConditionalRenderingGroupKind();
        this.internal.kind = "ConditionalRenderingGroup";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    visibility(visibility) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultConditionalRenderingGroupSpec();
        }
        this.internal.spec.visibility = visibility;
        return this;
    }
    condition(condition) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultConditionalRenderingGroupSpec();
        }
        this.internal.spec.condition = condition;
        return this;
    }
    items(items) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultConditionalRenderingGroupSpec();
        }
        const itemsResources = items.map(builder1 => builder1.build());
        this.internal.spec.items = itemsResources;
        return this;
    }
    item(item) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultConditionalRenderingGroupSpec();
        }
        if (!this.internal.spec.items) {
            this.internal.spec.items = [];
        }
        const itemResource = item.build();
        this.internal.spec.items.push(itemResource);
        return this;
    }
}
exports.ConditionalRenderingGroupBuilder = ConditionalRenderingGroupBuilder;
//# sourceMappingURL=conditionalRenderingGroupBuilder.gen.js.map

/***/ }),

/***/ 7023:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ConditionalRenderingTimeRangeSizeBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class ConditionalRenderingTimeRangeSizeBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultConditionalRenderingTimeRangeSizeKind();
        this.internal.kind = "ConditionalRenderingTimeRangeSize";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    value(value) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultConditionalRenderingTimeRangeSizeSpec();
        }
        this.internal.spec.value = value;
        return this;
    }
}
exports.ConditionalRenderingTimeRangeSizeBuilder = ConditionalRenderingTimeRangeSizeBuilder;
//# sourceMappingURL=conditionalRenderingTimeRangeSizeBuilder.gen.js.map

/***/ }),

/***/ 1658:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ConditionalRenderingVariableBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class ConditionalRenderingVariableBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultConditionalRenderingVariableKind();
        this.internal.kind = "ConditionalRenderingVariable";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    variable(variable) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultConditionalRenderingVariableSpec();
        }
        this.internal.spec.variable = variable;
        return this;
    }
    operator(operator) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultConditionalRenderingVariableSpec();
        }
        this.internal.spec.operator = operator;
        return this;
    }
    value(value) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultConditionalRenderingVariableSpec();
        }
        this.internal.spec.value = value;
        return this;
    }
}
exports.ConditionalRenderingVariableBuilder = ConditionalRenderingVariableBuilder;
//# sourceMappingURL=conditionalRenderingVariableBuilder.gen.js.map

/***/ }),

/***/ 6922:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ConstantVariableBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
/**
 * Constant variable kind
 */
class ConstantVariableBuilder {
    constructor(name) {
        this.internal = dashboardv2beta1.defaultConstantVariableKind();
        this.internal.kind = "ConstantVariable";
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultConstantVariableSpec();
        }
        this.internal.spec.name = name;
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    name(name) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultConstantVariableSpec();
        }
        this.internal.spec.name = name;
        return this;
    }
    query(query) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultConstantVariableSpec();
        }
        this.internal.spec.query = query;
        return this;
    }
    current(current) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultConstantVariableSpec();
        }
        this.internal.spec.current = current;
        return this;
    }
    label(label) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultConstantVariableSpec();
        }
        this.internal.spec.label = label;
        return this;
    }
    hide(hide) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultConstantVariableSpec();
        }
        this.internal.spec.hide = hide;
        return this;
    }
    skipUrlSync(skipUrlSync) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultConstantVariableSpec();
        }
        this.internal.spec.skipUrlSync = skipUrlSync;
        return this;
    }
    description(description) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultConstantVariableSpec();
        }
        this.internal.spec.description = description;
        return this;
    }
    origin(origin) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultConstantVariableSpec();
        }
        const originResource = origin.build();
        this.internal.spec.origin = originResource;
        return this;
    }
}
exports.ConstantVariableBuilder = ConstantVariableBuilder;
//# sourceMappingURL=constantVariableBuilder.gen.js.map

/***/ }),

/***/ 661:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ControlSourceRefBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class ControlSourceRefBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultControlSourceRef();
        this.internal.type = "datasource";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // The plugin type-id
    group(group) {
        this.internal.group = group;
        return this;
    }
}
exports.ControlSourceRefBuilder = ControlSourceRefBuilder;
//# sourceMappingURL=controlSourceRefBuilder.gen.js.map

/***/ }),

/***/ 5199:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.CustomFormatterVariableBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
/**
 * Custom formatter variable
 */
class CustomFormatterVariableBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultCustomFormatterVariable();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    name(name) {
        this.internal.name = name;
        return this;
    }
    type(type) {
        this.internal.type = type;
        return this;
    }
    multi(multi) {
        this.internal.multi = multi;
        return this;
    }
    includeAll(includeAll) {
        this.internal.includeAll = includeAll;
        return this;
    }
}
exports.CustomFormatterVariableBuilder = CustomFormatterVariableBuilder;
//# sourceMappingURL=customFormatterVariableBuilder.gen.js.map

/***/ }),

/***/ 8439:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.CustomVariableBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
/**
 * Custom variable kind
 */
class CustomVariableBuilder {
    constructor(name) {
        this.internal = dashboardv2beta1.defaultCustomVariableKind();
        this.internal.kind = "CustomVariable";
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultCustomVariableSpec();
        }
        this.internal.spec.name = name;
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    name(name) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultCustomVariableSpec();
        }
        this.internal.spec.name = name;
        return this;
    }
    query(query) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultCustomVariableSpec();
        }
        this.internal.spec.query = query;
        return this;
    }
    current(current) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultCustomVariableSpec();
        }
        this.internal.spec.current = current;
        return this;
    }
    options(options) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultCustomVariableSpec();
        }
        this.internal.spec.options = options;
        return this;
    }
    multi(multi) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultCustomVariableSpec();
        }
        this.internal.spec.multi = multi;
        return this;
    }
    includeAll(includeAll) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultCustomVariableSpec();
        }
        this.internal.spec.includeAll = includeAll;
        return this;
    }
    allValue(allValue) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultCustomVariableSpec();
        }
        this.internal.spec.allValue = allValue;
        return this;
    }
    label(label) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultCustomVariableSpec();
        }
        this.internal.spec.label = label;
        return this;
    }
    hide(hide) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultCustomVariableSpec();
        }
        this.internal.spec.hide = hide;
        return this;
    }
    skipUrlSync(skipUrlSync) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultCustomVariableSpec();
        }
        this.internal.spec.skipUrlSync = skipUrlSync;
        return this;
    }
    description(description) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultCustomVariableSpec();
        }
        this.internal.spec.description = description;
        return this;
    }
    allowCustomValue(allowCustomValue) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultCustomVariableSpec();
        }
        this.internal.spec.allowCustomValue = allowCustomValue;
        return this;
    }
    valuesFormat(valuesFormat) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultCustomVariableSpec();
        }
        this.internal.spec.valuesFormat = valuesFormat;
        return this;
    }
    origin(origin) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultCustomVariableSpec();
        }
        const originResource = origin.build();
        this.internal.spec.origin = originResource;
        return this;
    }
}
exports.CustomVariableBuilder = CustomVariableBuilder;
//# sourceMappingURL=customVariableBuilder.gen.js.map

/***/ }),

/***/ 8358:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DashboardBuilder = void 0;
exports.manifest = manifest;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
const resource = tslib_1.__importStar(__webpack_require__(7580));
/**
 * @deprecated Prefer using dashboardv2.Dashboard instead.
 */
class DashboardBuilder {
    constructor(title) {
        this.internal = dashboardv2beta1.defaultDashboard();
        this.internal.title = title;
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    annotations(annotations) {
        const annotationsResources = annotations.map(builder1 => builder1.build());
        this.internal.annotations = annotationsResources;
        return this;
    }
    // Configuration of dashboard cursor sync behavior.
    // "Off" for no shared crosshair or tooltip (default).
    // "Crosshair" for shared crosshair.
    // "Tooltip" for shared crosshair AND shared tooltip.
    cursorSync(cursorSync) {
        this.internal.cursorSync = cursorSync;
        return this;
    }
    // Description of dashboard.
    description(description) {
        this.internal.description = description;
        return this;
    }
    // Whether a dashboard is editable or not.
    editable(editable) {
        this.internal.editable = editable;
        return this;
    }
    elements(elements) {
        const elementsResource = (function () {
            let results1 = {};
            for (const key1 in elements) {
                const val1 = elements[key1];
                results1[key1] = val1.build();
            }
            return results1;
        }());
        this.internal.elements = elementsResource;
        return this;
    }
    element(key, element) {
        if (!this.internal.elements) {
            this.internal.elements = {};
        }
        const elementResource = element.build();
        this.internal.elements[key] = elementResource;
        return this;
    }
    layout(layout) {
        const layoutResource = layout.build();
        this.internal.layout = layoutResource;
        return this;
    }
    // Links with references to other dashboards or external websites.
    links(links) {
        const linksResources = links.map(builder1 => builder1.build());
        this.internal.links = linksResources;
        return this;
    }
    // When set to true, the dashboard will redraw panels at an interval matching the pixel width.
    // This will keep data "moving left" regardless of the query refresh rate. This setting helps
    // avoid dashboards presenting stale live data.
    liveNow(liveNow) {
        this.internal.liveNow = liveNow;
        return this;
    }
    // When set to true, the dashboard will load all panels in the dashboard when it's loaded.
    preload(preload) {
        this.internal.preload = preload;
        return this;
    }
    // Plugins only. The version of the dashboard installed together with the plugin.
    // This is used to determine if the dashboard should be updated when the plugin is updated.
    revision(revision) {
        this.internal.revision = revision;
        return this;
    }
    // Tags associated with dashboard.
    tags(tags) {
        this.internal.tags = tags;
        return this;
    }
    timeSettings(timeSettings) {
        const timeSettingsResource = timeSettings.build();
        this.internal.timeSettings = timeSettingsResource;
        return this;
    }
    // Title of dashboard.
    title(title) {
        this.internal.title = title;
        return this;
    }
    // Configured template variables.
    variables(variables) {
        const variablesResources = variables.map(builder1 => builder1.build());
        this.internal.variables = variablesResources;
        return this;
    }
    // Configured template variables.
    variable(variable) {
        if (!this.internal.variables) {
            this.internal.variables = [];
        }
        const variableResource = variable.build();
        this.internal.variables.push(variableResource);
        return this;
    }
}
exports.DashboardBuilder = DashboardBuilder;
/**
 * Creates a resource manifest from a Dashboard.
 */
function manifest(name, dashboard) {
    const builder = new resource.ManifestBuilder();
    builder.apiVersion("dashboard.grafana.app/v2beta1");
    builder.kind("Dashboard");
    builder.metadata(resource.named(name));
    builder.spec(dashboard.build());
    return builder;
}
//# sourceMappingURL=dashboardBuilder.gen.js.map

/***/ }),

/***/ 5646:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DashboardLinkBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
/**
 * Links with references to other dashboards or external resources
 */
class DashboardLinkBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultDashboardLink();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Title to display with the link
    title(title) {
        this.internal.title = title;
        return this;
    }
    // Link type. Accepted values are dashboards (to refer to another dashboard) and link (to refer to an external resource)
    // FIXME: The type is generated as `type: DashboardLinkType | dashboardLinkType.Link;` but it should be `type: DashboardLinkType`
    type(type) {
        this.internal.type = type;
        return this;
    }
    // Icon name to be displayed with the link
    icon(icon) {
        this.internal.icon = icon;
        return this;
    }
    // Tooltip to display when the user hovers their mouse over it
    tooltip(tooltip) {
        this.internal.tooltip = tooltip;
        return this;
    }
    // Link URL. Only required/valid if the type is link
    url(url) {
        this.internal.url = url;
        return this;
    }
    // List of tags to limit the linked dashboards. If empty, all dashboards will be displayed. Only valid if the type is dashboards
    tags(tags) {
        this.internal.tags = tags;
        return this;
    }
    // If true, all dashboards links will be displayed in a dropdown. If false, all dashboards links will be displayed side by side. Only valid if the type is dashboards
    asDropdown(asDropdown) {
        this.internal.asDropdown = asDropdown;
        return this;
    }
    // If true, the link will be opened in a new tab
    targetBlank(targetBlank) {
        this.internal.targetBlank = targetBlank;
        return this;
    }
    // If true, includes current template variables values in the link as query params
    includeVars(includeVars) {
        this.internal.includeVars = includeVars;
        return this;
    }
    // If true, includes current time range in the link as query params
    keepTime(keepTime) {
        this.internal.keepTime = keepTime;
        return this;
    }
    // Placement can be used to display the link somewhere else on the dashboard other than above the visualisations.
    placement(placement) {
        this.internal.placement = placement;
        return this;
    }
    // The source that registered the link (if any)
    origin(origin) {
        const originResource = origin.build();
        this.internal.origin = originResource;
        return this;
    }
}
exports.DashboardLinkBuilder = DashboardLinkBuilder;
//# sourceMappingURL=dashboardLinkBuilder.gen.js.map

/***/ }),

/***/ 6574:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DataLinkBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class DataLinkBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultDataLink();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    title(title) {
        this.internal.title = title;
        return this;
    }
    url(url) {
        this.internal.url = url;
        return this;
    }
    targetBlank(targetBlank) {
        this.internal.targetBlank = targetBlank;
        return this;
    }
}
exports.DataLinkBuilder = DataLinkBuilder;
//# sourceMappingURL=dataLinkBuilder.gen.js.map

/***/ }),

/***/ 9190:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DatasourceControlSourceRefBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
/**
 * Source information for controls (e.g. variables or links)
 */
class DatasourceControlSourceRefBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultDatasourceControlSourceRef();
        this.internal.type = "datasource";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // The plugin type-id
    group(group) {
        this.internal.group = group;
        return this;
    }
}
exports.DatasourceControlSourceRefBuilder = DatasourceControlSourceRefBuilder;
//# sourceMappingURL=datasourceControlSourceRefBuilder.gen.js.map

/***/ }),

/***/ 2685:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DatasourceVariableBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
/**
 * Datasource variable kind
 */
class DatasourceVariableBuilder {
    constructor(name) {
        this.internal = dashboardv2beta1.defaultDatasourceVariableKind();
        this.internal.kind = "DatasourceVariable";
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultDatasourceVariableSpec();
        }
        this.internal.spec.name = name;
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    name(name) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultDatasourceVariableSpec();
        }
        this.internal.spec.name = name;
        return this;
    }
    pluginId(pluginId) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultDatasourceVariableSpec();
        }
        this.internal.spec.pluginId = pluginId;
        return this;
    }
    refresh(refresh) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultDatasourceVariableSpec();
        }
        this.internal.spec.refresh = refresh;
        return this;
    }
    regex(regex) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultDatasourceVariableSpec();
        }
        this.internal.spec.regex = regex;
        return this;
    }
    current(current) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultDatasourceVariableSpec();
        }
        this.internal.spec.current = current;
        return this;
    }
    options(options) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultDatasourceVariableSpec();
        }
        this.internal.spec.options = options;
        return this;
    }
    multi(multi) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultDatasourceVariableSpec();
        }
        this.internal.spec.multi = multi;
        return this;
    }
    includeAll(includeAll) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultDatasourceVariableSpec();
        }
        this.internal.spec.includeAll = includeAll;
        return this;
    }
    allValue(allValue) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultDatasourceVariableSpec();
        }
        this.internal.spec.allValue = allValue;
        return this;
    }
    label(label) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultDatasourceVariableSpec();
        }
        this.internal.spec.label = label;
        return this;
    }
    hide(hide) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultDatasourceVariableSpec();
        }
        this.internal.spec.hide = hide;
        return this;
    }
    skipUrlSync(skipUrlSync) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultDatasourceVariableSpec();
        }
        this.internal.spec.skipUrlSync = skipUrlSync;
        return this;
    }
    description(description) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultDatasourceVariableSpec();
        }
        this.internal.spec.description = description;
        return this;
    }
    allowCustomValue(allowCustomValue) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultDatasourceVariableSpec();
        }
        this.internal.spec.allowCustomValue = allowCustomValue;
        return this;
    }
    origin(origin) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultDatasourceVariableSpec();
        }
        const originResource = origin.build();
        this.internal.spec.origin = originResource;
        return this;
    }
}
exports.DatasourceVariableBuilder = DatasourceVariableBuilder;
//# sourceMappingURL=datasourceVariableBuilder.gen.js.map

/***/ }),

/***/ 1145:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ElementReferenceBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class ElementReferenceBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultElementReference();
        this.internal.kind = "ElementReference";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    name(name) {
        this.internal.name = name;
        return this;
    }
}
exports.ElementReferenceBuilder = ElementReferenceBuilder;
//# sourceMappingURL=elementReferenceBuilder.gen.js.map

/***/ }),

/***/ 3840:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.FetchOptionsBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class FetchOptionsBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultFetchOptions();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    method(method) {
        this.internal.method = method;
        return this;
    }
    url(url) {
        this.internal.url = url;
        return this;
    }
    body(body) {
        this.internal.body = body;
        return this;
    }
    // These are 2D arrays of strings, each representing a key-value pair
    // We are defining them this way because we can't generate a go struct that
    // that would have exactly two strings in each sub-array
    queryParams(queryParams) {
        this.internal.queryParams = queryParams;
        return this;
    }
    headers(headers) {
        this.internal.headers = headers;
        return this;
    }
}
exports.FetchOptionsBuilder = FetchOptionsBuilder;
//# sourceMappingURL=fetchOptionsBuilder.gen.js.map

/***/ }),

/***/ 5343:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.FieldColorBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
/**
 * Map a field to a color.
 */
class FieldColorBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultFieldColor();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // The main color scheme mode.
    mode(mode) {
        this.internal.mode = mode;
        return this;
    }
    // The fixed color value for fixed or shades color modes.
    fixedColor(fixedColor) {
        this.internal.fixedColor = fixedColor;
        return this;
    }
    // The end color for the gradient color mode (smallest value). Only used when mode is gradient.
    gradientColorTo(gradientColorTo) {
        this.internal.gradientColorTo = gradientColorTo;
        return this;
    }
    // Some visualizations need to know how to assign a series color from by value color schemes.
    seriesBy(seriesBy) {
        this.internal.seriesBy = seriesBy;
        return this;
    }
}
exports.FieldColorBuilder = FieldColorBuilder;
//# sourceMappingURL=fieldColorBuilder.gen.js.map

/***/ }),

/***/ 286:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.GridBuilder = void 0;
exports.grid = grid;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class GridBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultGridLayoutKind();
        this.internal.kind = "GridLayout";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    items(items) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultGridLayoutSpec();
        }
        const itemsResources = items.map(builder1 => builder1.build());
        this.internal.spec.items = itemsResources;
        return this;
    }
    item(item) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultGridLayoutSpec();
        }
        if (!this.internal.spec.items) {
            this.internal.spec.items = [];
        }
        const itemResource = item.build();
        this.internal.spec.items.push(itemResource);
        return this;
    }
}
exports.GridBuilder = GridBuilder;
function grid() {
    const builder = new GridBuilder();
    return builder;
}
//# sourceMappingURL=gridBuilder.gen.js.map

/***/ }),

/***/ 6727:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.GridItemBuilder = void 0;
exports.gridItem = gridItem;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class GridItemBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultGridLayoutItemKind();
        this.internal.kind = "GridLayoutItem";
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultGridLayoutItemSpec();
        }
        if (!this.internal.spec.element) {
            this.internal.spec.element = dashboardv2beta1.defaultElementReference();
        }
        this.internal.spec.element.kind = "ElementReference";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    x(x) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultGridLayoutItemSpec();
        }
        this.internal.spec.x = x;
        return this;
    }
    y(y) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultGridLayoutItemSpec();
        }
        this.internal.spec.y = y;
        return this;
    }
    width(width) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultGridLayoutItemSpec();
        }
        this.internal.spec.width = width;
        return this;
    }
    height(height) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultGridLayoutItemSpec();
        }
        this.internal.spec.height = height;
        return this;
    }
    repeat(repeat) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultGridLayoutItemSpec();
        }
        const repeatResource = repeat.build();
        this.internal.spec.repeat = repeatResource;
        return this;
    }
    name(name) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultGridLayoutItemSpec();
        }
        if (!this.internal.spec.element) {
            this.internal.spec.element = dashboardv2beta1.defaultElementReference();
        }
        this.internal.spec.element.name = name;
        return this;
    }
}
exports.GridItemBuilder = GridItemBuilder;
function gridItem(name) {
    const builder = new GridItemBuilder();
    builder.name(name);
    return builder;
}
//# sourceMappingURL=gridItemBuilder.gen.js.map

/***/ }),

/***/ 8196:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.GroupByVariableBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
/**
 * Group variable kind
 */
class GroupByVariableBuilder {
    constructor(name) {
        this.internal = dashboardv2beta1.defaultGroupByVariableKind();
        this.internal.kind = "GroupByVariable";
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultGroupByVariableSpec();
        }
        this.internal.spec.name = name;
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    group(group) {
        this.internal.group = group;
        return this;
    }
    labels(labels) {
        this.internal.labels = labels;
        return this;
    }
    datasource(datasource) {
        this.internal.datasource = datasource;
        return this;
    }
    name(name) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultGroupByVariableSpec();
        }
        this.internal.spec.name = name;
        return this;
    }
    defaultValue(defaultValue) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultGroupByVariableSpec();
        }
        this.internal.spec.defaultValue = defaultValue;
        return this;
    }
    current(current) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultGroupByVariableSpec();
        }
        this.internal.spec.current = current;
        return this;
    }
    options(options) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultGroupByVariableSpec();
        }
        this.internal.spec.options = options;
        return this;
    }
    multi(multi) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultGroupByVariableSpec();
        }
        this.internal.spec.multi = multi;
        return this;
    }
    label(label) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultGroupByVariableSpec();
        }
        this.internal.spec.label = label;
        return this;
    }
    hide(hide) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultGroupByVariableSpec();
        }
        this.internal.spec.hide = hide;
        return this;
    }
    skipUrlSync(skipUrlSync) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultGroupByVariableSpec();
        }
        this.internal.spec.skipUrlSync = skipUrlSync;
        return this;
    }
    description(description) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultGroupByVariableSpec();
        }
        this.internal.spec.description = description;
        return this;
    }
    origin(origin) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultGroupByVariableSpec();
        }
        const originResource = origin.build();
        this.internal.spec.origin = originResource;
        return this;
    }
}
exports.GroupByVariableBuilder = GroupByVariableBuilder;
//# sourceMappingURL=groupByVariableBuilder.gen.js.map

/***/ }),

/***/ 8069:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
const tslib_1 = __webpack_require__(1860);
tslib_1.__exportStar(__webpack_require__(1180), exports);
tslib_1.__exportStar(__webpack_require__(19), exports);
tslib_1.__exportStar(__webpack_require__(1873), exports);
tslib_1.__exportStar(__webpack_require__(6574), exports);
tslib_1.__exportStar(__webpack_require__(7125), exports);
tslib_1.__exportStar(__webpack_require__(650), exports);
tslib_1.__exportStar(__webpack_require__(6940), exports);
tslib_1.__exportStar(__webpack_require__(5343), exports);
tslib_1.__exportStar(__webpack_require__(6840), exports);
tslib_1.__exportStar(__webpack_require__(3840), exports);
tslib_1.__exportStar(__webpack_require__(8452), exports);
tslib_1.__exportStar(__webpack_require__(3176), exports);
tslib_1.__exportStar(__webpack_require__(2678), exports);
tslib_1.__exportStar(__webpack_require__(1145), exports);
tslib_1.__exportStar(__webpack_require__(4339), exports);
tslib_1.__exportStar(__webpack_require__(4063), exports);
tslib_1.__exportStar(__webpack_require__(1504), exports);
tslib_1.__exportStar(__webpack_require__(9288), exports);
tslib_1.__exportStar(__webpack_require__(661), exports);
tslib_1.__exportStar(__webpack_require__(9190), exports);
tslib_1.__exportStar(__webpack_require__(3606), exports);
tslib_1.__exportStar(__webpack_require__(9378), exports);
tslib_1.__exportStar(__webpack_require__(5646), exports);
tslib_1.__exportStar(__webpack_require__(7255), exports);
tslib_1.__exportStar(__webpack_require__(5199), exports);
tslib_1.__exportStar(__webpack_require__(3126), exports);
tslib_1.__exportStar(__webpack_require__(6204), exports);
tslib_1.__exportStar(__webpack_require__(5227), exports);
tslib_1.__exportStar(__webpack_require__(8226), exports);
tslib_1.__exportStar(__webpack_require__(1129), exports);
tslib_1.__exportStar(__webpack_require__(7754), exports);
tslib_1.__exportStar(__webpack_require__(8273), exports);
tslib_1.__exportStar(__webpack_require__(6705), exports);
tslib_1.__exportStar(__webpack_require__(4174), exports);
tslib_1.__exportStar(__webpack_require__(9836), exports);
tslib_1.__exportStar(__webpack_require__(8699), exports);
tslib_1.__exportStar(__webpack_require__(7502), exports);
tslib_1.__exportStar(__webpack_require__(9981), exports);
tslib_1.__exportStar(__webpack_require__(2785), exports);
tslib_1.__exportStar(__webpack_require__(1614), exports);
tslib_1.__exportStar(__webpack_require__(9407), exports);
tslib_1.__exportStar(__webpack_require__(5996), exports);
tslib_1.__exportStar(__webpack_require__(7484), exports);
tslib_1.__exportStar(__webpack_require__(2815), exports);
tslib_1.__exportStar(__webpack_require__(6635), exports);
tslib_1.__exportStar(__webpack_require__(4957), exports);
tslib_1.__exportStar(__webpack_require__(6583), exports);
tslib_1.__exportStar(__webpack_require__(3221), exports);
tslib_1.__exportStar(__webpack_require__(2930), exports);
tslib_1.__exportStar(__webpack_require__(5128), exports);
tslib_1.__exportStar(__webpack_require__(27), exports);
tslib_1.__exportStar(__webpack_require__(2790), exports);
tslib_1.__exportStar(__webpack_require__(7023), exports);
tslib_1.__exportStar(__webpack_require__(1658), exports);
tslib_1.__exportStar(__webpack_require__(8358), exports);
tslib_1.__exportStar(__webpack_require__(6417), exports);
tslib_1.__exportStar(__webpack_require__(8322), exports);
tslib_1.__exportStar(__webpack_require__(6191), exports);
tslib_1.__exportStar(__webpack_require__(9510), exports);
tslib_1.__exportStar(__webpack_require__(3162), exports);
tslib_1.__exportStar(__webpack_require__(5719), exports);
tslib_1.__exportStar(__webpack_require__(286), exports);
tslib_1.__exportStar(__webpack_require__(6727), exports);
tslib_1.__exportStar(__webpack_require__(9710), exports);
tslib_1.__exportStar(__webpack_require__(2919), exports);
tslib_1.__exportStar(__webpack_require__(6922), exports);
tslib_1.__exportStar(__webpack_require__(2685), exports);
tslib_1.__exportStar(__webpack_require__(7717), exports);
tslib_1.__exportStar(__webpack_require__(8439), exports);
tslib_1.__exportStar(__webpack_require__(8196), exports);
tslib_1.__exportStar(__webpack_require__(6125), exports);
tslib_1.__exportStar(__webpack_require__(8594), exports);
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 8452:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.InfinityOptionsBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class InfinityOptionsBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultInfinityOptions();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    method(method) {
        this.internal.method = method;
        return this;
    }
    url(url) {
        this.internal.url = url;
        return this;
    }
    body(body) {
        this.internal.body = body;
        return this;
    }
    // These are 2D arrays of strings, each representing a key-value pair
    // We are defining them this way because we can't generate a go struct that
    // that would have exactly two strings in each sub-array
    queryParams(queryParams) {
        this.internal.queryParams = queryParams;
        return this;
    }
    datasourceUid(datasourceUid) {
        this.internal.datasourceUid = datasourceUid;
        return this;
    }
    headers(headers) {
        this.internal.headers = headers;
        return this;
    }
}
exports.InfinityOptionsBuilder = InfinityOptionsBuilder;
//# sourceMappingURL=infinityOptionsBuilder.gen.js.map

/***/ }),

/***/ 7717:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.IntervalVariableBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
/**
 * Interval variable kind
 */
class IntervalVariableBuilder {
    constructor(name) {
        this.internal = dashboardv2beta1.defaultIntervalVariableKind();
        this.internal.kind = "IntervalVariable";
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultIntervalVariableSpec();
        }
        this.internal.spec.refresh = "onTimeRangeChanged";
        this.internal.spec.name = name;
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    name(name) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultIntervalVariableSpec();
        }
        this.internal.spec.name = name;
        return this;
    }
    query(query) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultIntervalVariableSpec();
        }
        this.internal.spec.query = query;
        return this;
    }
    current(current) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultIntervalVariableSpec();
        }
        this.internal.spec.current = current;
        return this;
    }
    options(options) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultIntervalVariableSpec();
        }
        this.internal.spec.options = options;
        return this;
    }
    auto(auto) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultIntervalVariableSpec();
        }
        this.internal.spec.auto = auto;
        return this;
    }
    autoMin(autoMin) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultIntervalVariableSpec();
        }
        this.internal.spec.auto_min = autoMin;
        return this;
    }
    autoCount(autoCount) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultIntervalVariableSpec();
        }
        this.internal.spec.auto_count = autoCount;
        return this;
    }
    label(label) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultIntervalVariableSpec();
        }
        this.internal.spec.label = label;
        return this;
    }
    hide(hide) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultIntervalVariableSpec();
        }
        this.internal.spec.hide = hide;
        return this;
    }
    skipUrlSync(skipUrlSync) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultIntervalVariableSpec();
        }
        this.internal.spec.skipUrlSync = skipUrlSync;
        return this;
    }
    description(description) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultIntervalVariableSpec();
        }
        this.internal.spec.description = description;
        return this;
    }
    origin(origin) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultIntervalVariableSpec();
        }
        const originResource = origin.build();
        this.internal.spec.origin = originResource;
        return this;
    }
}
exports.IntervalVariableBuilder = IntervalVariableBuilder;
//# sourceMappingURL=intervalVariableBuilder.gen.js.map

/***/ }),

/***/ 6635:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.LibraryPanelBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class LibraryPanelBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultLibraryPanelKind();
        this.internal.kind = "LibraryPanel";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Panel ID for the library panel in the dashboard
    id(id) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultLibraryPanelKindSpec();
        }
        this.internal.spec.id = id;
        return this;
    }
    // Title for the library panel in the dashboard
    title(title) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultLibraryPanelKindSpec();
        }
        this.internal.spec.title = title;
        return this;
    }
    libraryPanel(libraryPanel) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultLibraryPanelKindSpec();
        }
        const libraryPanelResource = libraryPanel.build();
        this.internal.spec.libraryPanel = libraryPanelResource;
        return this;
    }
}
exports.LibraryPanelBuilder = LibraryPanelBuilder;
//# sourceMappingURL=libraryPanelBuilder.gen.js.map

/***/ }),

/***/ 2678:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.LibraryPanelRefBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
/**
 * A library panel is a reusable panel that you can use in any dashboard.
 * When you make a change to a library panel, that change propagates to all instances of where the panel is used.
 * Library panels streamline reuse of panels across multiple dashboards.
 */
class LibraryPanelRefBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultLibraryPanelRef();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Library panel name
    name(name) {
        this.internal.name = name;
        return this;
    }
    // Library panel uid
    uid(uid) {
        this.internal.uid = uid;
        return this;
    }
}
exports.LibraryPanelRefBuilder = LibraryPanelRefBuilder;
//# sourceMappingURL=libraryPanelRefBuilder.gen.js.map

/***/ }),

/***/ 8226:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MarkdownCellContentKindBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class MarkdownCellContentKindBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultMarkdownCellContentKind();
        this.internal.kind = "Markdown";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    spec(spec) {
        const specResource = spec.build();
        this.internal.spec = specResource;
        return this;
    }
}
exports.MarkdownCellContentKindBuilder = MarkdownCellContentKindBuilder;
//# sourceMappingURL=markdownCellContentKindBuilder.gen.js.map

/***/ }),

/***/ 1129:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MarkdownCellContentSpecBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class MarkdownCellContentSpecBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultMarkdownCellContentSpec();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    text(text) {
        this.internal.text = text;
        return this;
    }
}
exports.MarkdownCellContentSpecBuilder = MarkdownCellContentSpecBuilder;
//# sourceMappingURL=markdownCellContentSpecBuilder.gen.js.map

/***/ }),

/***/ 9378:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MetricFindValueBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
/**
 * Define the MetricFindValue type
 */
class MetricFindValueBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultMetricFindValue();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    text(text) {
        this.internal.text = text;
        return this;
    }
    value(value) {
        this.internal.value = value;
        return this;
    }
    group(group) {
        this.internal.group = group;
        return this;
    }
    expandable(expandable) {
        this.internal.expandable = expandable;
        return this;
    }
}
exports.MetricFindValueBuilder = MetricFindValueBuilder;
//# sourceMappingURL=metricFindValueBuilder.gen.js.map

/***/ }),

/***/ 9836:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.NotebookLayoutItemKindBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class NotebookLayoutItemKindBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultNotebookLayoutItemKind();
        this.internal.kind = "NotebookLayoutItem";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    spec(spec) {
        const specResource = spec.build();
        this.internal.spec = specResource;
        return this;
    }
}
exports.NotebookLayoutItemKindBuilder = NotebookLayoutItemKindBuilder;
//# sourceMappingURL=notebookLayoutItemKindBuilder.gen.js.map

/***/ }),

/***/ 8699:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.NotebookLayoutItemSpecBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
/**
 * One ordered item in a notebook layout. `element` references either a CellKind
 * (markdown/code content) or a V2PanelKind in the notebook's elements map. `source`
 * records who authored the cell; `collapsed` hides the body in the UI.
 */
class NotebookLayoutItemSpecBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultNotebookLayoutItemSpec();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    element(element) {
        const elementResource = element.build();
        this.internal.element = elementResource;
        return this;
    }
    source(source) {
        this.internal.source = source;
        return this;
    }
    collapsed(collapsed) {
        this.internal.collapsed = collapsed;
        return this;
    }
}
exports.NotebookLayoutItemSpecBuilder = NotebookLayoutItemSpecBuilder;
//# sourceMappingURL=notebookLayoutItemSpecBuilder.gen.js.map

/***/ }),

/***/ 6705:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.NotebookLayoutKindBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class NotebookLayoutKindBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultNotebookLayoutKind();
        this.internal.kind = "NotebookLayout";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    spec(spec) {
        const specResource = spec.build();
        this.internal.spec = specResource;
        return this;
    }
}
exports.NotebookLayoutKindBuilder = NotebookLayoutKindBuilder;
//# sourceMappingURL=notebookLayoutKindBuilder.gen.js.map

/***/ }),

/***/ 4174:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.NotebookLayoutSpecBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class NotebookLayoutSpecBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultNotebookLayoutSpec();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    cells(cells) {
        const cellsResources = cells.map(builder1 => builder1.build());
        this.internal.cells = cellsResources;
        return this;
    }
}
exports.NotebookLayoutSpecBuilder = NotebookLayoutSpecBuilder;
//# sourceMappingURL=notebookLayoutSpecBuilder.gen.js.map

/***/ }),

/***/ 7484:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.NotebookSpecBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
/**
 * A notebook spec is a dashboard spec with narrative content. It has a title, optional description, tags, time
 * settings, and a map of elements (panels and cells) referenced by the layout.
 */
class NotebookSpecBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultNotebookSpec();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    title(title) {
        this.internal.title = title;
        return this;
    }
    description(description) {
        this.internal.description = description;
        return this;
    }
    tags(tags) {
        this.internal.tags = tags;
        return this;
    }
    timeSettings(timeSettings) {
        const timeSettingsResource = timeSettings.build();
        this.internal.timeSettings = timeSettingsResource;
        return this;
    }
    elements(elements) {
        const elementsResource = (function () {
            let results1 = {};
            for (const key1 in elements) {
                const val1 = elements[key1];
                results1[key1] = val1.build();
            }
            return results1;
        }());
        this.internal.elements = elementsResource;
        return this;
    }
    layout(layout) {
        const layoutResource = layout.build();
        this.internal.layout = layoutResource;
        return this;
    }
}
exports.NotebookSpecBuilder = NotebookSpecBuilder;
//# sourceMappingURL=notebookSpecBuilder.gen.js.map

/***/ }),

/***/ 5128:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.PanelBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class PanelBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultPanelKind();
        this.internal.kind = "Panel";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    id(id) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultPanelSpec();
        }
        this.internal.spec.id = id;
        return this;
    }
    title(title) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultPanelSpec();
        }
        this.internal.spec.title = title;
        return this;
    }
    // Shown in a info icon tooltip next to panel title
    description(description) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultPanelSpec();
        }
        this.internal.spec.description = description;
        return this;
    }
    // Shown in a sub header below the title.
    subtitle(subtitle) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultPanelSpec();
        }
        this.internal.spec.subtitle = subtitle;
        return this;
    }
    links(links) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultPanelSpec();
        }
        const linksResources = links.map(builder1 => builder1.build());
        this.internal.spec.links = linksResources;
        return this;
    }
    data(data) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultPanelSpec();
        }
        const dataResource = data.build();
        this.internal.spec.data = dataResource;
        return this;
    }
    visualization(vizConfig) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultPanelSpec();
        }
        const vizConfigResource = vizConfig.build();
        this.internal.spec.vizConfig = vizConfigResource;
        return this;
    }
    transparent(transparent) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultPanelSpec();
        }
        this.internal.spec.transparent = transparent;
        return this;
    }
}
exports.PanelBuilder = PanelBuilder;
//# sourceMappingURL=panelBuilder.gen.js.map

/***/ }),

/***/ 6583:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.QueryGroupBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class QueryGroupBuilder {
    constructor() {
        this.nextQueryId = 0;
        this.internal = dashboardv2beta1.defaultQueryGroupKind();
        this.internal.kind = "QueryGroup";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    targets(queries) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultQueryGroupSpec();
        }
        const queriesResources = queries.map(builder1 => builder1.build());
        queriesResources.forEach((query) => {
            if (query.spec.refId === "") {
                query.spec.refId = `query-${this.nextQueryId}`;
                this.nextQueryId += 1;
            }
        });
        this.internal.spec.queries = queriesResources;
        return this;
    }
    target(querie) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultQueryGroupSpec();
        }
        if (!this.internal.spec.queries) {
            this.internal.spec.queries = [];
        }
        const querieResource = querie.build();
        if (querieResource.spec.refId === "") {
            querieResource.spec.refId = `query-${this.nextQueryId}`;
            this.nextQueryId += 1;
        }
        this.internal.spec.queries.push(querieResource);
        return this;
    }
    transformations(transformations) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultQueryGroupSpec();
        }
        const transformationsResources = transformations.map(builder1 => builder1.build());
        this.internal.spec.transformations = transformationsResources;
        return this;
    }
    transformation(transformation) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultQueryGroupSpec();
        }
        if (!this.internal.spec.transformations) {
            this.internal.spec.transformations = [];
        }
        const transformationResource = transformation.build();
        this.internal.spec.transformations.push(transformationResource);
        return this;
    }
    queryOptions(queryOptions) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultQueryGroupSpec();
        }
        const queryOptionsResource = queryOptions.build();
        this.internal.spec.queryOptions = queryOptionsResource;
        return this;
    }
}
exports.QueryGroupBuilder = QueryGroupBuilder;
//# sourceMappingURL=queryGroupBuilder.gen.js.map

/***/ }),

/***/ 7125:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.QueryOptionsSpecBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class QueryOptionsSpecBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultQueryOptionsSpec();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    timeFrom(timeFrom) {
        this.internal.timeFrom = timeFrom;
        return this;
    }
    timeTo(timeTo) {
        this.internal.timeTo = timeTo;
        return this;
    }
    maxDataPoints(maxDataPoints) {
        this.internal.maxDataPoints = maxDataPoints;
        return this;
    }
    timeShift(timeShift) {
        this.internal.timeShift = timeShift;
        return this;
    }
    queryCachingTTL(queryCachingTTL) {
        this.internal.queryCachingTTL = queryCachingTTL;
        return this;
    }
    interval(interval) {
        this.internal.interval = interval;
        return this;
    }
    cacheTimeout(cacheTimeout) {
        this.internal.cacheTimeout = cacheTimeout;
        return this;
    }
    hideTimeOverride(hideTimeOverride) {
        this.internal.hideTimeOverride = hideTimeOverride;
        return this;
    }
    timeCompare(timeCompare) {
        this.internal.timeCompare = timeCompare;
        return this;
    }
}
exports.QueryOptionsSpecBuilder = QueryOptionsSpecBuilder;
//# sourceMappingURL=queryOptionsSpecBuilder.gen.js.map

/***/ }),

/***/ 9710:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.QueryVariableBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
/**
 * Query variable kind
 */
class QueryVariableBuilder {
    constructor(name) {
        this.internal = dashboardv2beta1.defaultQueryVariableKind();
        this.internal.kind = "QueryVariable";
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultQueryVariableSpec();
        }
        this.internal.spec.name = name;
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    name(name) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultQueryVariableSpec();
        }
        this.internal.spec.name = name;
        return this;
    }
    current(current) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultQueryVariableSpec();
        }
        this.internal.spec.current = current;
        return this;
    }
    label(label) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultQueryVariableSpec();
        }
        this.internal.spec.label = label;
        return this;
    }
    hide(hide) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultQueryVariableSpec();
        }
        this.internal.spec.hide = hide;
        return this;
    }
    refresh(refresh) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultQueryVariableSpec();
        }
        this.internal.spec.refresh = refresh;
        return this;
    }
    skipUrlSync(skipUrlSync) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultQueryVariableSpec();
        }
        this.internal.spec.skipUrlSync = skipUrlSync;
        return this;
    }
    description(description) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultQueryVariableSpec();
        }
        this.internal.spec.description = description;
        return this;
    }
    query(query) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultQueryVariableSpec();
        }
        const queryResource = query.build();
        this.internal.spec.query = queryResource;
        return this;
    }
    regex(regex) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultQueryVariableSpec();
        }
        this.internal.spec.regex = regex;
        return this;
    }
    regexApplyTo(regexApplyTo) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultQueryVariableSpec();
        }
        this.internal.spec.regexApplyTo = regexApplyTo;
        return this;
    }
    sort(sort) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultQueryVariableSpec();
        }
        this.internal.spec.sort = sort;
        return this;
    }
    definition(definition) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultQueryVariableSpec();
        }
        this.internal.spec.definition = definition;
        return this;
    }
    options(options) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultQueryVariableSpec();
        }
        this.internal.spec.options = options;
        return this;
    }
    multi(multi) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultQueryVariableSpec();
        }
        this.internal.spec.multi = multi;
        return this;
    }
    includeAll(includeAll) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultQueryVariableSpec();
        }
        this.internal.spec.includeAll = includeAll;
        return this;
    }
    allValue(allValue) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultQueryVariableSpec();
        }
        this.internal.spec.allValue = allValue;
        return this;
    }
    placeholder(placeholder) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultQueryVariableSpec();
        }
        this.internal.spec.placeholder = placeholder;
        return this;
    }
    allowCustomValue(allowCustomValue) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultQueryVariableSpec();
        }
        this.internal.spec.allowCustomValue = allowCustomValue;
        return this;
    }
    staticOptions(staticOptions) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultQueryVariableSpec();
        }
        this.internal.spec.staticOptions = staticOptions;
        return this;
    }
    staticOptionsOrder(staticOptionsOrder) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultQueryVariableSpec();
        }
        this.internal.spec.staticOptionsOrder = staticOptionsOrder;
        return this;
    }
    origin(origin) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultQueryVariableSpec();
        }
        const originResource = origin.build();
        this.internal.spec.origin = originResource;
        return this;
    }
}
exports.QueryVariableBuilder = QueryVariableBuilder;
//# sourceMappingURL=queryVariableBuilder.gen.js.map

/***/ }),

/***/ 4339:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.RepeatOptionsBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class RepeatOptionsBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultRepeatOptions();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    value(value) {
        this.internal.value = value;
        return this;
    }
    direction(direction) {
        this.internal.direction = direction;
        return this;
    }
    maxPerRow(maxPerRow) {
        this.internal.maxPerRow = maxPerRow;
        return this;
    }
}
exports.RepeatOptionsBuilder = RepeatOptionsBuilder;
//# sourceMappingURL=repeatOptionsBuilder.gen.js.map

/***/ }),

/***/ 8322:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.RowBuilder = void 0;
exports.row = row;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class RowBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultRowsLayoutRowKind();
        this.internal.kind = "RowsLayoutRow";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    title(title) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultRowsLayoutRowSpec();
        }
        this.internal.spec.title = title;
        return this;
    }
    collapse(collapse) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultRowsLayoutRowSpec();
        }
        this.internal.spec.collapse = collapse;
        return this;
    }
    hideHeader(hideHeader) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultRowsLayoutRowSpec();
        }
        this.internal.spec.hideHeader = hideHeader;
        return this;
    }
    fillScreen(fillScreen) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultRowsLayoutRowSpec();
        }
        this.internal.spec.fillScreen = fillScreen;
        return this;
    }
    conditionalRendering(conditionalRendering) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultRowsLayoutRowSpec();
        }
        const conditionalRenderingResource = conditionalRendering.build();
        this.internal.spec.conditionalRendering = conditionalRenderingResource;
        return this;
    }
    repeat(repeat) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultRowsLayoutRowSpec();
        }
        const repeatResource = repeat.build();
        this.internal.spec.repeat = repeatResource;
        return this;
    }
    layout(layout) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultRowsLayoutRowSpec();
        }
        const layoutResource = layout.build();
        this.internal.spec.layout = layoutResource;
        return this;
    }
    variables(variables) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultRowsLayoutRowSpec();
        }
        const variablesResources = variables.map(builder1 => builder1.build());
        this.internal.spec.variables = variablesResources;
        return this;
    }
}
exports.RowBuilder = RowBuilder;
function row(title) {
    const builder = new RowBuilder();
    builder.title(title);
    return builder;
}
//# sourceMappingURL=rowBuilder.gen.js.map

/***/ }),

/***/ 4063:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.RowRepeatOptionsBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class RowRepeatOptionsBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultRowRepeatOptions();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    value(value) {
        this.internal.value = value;
        return this;
    }
}
exports.RowRepeatOptionsBuilder = RowRepeatOptionsBuilder;
//# sourceMappingURL=rowRepeatOptionsBuilder.gen.js.map

/***/ }),

/***/ 6417:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.RowsBuilder = void 0;
exports.rows = rows;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class RowsBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultRowsLayoutKind();
        this.internal.kind = "RowsLayout";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    rows(rows) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultRowsLayoutSpec();
        }
        const rowsResources = rows.map(builder1 => builder1.build());
        this.internal.spec.rows = rowsResources;
        return this;
    }
    row(row) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultRowsLayoutSpec();
        }
        if (!this.internal.spec.rows) {
            this.internal.spec.rows = [];
        }
        const rowResource = row.build();
        this.internal.spec.rows.push(rowResource);
        return this;
    }
}
exports.RowsBuilder = RowsBuilder;
function rows() {
    const builder = new RowsBuilder();
    return builder;
}
//# sourceMappingURL=rowsBuilder.gen.js.map

/***/ }),

/***/ 8594:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.SwitchVariableBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class SwitchVariableBuilder {
    constructor(name) {
        this.internal = dashboardv2beta1.defaultSwitchVariableKind();
        this.internal.kind = "SwitchVariable";
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultSwitchVariableSpec();
        }
        this.internal.spec.name = name;
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    name(name) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultSwitchVariableSpec();
        }
        this.internal.spec.name = name;
        return this;
    }
    current(current) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultSwitchVariableSpec();
        }
        this.internal.spec.current = current;
        return this;
    }
    enabledValue(enabledValue) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultSwitchVariableSpec();
        }
        this.internal.spec.enabledValue = enabledValue;
        return this;
    }
    disabledValue(disabledValue) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultSwitchVariableSpec();
        }
        this.internal.spec.disabledValue = disabledValue;
        return this;
    }
    label(label) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultSwitchVariableSpec();
        }
        this.internal.spec.label = label;
        return this;
    }
    hide(hide) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultSwitchVariableSpec();
        }
        this.internal.spec.hide = hide;
        return this;
    }
    skipUrlSync(skipUrlSync) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultSwitchVariableSpec();
        }
        this.internal.spec.skipUrlSync = skipUrlSync;
        return this;
    }
    description(description) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultSwitchVariableSpec();
        }
        this.internal.spec.description = description;
        return this;
    }
    origin(origin) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultSwitchVariableSpec();
        }
        const originResource = origin.build();
        this.internal.spec.origin = originResource;
        return this;
    }
}
exports.SwitchVariableBuilder = SwitchVariableBuilder;
//# sourceMappingURL=switchVariableBuilder.gen.js.map

/***/ }),

/***/ 5719:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TabBuilder = void 0;
exports.tab = tab;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class TabBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultTabsLayoutTabKind();
        this.internal.kind = "TabsLayoutTab";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    title(title) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultTabsLayoutTabSpec();
        }
        this.internal.spec.title = title;
        return this;
    }
    layout(layout) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultTabsLayoutTabSpec();
        }
        const layoutResource = layout.build();
        this.internal.spec.layout = layoutResource;
        return this;
    }
    conditionalRendering(conditionalRendering) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultTabsLayoutTabSpec();
        }
        const conditionalRenderingResource = conditionalRendering.build();
        this.internal.spec.conditionalRendering = conditionalRenderingResource;
        return this;
    }
    repeat(repeat) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultTabsLayoutTabSpec();
        }
        const repeatResource = repeat.build();
        this.internal.spec.repeat = repeatResource;
        return this;
    }
    variables(variables) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultTabsLayoutTabSpec();
        }
        const variablesResources = variables.map(builder1 => builder1.build());
        this.internal.spec.variables = variablesResources;
        return this;
    }
}
exports.TabBuilder = TabBuilder;
function tab(title) {
    const builder = new TabBuilder();
    builder.title(title);
    return builder;
}
//# sourceMappingURL=tabBuilder.gen.js.map

/***/ }),

/***/ 9288:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TabRepeatOptionsBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class TabRepeatOptionsBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultTabRepeatOptions();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    value(value) {
        this.internal.value = value;
        return this;
    }
}
exports.TabRepeatOptionsBuilder = TabRepeatOptionsBuilder;
//# sourceMappingURL=tabRepeatOptionsBuilder.gen.js.map

/***/ }),

/***/ 3162:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TabsBuilder = void 0;
exports.tabs = tabs;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class TabsBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultTabsLayoutKind();
        this.internal.kind = "TabsLayout";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    tabs(tabs) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultTabsLayoutSpec();
        }
        const tabsResources = tabs.map(builder1 => builder1.build());
        this.internal.spec.tabs = tabsResources;
        return this;
    }
    tab(tab) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultTabsLayoutSpec();
        }
        if (!this.internal.spec.tabs) {
            this.internal.spec.tabs = [];
        }
        const tabResource = tab.build();
        this.internal.spec.tabs.push(tabResource);
        return this;
    }
}
exports.TabsBuilder = TabsBuilder;
function tabs() {
    const builder = new TabsBuilder();
    return builder;
}
//# sourceMappingURL=tabsBuilder.gen.js.map

/***/ }),

/***/ 4957:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TargetBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class TargetBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultPanelQueryKind();
        this.internal.kind = "PanelQuery";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    query(query) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultPanelQuerySpec();
        }
        const queryResource = query.build();
        this.internal.spec.query = queryResource;
        return this;
    }
    refId(refId) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultPanelQuerySpec();
        }
        this.internal.spec.refId = refId;
        return this;
    }
    hidden(hidden) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultPanelQuerySpec();
        }
        this.internal.spec.hidden = hidden;
        return this;
    }
}
exports.TargetBuilder = TargetBuilder;
//# sourceMappingURL=targetBuilder.gen.js.map

/***/ }),

/***/ 2919:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TextVariableBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
/**
 * Text variable kind
 */
class TextVariableBuilder {
    constructor(name) {
        this.internal = dashboardv2beta1.defaultTextVariableKind();
        this.internal.kind = "TextVariable";
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultTextVariableSpec();
        }
        this.internal.spec.name = name;
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    name(name) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultTextVariableSpec();
        }
        this.internal.spec.name = name;
        return this;
    }
    current(current) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultTextVariableSpec();
        }
        this.internal.spec.current = current;
        return this;
    }
    query(query) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultTextVariableSpec();
        }
        this.internal.spec.query = query;
        return this;
    }
    label(label) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultTextVariableSpec();
        }
        this.internal.spec.label = label;
        return this;
    }
    hide(hide) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultTextVariableSpec();
        }
        this.internal.spec.hide = hide;
        return this;
    }
    skipUrlSync(skipUrlSync) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultTextVariableSpec();
        }
        this.internal.spec.skipUrlSync = skipUrlSync;
        return this;
    }
    description(description) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultTextVariableSpec();
        }
        this.internal.spec.description = description;
        return this;
    }
    origin(origin) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultTextVariableSpec();
        }
        const originResource = origin.build();
        this.internal.spec.origin = originResource;
        return this;
    }
}
exports.TextVariableBuilder = TextVariableBuilder;
//# sourceMappingURL=textVariableBuilder.gen.js.map

/***/ }),

/***/ 6940:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ThresholdsConfigBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class ThresholdsConfigBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultThresholdsConfig();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    mode(mode) {
        this.internal.mode = mode;
        return this;
    }
    steps(steps) {
        this.internal.steps = steps;
        return this;
    }
}
exports.ThresholdsConfigBuilder = ThresholdsConfigBuilder;
//# sourceMappingURL=thresholdsConfigBuilder.gen.js.map

/***/ }),

/***/ 7255:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TimeRangeOptionBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class TimeRangeOptionBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultTimeRangeOption();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    display(display) {
        this.internal.display = display;
        return this;
    }
    from(from) {
        this.internal.from = from;
        return this;
    }
    to(to) {
        this.internal.to = to;
        return this;
    }
}
exports.TimeRangeOptionBuilder = TimeRangeOptionBuilder;
//# sourceMappingURL=timeRangeOptionBuilder.gen.js.map

/***/ }),

/***/ 2930:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TimeSettingsBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
/**
 * Time configuration
 * It defines the default time config for the time picker, the refresh picker for the specific dashboard.
 */
class TimeSettingsBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultTimeSettingsSpec();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Timezone of dashboard. Accepted values are IANA TZDB zone ID or "browser" or "utc".
    timezone(timezone) {
        this.internal.timezone = timezone;
        return this;
    }
    // Start time range for dashboard.
    // Accepted values are relative time strings like "now-6h" or absolute time strings like "2020-07-10T08:00:00.000Z".
    from(from) {
        this.internal.from = from;
        return this;
    }
    // End time range for dashboard.
    // Accepted values are relative time strings like "now-6h" or absolute time strings like "2020-07-10T08:00:00.000Z".
    to(to) {
        this.internal.to = to;
        return this;
    }
    // Refresh rate of dashboard. Represented via interval string, e.g. "5s", "1m", "1h", "1d".
    // v1: refresh
    autoRefresh(autoRefresh) {
        this.internal.autoRefresh = autoRefresh;
        return this;
    }
    // Interval options available in the refresh picker dropdown.
    // v1: timepicker.refresh_intervals
    autoRefreshIntervals(autoRefreshIntervals) {
        this.internal.autoRefreshIntervals = autoRefreshIntervals;
        return this;
    }
    // Selectable options available in the time picker dropdown. Has no effect on provisioned dashboard.
    // v1: timepicker.quick_ranges , not exposed in the UI
    quickRanges(quickRanges) {
        const quickRangesResources = quickRanges.map(builder1 => builder1.build());
        this.internal.quickRanges = quickRangesResources;
        return this;
    }
    // Whether timepicker is visible or not.
    // v1: timepicker.hidden
    hideTimepicker(hideTimepicker) {
        this.internal.hideTimepicker = hideTimepicker;
        return this;
    }
    // Day when the week starts. Expressed by the name of the day in lowercase, e.g. "monday".
    weekStart(weekStart) {
        this.internal.weekStart = weekStart;
        return this;
    }
    // The month that the fiscal year starts on. 0 = January, 11 = December
    fiscalYearStartMonth(fiscalYearStartMonth) {
        this.internal.fiscalYearStartMonth = fiscalYearStartMonth;
        return this;
    }
    // Override the now time by entering a time delay. Use this option to accommodate known delays in data aggregation to avoid null values.
    // v1: timepicker.nowDelay
    nowDelay(nowDelay) {
        this.internal.nowDelay = nowDelay;
        return this;
    }
}
exports.TimeSettingsBuilder = TimeSettingsBuilder;
//# sourceMappingURL=timeSettingsBuilder.gen.js.map

/***/ }),

/***/ 3221:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TransformationBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class TransformationBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultTransformationKind();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // The kind of a TransformationKind is the transformation ID
    kind(kind) {
        this.internal.kind = kind;
        return this;
    }
    // Unique identifier of transformer
    id(id) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultDataTransformerConfig();
        }
        this.internal.spec.id = id;
        return this;
    }
    // Disabled transformations are skipped
    disabled(disabled) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultDataTransformerConfig();
        }
        this.internal.spec.disabled = disabled;
        return this;
    }
    // Optional frame matcher. When missing it will be applied to all results
    filter(filter) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultDataTransformerConfig();
        }
        this.internal.spec.filter = filter;
        return this;
    }
    // Where to pull DataFrames from as input to transformation
    topic(topic) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultDataTransformerConfig();
        }
        this.internal.spec.topic = topic;
        return this;
    }
    // Options to be passed to the transformer
    // Valid options depend on the transformer id
    options(options) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultDataTransformerConfig();
        }
        this.internal.spec.options = options;
        return this;
    }
}
exports.TransformationBuilder = TransformationBuilder;
//# sourceMappingURL=transformationBuilder.gen.js.map

/***/ }),

/***/ 1180:
/***/ ((__unused_webpack_module, exports) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.defaultAction = exports.defaultFieldColorSeriesByMode = exports.FieldColorSeriesByMode = exports.defaultFieldColorModeId = exports.FieldColorModeId = exports.defaultFieldColor = exports.defaultThreshold = exports.defaultThresholdsMode = exports.ThresholdsMode = exports.defaultThresholdsConfig = exports.defaultSpecialValueMatch = exports.SpecialValueMatch = exports.defaultSpecialValueMap = exports.defaultRegexMap = exports.defaultRangeMap = exports.defaultValueMappingResult = exports.defaultMappingType = exports.MappingType = exports.defaultValueMap = exports.defaultValueMapping = exports.defaultFieldConfig = exports.defaultFieldConfigSource = exports.defaultVizConfigSpec = exports.defaultVizConfigKind = exports.defaultQueryOptionsSpec = exports.defaultDataTopic = exports.DataTopic = exports.defaultMatcherScope = exports.MatcherScope = exports.defaultMatcherConfig = exports.defaultDataTransformerConfig = exports.defaultTransformationKind = exports.defaultPanelQuerySpec = exports.defaultPanelQueryKind = exports.defaultQueryGroupSpec = exports.defaultQueryGroupKind = exports.defaultDataLink = exports.defaultPanelSpec = exports.defaultPanelKind = exports.defaultElement = exports.defaultDashboardCursorSync = exports.DashboardCursorSync = exports.defaultAnnotationEventFieldMapping = exports.defaultAnnotationQueryPlacement = exports.AnnotationQueryPlacement = exports.defaultAnnotationPanelFilter = exports.defaultDataQueryKind = exports.defaultAnnotationQuerySpec = exports.defaultAnnotationQueryKind = exports.defaultDashboard = void 0;
exports.VariableHide = exports.defaultVariableOption = exports.defaultQueryVariableSpec = exports.defaultQueryVariableKind = exports.defaultVariableKind = exports.defaultTabRepeatOptions = exports.defaultTabsLayoutTabSpec = exports.defaultTabsLayoutTabKind = exports.defaultTabsLayoutSpec = exports.defaultTabsLayoutKind = exports.defaultAutoGridRepeatOptions = exports.defaultAutoGridLayoutItemSpec = exports.defaultAutoGridLayoutItemKind = exports.defaultAutoGridLayoutSpec = exports.defaultAutoGridLayoutKind = exports.defaultRowRepeatOptions = exports.defaultConditionalRenderingTimeRangeSizeSpec = exports.defaultConditionalRenderingTimeRangeSizeKind = exports.defaultConditionalRenderingDataSpec = exports.defaultConditionalRenderingDataKind = exports.defaultConditionalRenderingVariableSpec = exports.defaultConditionalRenderingVariableKind = exports.defaultConditionalRenderingGroupSpec = exports.defaultConditionalRenderingGroupKind = exports.defaultRowsLayoutRowSpec = exports.defaultRowsLayoutRowKind = exports.defaultRowsLayoutSpec = exports.defaultRowsLayoutKind = exports.defaultRepeatMode = exports.RepeatMode = exports.defaultRepeatOptions = exports.defaultElementReference = exports.defaultGridLayoutItemSpec = exports.defaultGridLayoutItemKind = exports.defaultGridLayoutSpec = exports.defaultGridLayoutKind = exports.defaultLibraryPanelRef = exports.defaultLibraryPanelKindSpec = exports.defaultLibraryPanelKind = exports.defaultDynamicConfigValue = exports.defaultNullValueMode = exports.NullValueMode = exports.ActionVariableType = exports.defaultActionVariable = exports.defaultInfinityOptions = exports.defaultHttpRequestMethod = exports.HttpRequestMethod = exports.defaultFetchOptions = exports.defaultActionType = exports.ActionType = void 0;
exports.defaultMarkdownCellContentSpec = exports.defaultMarkdownCellContentKind = exports.defaultCellContentKind = exports.defaultCellSpec = exports.defaultCellKind = exports.defaultVariableValueOption = exports.defaultCustomFormatterVariable = exports.defaultVariableType = exports.VariableType = exports.defaultCustomVariableValue = exports.defaultVariableValueSingle = exports.defaultVariableValue = exports.defaultKind = exports.defaultAnnotationEventFieldSource = exports.AnnotationEventFieldSource = exports.defaultTimeRangeOption = exports.defaultTimeSettingsSpec = exports.defaultDashboardLinkPlacement = exports.DashboardLinkPlacement = exports.defaultDashboardLinkType = exports.DashboardLinkType = exports.defaultDashboardLink = exports.defaultSwitchVariableSpec = exports.defaultSwitchVariableKind = exports.defaultMetricFindValue = exports.FilterOrigin = exports.defaultAdHocFilterWithLabels = exports.defaultAdhocVariableSpec = exports.defaultAdhocVariableKind = exports.defaultGroupByVariableSpec = exports.defaultGroupByVariableKind = exports.defaultCustomVariableSpec = exports.defaultCustomVariableKind = exports.defaultIntervalVariableSpec = exports.defaultIntervalVariableKind = exports.defaultDatasourceVariableSpec = exports.defaultDatasourceVariableKind = exports.defaultConstantVariableSpec = exports.defaultConstantVariableKind = exports.defaultTextVariableSpec = exports.defaultTextVariableKind = exports.defaultDatasourceControlSourceRef = exports.defaultControlSourceRef = exports.defaultVariableSort = exports.VariableSort = exports.defaultVariableRegexApplyTo = exports.VariableRegexApplyTo = exports.defaultVariableRefresh = exports.VariableRefresh = exports.defaultVariableHide = void 0;
exports.DashboardKind = exports.DashboardApiVersion = exports.defaultNotebookSpec = exports.defaultNotebookElement = exports.defaultV2TransformationSpec = exports.defaultV2TransformationKind = exports.defaultV2QueryGroupSpec = exports.defaultV2QueryGroupKind = exports.defaultV2PanelSpec = exports.defaultV2PanelKind = exports.defaultNotebookLayoutItemSpec = exports.defaultNotebookLayoutItemKind = exports.defaultNotebookLayoutSpec = exports.defaultNotebookLayoutKind = exports.defaultCodeCellContentSpec = exports.defaultCodeCellContentKind = void 0;
const defaultDashboard = () => ({
    annotations: [],
    cursorSync: DashboardCursorSync.Off,
    editable: true,
    elements: {},
    layout: (0, exports.defaultGridLayoutKind)(),
    links: [],
    preload: false,
    tags: [],
    timeSettings: (0, exports.defaultTimeSettingsSpec)(),
    title: "",
    variables: [],
});
exports.defaultDashboard = defaultDashboard;
const defaultAnnotationQueryKind = () => ({
    kind: "AnnotationQuery",
    spec: (0, exports.defaultAnnotationQuerySpec)(),
});
exports.defaultAnnotationQueryKind = defaultAnnotationQueryKind;
const defaultAnnotationQuerySpec = () => ({
    query: (0, exports.defaultDataQueryKind)(),
    enable: false,
    hide: false,
    iconColor: "",
    name: "",
    builtIn: false,
});
exports.defaultAnnotationQuerySpec = defaultAnnotationQuerySpec;
const defaultDataQueryKind = () => ({
    kind: "DataQuery",
    group: "",
    version: "v0",
    spec: {},
});
exports.defaultDataQueryKind = defaultDataQueryKind;
const defaultAnnotationPanelFilter = () => ({
    exclude: false,
    ids: [],
});
exports.defaultAnnotationPanelFilter = defaultAnnotationPanelFilter;
/**
 * Annotation Query placement. Defines where the annotation query should be displayed.
 * - "inControlsMenu" renders the annotation query in the dashboard controls dropdown menu
 */
var AnnotationQueryPlacement;
(function (AnnotationQueryPlacement) {
    AnnotationQueryPlacement["InControlsMenu"] = "inControlsMenu";
})(AnnotationQueryPlacement || (exports.AnnotationQueryPlacement = AnnotationQueryPlacement = {}));
const defaultAnnotationQueryPlacement = () => (AnnotationQueryPlacement.InControlsMenu);
exports.defaultAnnotationQueryPlacement = defaultAnnotationQueryPlacement;
const defaultAnnotationEventFieldMapping = () => ({
    source: "field",
});
exports.defaultAnnotationEventFieldMapping = defaultAnnotationEventFieldMapping;
/**
 * "Off" for no shared crosshair or tooltip (default).
 * "Crosshair" for shared crosshair.
 * "Tooltip" for shared crosshair AND shared tooltip.
 */
var DashboardCursorSync;
(function (DashboardCursorSync) {
    DashboardCursorSync["Crosshair"] = "Crosshair";
    DashboardCursorSync["Tooltip"] = "Tooltip";
    DashboardCursorSync["Off"] = "Off";
})(DashboardCursorSync || (exports.DashboardCursorSync = DashboardCursorSync = {}));
const defaultDashboardCursorSync = () => (DashboardCursorSync.Off);
exports.defaultDashboardCursorSync = defaultDashboardCursorSync;
const defaultElement = () => ((0, exports.defaultPanelKind)());
exports.defaultElement = defaultElement;
const defaultPanelKind = () => ({
    kind: "Panel",
    spec: (0, exports.defaultPanelSpec)(),
});
exports.defaultPanelKind = defaultPanelKind;
const defaultPanelSpec = () => ({
    id: 0,
    title: "",
    links: [],
    data: (0, exports.defaultQueryGroupKind)(),
    vizConfig: (0, exports.defaultVizConfigKind)(),
});
exports.defaultPanelSpec = defaultPanelSpec;
const defaultDataLink = () => ({
    title: "",
    url: "",
});
exports.defaultDataLink = defaultDataLink;
const defaultQueryGroupKind = () => ({
    kind: "QueryGroup",
    spec: (0, exports.defaultQueryGroupSpec)(),
});
exports.defaultQueryGroupKind = defaultQueryGroupKind;
const defaultQueryGroupSpec = () => ({
    queries: [],
    transformations: [],
    queryOptions: (0, exports.defaultQueryOptionsSpec)(),
});
exports.defaultQueryGroupSpec = defaultQueryGroupSpec;
const defaultPanelQueryKind = () => ({
    kind: "PanelQuery",
    spec: (0, exports.defaultPanelQuerySpec)(),
});
exports.defaultPanelQueryKind = defaultPanelQueryKind;
const defaultPanelQuerySpec = () => ({
    query: (0, exports.defaultDataQueryKind)(),
    refId: "",
    hidden: false,
});
exports.defaultPanelQuerySpec = defaultPanelQuerySpec;
const defaultTransformationKind = () => ({
    kind: "",
    spec: (0, exports.defaultDataTransformerConfig)(),
});
exports.defaultTransformationKind = defaultTransformationKind;
const defaultDataTransformerConfig = () => ({
    id: "",
    options: {},
});
exports.defaultDataTransformerConfig = defaultDataTransformerConfig;
const defaultMatcherConfig = () => ({
    id: "",
});
exports.defaultMatcherConfig = defaultMatcherConfig;
var MatcherScope;
(function (MatcherScope) {
    MatcherScope["Series"] = "series";
    MatcherScope["Nested"] = "nested";
    MatcherScope["Annotation"] = "annotation";
    MatcherScope["Exemplar"] = "exemplar";
})(MatcherScope || (exports.MatcherScope = MatcherScope = {}));
const defaultMatcherScope = () => (MatcherScope.Series);
exports.defaultMatcherScope = defaultMatcherScope;
/**
 * A topic is attached to DataFrame metadata in query results.
 * This specifies where the data should be used.
 */
var DataTopic;
(function (DataTopic) {
    DataTopic["Series"] = "series";
    DataTopic["Annotations"] = "annotations";
    DataTopic["AlertStates"] = "alertStates";
})(DataTopic || (exports.DataTopic = DataTopic = {}));
const defaultDataTopic = () => (DataTopic.Series);
exports.defaultDataTopic = defaultDataTopic;
const defaultQueryOptionsSpec = () => ({});
exports.defaultQueryOptionsSpec = defaultQueryOptionsSpec;
const defaultVizConfigKind = () => ({
    kind: "VizConfig",
    group: "",
    version: "",
    spec: (0, exports.defaultVizConfigSpec)(),
});
exports.defaultVizConfigKind = defaultVizConfigKind;
const defaultVizConfigSpec = () => ({
    options: {},
    fieldConfig: (0, exports.defaultFieldConfigSource)(),
});
exports.defaultVizConfigSpec = defaultVizConfigSpec;
const defaultFieldConfigSource = () => ({
    defaults: (0, exports.defaultFieldConfig)(),
    overrides: [],
});
exports.defaultFieldConfigSource = defaultFieldConfigSource;
const defaultFieldConfig = () => ({});
exports.defaultFieldConfig = defaultFieldConfig;
const defaultValueMapping = () => ((0, exports.defaultValueMap)());
exports.defaultValueMapping = defaultValueMapping;
const defaultValueMap = () => ({
    type: MappingType.Value,
    options: {},
});
exports.defaultValueMap = defaultValueMap;
/**
 * Supported value mapping types
 * `value`: Maps text values to a color or different display text and color. For example, you can configure a value mapping so that all instances of the value 10 appear as Perfection! rather than the number.
 * `range`: Maps numerical ranges to a display text and color. For example, if a value is within a certain range, you can configure a range value mapping to display Low or High rather than the number.
 * `regex`: Maps regular expressions to replacement text and a color. For example, if a value is www.example.com, you can configure a regex value mapping so that Grafana displays www and truncates the domain.
 * `special`: Maps special values like Null, NaN (not a number), and boolean values like true and false to a display text and color. See SpecialValueMatch to see the list of special values. For example, you can configure a special value mapping so that null values appear as N/A.
 */
var MappingType;
(function (MappingType) {
    MappingType["Value"] = "value";
    MappingType["Range"] = "range";
    MappingType["Regex"] = "regex";
    MappingType["Special"] = "special";
})(MappingType || (exports.MappingType = MappingType = {}));
const defaultMappingType = () => (MappingType.Value);
exports.defaultMappingType = defaultMappingType;
const defaultValueMappingResult = () => ({});
exports.defaultValueMappingResult = defaultValueMappingResult;
const defaultRangeMap = () => ({
    type: MappingType.Range,
    options: {
        from: 0,
        to: 0,
        result: (0, exports.defaultValueMappingResult)(),
    },
});
exports.defaultRangeMap = defaultRangeMap;
const defaultRegexMap = () => ({
    type: MappingType.Regex,
    options: {
        pattern: "",
        result: (0, exports.defaultValueMappingResult)(),
    },
});
exports.defaultRegexMap = defaultRegexMap;
const defaultSpecialValueMap = () => ({
    type: MappingType.Special,
    options: {
        match: SpecialValueMatch.True,
        result: (0, exports.defaultValueMappingResult)(),
    },
});
exports.defaultSpecialValueMap = defaultSpecialValueMap;
/**
 * Special value types supported by the `SpecialValueMap`
 */
var SpecialValueMatch;
(function (SpecialValueMatch) {
    SpecialValueMatch["True"] = "true";
    SpecialValueMatch["False"] = "false";
    SpecialValueMatch["Null"] = "null";
    SpecialValueMatch["NotANumber"] = "nan";
    SpecialValueMatch["NullAndNaN"] = "null+nan";
    SpecialValueMatch["Empty"] = "empty";
})(SpecialValueMatch || (exports.SpecialValueMatch = SpecialValueMatch = {}));
const defaultSpecialValueMatch = () => (SpecialValueMatch.True);
exports.defaultSpecialValueMatch = defaultSpecialValueMatch;
const defaultThresholdsConfig = () => ({
    mode: ThresholdsMode.Absolute,
    steps: [],
});
exports.defaultThresholdsConfig = defaultThresholdsConfig;
var ThresholdsMode;
(function (ThresholdsMode) {
    ThresholdsMode["Absolute"] = "absolute";
    ThresholdsMode["Percentage"] = "percentage";
})(ThresholdsMode || (exports.ThresholdsMode = ThresholdsMode = {}));
const defaultThresholdsMode = () => (ThresholdsMode.Absolute);
exports.defaultThresholdsMode = defaultThresholdsMode;
const defaultThreshold = () => ({
    value: 0,
    color: "",
});
exports.defaultThreshold = defaultThreshold;
const defaultFieldColor = () => ({
    mode: FieldColorModeId.Thresholds,
});
exports.defaultFieldColor = defaultFieldColor;
/**
 * Color mode for a field. You can specify a single color, or select a continuous (gradient) color schemes, based on a value.
 * Continuous color interpolates a color using the percentage of a value relative to min and max.
 * Accepted values are:
 * `thresholds`: From thresholds. Informs Grafana to take the color from the matching threshold
 * `palette-classic`: Classic palette. Grafana will assign color by looking up a color in a palette by series index. Useful for Graphs and pie charts and other categorical data visualizations
 * `palette-classic-by-name`: Classic palette (by name). Grafana will assign color by looking up a color in a palette by series name. Useful for Graphs and pie charts and other categorical data visualizations
 * `palette-colorblind`: Color blind safe palette. A discrete palette whose colors are distinguishable under common forms of color vision deficiency. Useful for categorical and multi-series data visualizations
 * `palette-categorical-next`: Experimental categorical palette. Useful for categorical and multi-series data visualizations
 * `palette-categorical-next-2`: Experimental categorical palette. Useful for categorical and multi-series data visualizations
 * `palette-categorical-next-3`: Experimental categorical palette. Useful for categorical and multi-series data visualizations
 * `continuous-viridis`: Continuous Viridis palette mode
 * `continuous-magma`: Continuous Magma palette mode
 * `continuous-plasma`: Continuous Plasma palette mode
 * `continuous-inferno`: Continuous Inferno palette mode
 * `continuous-cividis`: Continuous Cividis palette mode
 * `continuous-GrYlRd`: Continuous Green-Yellow-Red palette mode
 * `continuous-RdYlGr`: Continuous Red-Yellow-Green palette mode
 * `continuous-BlYlRd`: Continuous Blue-Yellow-Red palette mode
 * `continuous-YlRd`: Continuous Yellow-Red palette mode
 * `continuous-BlPu`: Continuous Blue-Purple palette mode
 * `continuous-YlBl`: Continuous Yellow-Blue palette mode
 * `continuous-blues`: Continuous Blue palette mode
 * `continuous-reds`: Continuous Red palette mode
 * `continuous-greens`: Continuous Green palette mode
 * `continuous-purples`: Continuous Purple palette mode
 * `shades`: Shades of a single color. Specify a single color, useful in an override rule.
 * `fixed`: Fixed color mode. Specify a single color, useful in an override rule.
 * `gradient`: Gradient color mode. Interpolate between two colors based on value order; the start color is taken from fixedColor and the end color from gradientColorTo.
 */
var FieldColorModeId;
(function (FieldColorModeId) {
    FieldColorModeId["Thresholds"] = "thresholds";
    FieldColorModeId["PaletteClassic"] = "palette-classic";
    FieldColorModeId["PaletteClassicByName"] = "palette-classic-by-name";
    FieldColorModeId["PaletteColorblind"] = "palette-colorblind";
    FieldColorModeId["PaletteCategoricalNext"] = "palette-categorical-next";
    FieldColorModeId["PaletteCategoricalNext2"] = "palette-categorical-next-2";
    FieldColorModeId["PaletteCategoricalNext3"] = "palette-categorical-next-3";
    FieldColorModeId["ContinuousViridis"] = "continuous-viridis";
    FieldColorModeId["ContinuousMagma"] = "continuous-magma";
    FieldColorModeId["ContinuousPlasma"] = "continuous-plasma";
    FieldColorModeId["ContinuousInferno"] = "continuous-inferno";
    FieldColorModeId["ContinuousCividis"] = "continuous-cividis";
    FieldColorModeId["ContinuousGrYlRd"] = "continuous-GrYlRd";
    FieldColorModeId["ContinuousRdYlGr"] = "continuous-RdYlGr";
    FieldColorModeId["ContinuousBlYlRd"] = "continuous-BlYlRd";
    FieldColorModeId["ContinuousYlRd"] = "continuous-YlRd";
    FieldColorModeId["ContinuousBlPu"] = "continuous-BlPu";
    FieldColorModeId["ContinuousYlBl"] = "continuous-YlBl";
    FieldColorModeId["ContinuousBlues"] = "continuous-blues";
    FieldColorModeId["ContinuousReds"] = "continuous-reds";
    FieldColorModeId["ContinuousGreens"] = "continuous-greens";
    FieldColorModeId["ContinuousPurples"] = "continuous-purples";
    FieldColorModeId["Fixed"] = "fixed";
    FieldColorModeId["Shades"] = "shades";
    FieldColorModeId["Gradient"] = "gradient";
})(FieldColorModeId || (exports.FieldColorModeId = FieldColorModeId = {}));
const defaultFieldColorModeId = () => (FieldColorModeId.Thresholds);
exports.defaultFieldColorModeId = defaultFieldColorModeId;
/**
 * Defines how to assign a series color from "by value" color schemes. For example for an aggregated data points like a timeseries, the color can be assigned by the min, max or last value.
 */
var FieldColorSeriesByMode;
(function (FieldColorSeriesByMode) {
    FieldColorSeriesByMode["Min"] = "min";
    FieldColorSeriesByMode["Max"] = "max";
    FieldColorSeriesByMode["Last"] = "last";
})(FieldColorSeriesByMode || (exports.FieldColorSeriesByMode = FieldColorSeriesByMode = {}));
const defaultFieldColorSeriesByMode = () => (FieldColorSeriesByMode.Min);
exports.defaultFieldColorSeriesByMode = defaultFieldColorSeriesByMode;
const defaultAction = () => ({
    type: ActionType.Fetch,
    title: "",
});
exports.defaultAction = defaultAction;
var ActionType;
(function (ActionType) {
    ActionType["Fetch"] = "fetch";
    ActionType["Infinity"] = "infinity";
})(ActionType || (exports.ActionType = ActionType = {}));
const defaultActionType = () => (ActionType.Fetch);
exports.defaultActionType = defaultActionType;
const defaultFetchOptions = () => ({
    method: HttpRequestMethod.GET,
    url: "",
});
exports.defaultFetchOptions = defaultFetchOptions;
var HttpRequestMethod;
(function (HttpRequestMethod) {
    HttpRequestMethod["GET"] = "GET";
    HttpRequestMethod["PUT"] = "PUT";
    HttpRequestMethod["POST"] = "POST";
    HttpRequestMethod["DELETE"] = "DELETE";
    HttpRequestMethod["PATCH"] = "PATCH";
})(HttpRequestMethod || (exports.HttpRequestMethod = HttpRequestMethod = {}));
const defaultHttpRequestMethod = () => (HttpRequestMethod.GET);
exports.defaultHttpRequestMethod = defaultHttpRequestMethod;
const defaultInfinityOptions = () => ({
    method: HttpRequestMethod.GET,
    url: "",
    datasourceUid: "",
});
exports.defaultInfinityOptions = defaultInfinityOptions;
const defaultActionVariable = () => ({
    key: "",
    name: "",
    type: exports.ActionVariableType,
});
exports.defaultActionVariable = defaultActionVariable;
/**
 * Action variable type
 */
exports.ActionVariableType = "string";
/**
 * How null values should be handled
 */
var NullValueMode;
(function (NullValueMode) {
    NullValueMode["Null"] = "null";
    NullValueMode["Connected"] = "connected";
    NullValueMode["NullAsZero"] = "null as zero";
})(NullValueMode || (exports.NullValueMode = NullValueMode = {}));
const defaultNullValueMode = () => (NullValueMode.Null);
exports.defaultNullValueMode = defaultNullValueMode;
const defaultDynamicConfigValue = () => ({
    id: "",
});
exports.defaultDynamicConfigValue = defaultDynamicConfigValue;
const defaultLibraryPanelKind = () => ({
    kind: "LibraryPanel",
    spec: (0, exports.defaultLibraryPanelKindSpec)(),
});
exports.defaultLibraryPanelKind = defaultLibraryPanelKind;
const defaultLibraryPanelKindSpec = () => ({
    id: 0,
    title: "",
    libraryPanel: (0, exports.defaultLibraryPanelRef)(),
});
exports.defaultLibraryPanelKindSpec = defaultLibraryPanelKindSpec;
const defaultLibraryPanelRef = () => ({
    name: "",
    uid: "",
});
exports.defaultLibraryPanelRef = defaultLibraryPanelRef;
const defaultGridLayoutKind = () => ({
    kind: "GridLayout",
    spec: (0, exports.defaultGridLayoutSpec)(),
});
exports.defaultGridLayoutKind = defaultGridLayoutKind;
const defaultGridLayoutSpec = () => ({
    items: [],
});
exports.defaultGridLayoutSpec = defaultGridLayoutSpec;
const defaultGridLayoutItemKind = () => ({
    kind: "GridLayoutItem",
    spec: (0, exports.defaultGridLayoutItemSpec)(),
});
exports.defaultGridLayoutItemKind = defaultGridLayoutItemKind;
const defaultGridLayoutItemSpec = () => ({
    x: 0,
    y: 0,
    width: 0,
    height: 0,
    element: (0, exports.defaultElementReference)(),
});
exports.defaultGridLayoutItemSpec = defaultGridLayoutItemSpec;
const defaultElementReference = () => ({
    kind: "ElementReference",
    name: "",
});
exports.defaultElementReference = defaultElementReference;
const defaultRepeatOptions = () => ({
    mode: RepeatMode.Variable,
    value: "",
});
exports.defaultRepeatOptions = defaultRepeatOptions;
/**
 * other repeat modes will be added in the future: label, frame
 */
var RepeatMode;
(function (RepeatMode) {
    RepeatMode["Variable"] = "variable";
})(RepeatMode || (exports.RepeatMode = RepeatMode = {}));
const defaultRepeatMode = () => (RepeatMode.Variable);
exports.defaultRepeatMode = defaultRepeatMode;
const defaultRowsLayoutKind = () => ({
    kind: "RowsLayout",
    spec: (0, exports.defaultRowsLayoutSpec)(),
});
exports.defaultRowsLayoutKind = defaultRowsLayoutKind;
const defaultRowsLayoutSpec = () => ({
    rows: [],
});
exports.defaultRowsLayoutSpec = defaultRowsLayoutSpec;
const defaultRowsLayoutRowKind = () => ({
    kind: "RowsLayoutRow",
    spec: (0, exports.defaultRowsLayoutRowSpec)(),
});
exports.defaultRowsLayoutRowKind = defaultRowsLayoutRowKind;
const defaultRowsLayoutRowSpec = () => ({
    layout: (0, exports.defaultGridLayoutKind)(),
});
exports.defaultRowsLayoutRowSpec = defaultRowsLayoutRowSpec;
const defaultConditionalRenderingGroupKind = () => ({
    kind: "ConditionalRenderingGroup",
    spec: (0, exports.defaultConditionalRenderingGroupSpec)(),
});
exports.defaultConditionalRenderingGroupKind = defaultConditionalRenderingGroupKind;
const defaultConditionalRenderingGroupSpec = () => ({
    visibility: "show",
    condition: "and",
    items: [],
});
exports.defaultConditionalRenderingGroupSpec = defaultConditionalRenderingGroupSpec;
const defaultConditionalRenderingVariableKind = () => ({
    kind: "ConditionalRenderingVariable",
    spec: (0, exports.defaultConditionalRenderingVariableSpec)(),
});
exports.defaultConditionalRenderingVariableKind = defaultConditionalRenderingVariableKind;
const defaultConditionalRenderingVariableSpec = () => ({
    variable: "",
    operator: "equals",
    value: "",
});
exports.defaultConditionalRenderingVariableSpec = defaultConditionalRenderingVariableSpec;
const defaultConditionalRenderingDataKind = () => ({
    kind: "ConditionalRenderingData",
    spec: (0, exports.defaultConditionalRenderingDataSpec)(),
});
exports.defaultConditionalRenderingDataKind = defaultConditionalRenderingDataKind;
const defaultConditionalRenderingDataSpec = () => ({
    value: false,
});
exports.defaultConditionalRenderingDataSpec = defaultConditionalRenderingDataSpec;
const defaultConditionalRenderingTimeRangeSizeKind = () => ({
    kind: "ConditionalRenderingTimeRangeSize",
    spec: (0, exports.defaultConditionalRenderingTimeRangeSizeSpec)(),
});
exports.defaultConditionalRenderingTimeRangeSizeKind = defaultConditionalRenderingTimeRangeSizeKind;
const defaultConditionalRenderingTimeRangeSizeSpec = () => ({
    value: "",
});
exports.defaultConditionalRenderingTimeRangeSizeSpec = defaultConditionalRenderingTimeRangeSizeSpec;
const defaultRowRepeatOptions = () => ({
    mode: RepeatMode.Variable,
    value: "",
});
exports.defaultRowRepeatOptions = defaultRowRepeatOptions;
const defaultAutoGridLayoutKind = () => ({
    kind: "AutoGridLayout",
    spec: (0, exports.defaultAutoGridLayoutSpec)(),
});
exports.defaultAutoGridLayoutKind = defaultAutoGridLayoutKind;
const defaultAutoGridLayoutSpec = () => ({
    maxColumnCount: 3,
    columnWidthMode: "standard",
    rowHeightMode: "standard",
    fillScreen: false,
    items: [],
});
exports.defaultAutoGridLayoutSpec = defaultAutoGridLayoutSpec;
const defaultAutoGridLayoutItemKind = () => ({
    kind: "AutoGridLayoutItem",
    spec: (0, exports.defaultAutoGridLayoutItemSpec)(),
});
exports.defaultAutoGridLayoutItemKind = defaultAutoGridLayoutItemKind;
const defaultAutoGridLayoutItemSpec = () => ({
    element: (0, exports.defaultElementReference)(),
});
exports.defaultAutoGridLayoutItemSpec = defaultAutoGridLayoutItemSpec;
const defaultAutoGridRepeatOptions = () => ({
    mode: RepeatMode.Variable,
    value: "",
});
exports.defaultAutoGridRepeatOptions = defaultAutoGridRepeatOptions;
const defaultTabsLayoutKind = () => ({
    kind: "TabsLayout",
    spec: (0, exports.defaultTabsLayoutSpec)(),
});
exports.defaultTabsLayoutKind = defaultTabsLayoutKind;
const defaultTabsLayoutSpec = () => ({
    tabs: [],
});
exports.defaultTabsLayoutSpec = defaultTabsLayoutSpec;
const defaultTabsLayoutTabKind = () => ({
    kind: "TabsLayoutTab",
    spec: (0, exports.defaultTabsLayoutTabSpec)(),
});
exports.defaultTabsLayoutTabKind = defaultTabsLayoutTabKind;
const defaultTabsLayoutTabSpec = () => ({
    layout: (0, exports.defaultGridLayoutKind)(),
});
exports.defaultTabsLayoutTabSpec = defaultTabsLayoutTabSpec;
const defaultTabRepeatOptions = () => ({
    mode: RepeatMode.Variable,
    value: "",
});
exports.defaultTabRepeatOptions = defaultTabRepeatOptions;
const defaultVariableKind = () => ((0, exports.defaultQueryVariableKind)());
exports.defaultVariableKind = defaultVariableKind;
const defaultQueryVariableKind = () => ({
    kind: "QueryVariable",
    spec: (0, exports.defaultQueryVariableSpec)(),
});
exports.defaultQueryVariableKind = defaultQueryVariableKind;
const defaultQueryVariableSpec = () => ({
    name: "",
    current: { text: "", value: "", },
    hide: VariableHide.DontHide,
    refresh: VariableRefresh.Never,
    skipUrlSync: false,
    query: (0, exports.defaultDataQueryKind)(),
    regex: "",
    regexApplyTo: VariableRegexApplyTo.Value,
    sort: VariableSort.Disabled,
    options: [],
    multi: false,
    includeAll: false,
    allowCustomValue: true,
});
exports.defaultQueryVariableSpec = defaultQueryVariableSpec;
const defaultVariableOption = () => ({
    text: "",
    value: "",
});
exports.defaultVariableOption = defaultVariableOption;
/**
 * Determine if the variable shows on dashboard
 * Accepted values are `dontHide` (show label and value), `hideLabel` (show value only), `hideVariable` (show nothing), `inControlsMenu` (show in a drop-down menu).
 */
var VariableHide;
(function (VariableHide) {
    VariableHide["DontHide"] = "dontHide";
    VariableHide["HideLabel"] = "hideLabel";
    VariableHide["HideVariable"] = "hideVariable";
    VariableHide["InControlsMenu"] = "inControlsMenu";
})(VariableHide || (exports.VariableHide = VariableHide = {}));
const defaultVariableHide = () => (VariableHide.DontHide);
exports.defaultVariableHide = defaultVariableHide;
/**
 * Options to config when to refresh a variable
 * `never`: Never refresh the variable
 * `onDashboardLoad`: Queries the data source every time the dashboard loads.
 * `onTimeRangeChanged`: Queries the data source when the dashboard time range changes.
 */
var VariableRefresh;
(function (VariableRefresh) {
    VariableRefresh["Never"] = "never";
    VariableRefresh["OnDashboardLoad"] = "onDashboardLoad";
    VariableRefresh["OnTimeRangeChanged"] = "onTimeRangeChanged";
})(VariableRefresh || (exports.VariableRefresh = VariableRefresh = {}));
const defaultVariableRefresh = () => (VariableRefresh.Never);
exports.defaultVariableRefresh = defaultVariableRefresh;
/**
 * Determine whether regex applies to variable value or display text
 * Accepted values are `value` (apply to value used in queries) or `text` (apply to display text shown to users)
 */
var VariableRegexApplyTo;
(function (VariableRegexApplyTo) {
    VariableRegexApplyTo["Value"] = "value";
    VariableRegexApplyTo["Text"] = "text";
})(VariableRegexApplyTo || (exports.VariableRegexApplyTo = VariableRegexApplyTo = {}));
const defaultVariableRegexApplyTo = () => (VariableRegexApplyTo.Value);
exports.defaultVariableRegexApplyTo = defaultVariableRegexApplyTo;
/**
 * Sort variable options
 * Accepted values are:
 * `disabled`: No sorting
 * `alphabeticalAsc`: Alphabetical ASC
 * `alphabeticalDesc`: Alphabetical DESC
 * `numericalAsc`: Numerical ASC
 * `numericalDesc`: Numerical DESC
 * `alphabeticalCaseInsensitiveAsc`: Alphabetical Case Insensitive ASC
 * `alphabeticalCaseInsensitiveDesc`: Alphabetical Case Insensitive DESC
 * `naturalAsc`: Natural ASC
 * `naturalDesc`: Natural DESC
 * VariableSort enum with default value
 */
var VariableSort;
(function (VariableSort) {
    VariableSort["Disabled"] = "disabled";
    VariableSort["AlphabeticalAsc"] = "alphabeticalAsc";
    VariableSort["AlphabeticalDesc"] = "alphabeticalDesc";
    VariableSort["NumericalAsc"] = "numericalAsc";
    VariableSort["NumericalDesc"] = "numericalDesc";
    VariableSort["AlphabeticalCaseInsensitiveAsc"] = "alphabeticalCaseInsensitiveAsc";
    VariableSort["AlphabeticalCaseInsensitiveDesc"] = "alphabeticalCaseInsensitiveDesc";
    VariableSort["NaturalAsc"] = "naturalAsc";
    VariableSort["NaturalDesc"] = "naturalDesc";
})(VariableSort || (exports.VariableSort = VariableSort = {}));
const defaultVariableSort = () => (VariableSort.Disabled);
exports.defaultVariableSort = defaultVariableSort;
const defaultControlSourceRef = () => ((0, exports.defaultDatasourceControlSourceRef)());
exports.defaultControlSourceRef = defaultControlSourceRef;
const defaultDatasourceControlSourceRef = () => ({
    type: "datasource",
    group: "",
});
exports.defaultDatasourceControlSourceRef = defaultDatasourceControlSourceRef;
const defaultTextVariableKind = () => ({
    kind: "TextVariable",
    spec: (0, exports.defaultTextVariableSpec)(),
});
exports.defaultTextVariableKind = defaultTextVariableKind;
const defaultTextVariableSpec = () => ({
    name: "",
    current: { text: "", value: "", },
    query: "",
    hide: VariableHide.DontHide,
    skipUrlSync: false,
});
exports.defaultTextVariableSpec = defaultTextVariableSpec;
const defaultConstantVariableKind = () => ({
    kind: "ConstantVariable",
    spec: (0, exports.defaultConstantVariableSpec)(),
});
exports.defaultConstantVariableKind = defaultConstantVariableKind;
const defaultConstantVariableSpec = () => ({
    name: "",
    query: "",
    current: { text: "", value: "", },
    hide: VariableHide.DontHide,
    skipUrlSync: false,
});
exports.defaultConstantVariableSpec = defaultConstantVariableSpec;
const defaultDatasourceVariableKind = () => ({
    kind: "DatasourceVariable",
    spec: (0, exports.defaultDatasourceVariableSpec)(),
});
exports.defaultDatasourceVariableKind = defaultDatasourceVariableKind;
const defaultDatasourceVariableSpec = () => ({
    name: "",
    pluginId: "",
    refresh: VariableRefresh.Never,
    regex: "",
    current: { text: "", value: "", },
    options: [],
    multi: false,
    includeAll: false,
    hide: VariableHide.DontHide,
    skipUrlSync: false,
    allowCustomValue: true,
});
exports.defaultDatasourceVariableSpec = defaultDatasourceVariableSpec;
const defaultIntervalVariableKind = () => ({
    kind: "IntervalVariable",
    spec: (0, exports.defaultIntervalVariableSpec)(),
});
exports.defaultIntervalVariableKind = defaultIntervalVariableKind;
const defaultIntervalVariableSpec = () => ({
    name: "",
    query: "",
    current: { text: "", value: "", },
    options: [],
    auto: false,
    auto_min: "",
    auto_count: 0,
    refresh: "onTimeRangeChanged",
    hide: VariableHide.DontHide,
    skipUrlSync: false,
});
exports.defaultIntervalVariableSpec = defaultIntervalVariableSpec;
const defaultCustomVariableKind = () => ({
    kind: "CustomVariable",
    spec: (0, exports.defaultCustomVariableSpec)(),
});
exports.defaultCustomVariableKind = defaultCustomVariableKind;
const defaultCustomVariableSpec = () => ({
    name: "",
    query: "",
    current: (0, exports.defaultVariableOption)(),
    options: [],
    multi: false,
    includeAll: false,
    hide: VariableHide.DontHide,
    skipUrlSync: false,
    allowCustomValue: true,
});
exports.defaultCustomVariableSpec = defaultCustomVariableSpec;
const defaultGroupByVariableKind = () => ({
    kind: "GroupByVariable",
    group: "",
    spec: (0, exports.defaultGroupByVariableSpec)(),
});
exports.defaultGroupByVariableKind = defaultGroupByVariableKind;
const defaultGroupByVariableSpec = () => ({
    name: "",
    current: { text: "", value: "", },
    options: [],
    multi: false,
    hide: VariableHide.DontHide,
    skipUrlSync: false,
});
exports.defaultGroupByVariableSpec = defaultGroupByVariableSpec;
const defaultAdhocVariableKind = () => ({
    kind: "AdhocVariable",
    group: "",
    spec: (0, exports.defaultAdhocVariableSpec)(),
});
exports.defaultAdhocVariableKind = defaultAdhocVariableKind;
const defaultAdhocVariableSpec = () => ({
    name: "",
    baseFilters: [],
    filters: [],
    defaultKeys: [],
    hide: VariableHide.DontHide,
    skipUrlSync: false,
    allowCustomValue: true,
    enableGroupBy: false,
});
exports.defaultAdhocVariableSpec = defaultAdhocVariableSpec;
const defaultAdHocFilterWithLabels = () => ({
    key: "",
    operator: "",
    value: "",
    origin: exports.FilterOrigin,
});
exports.defaultAdHocFilterWithLabels = defaultAdHocFilterWithLabels;
/**
 * Determine the origin of the adhoc variable filter
 */
exports.FilterOrigin = "dashboard";
const defaultMetricFindValue = () => ({
    text: "",
});
exports.defaultMetricFindValue = defaultMetricFindValue;
const defaultSwitchVariableKind = () => ({
    kind: "SwitchVariable",
    spec: (0, exports.defaultSwitchVariableSpec)(),
});
exports.defaultSwitchVariableKind = defaultSwitchVariableKind;
const defaultSwitchVariableSpec = () => ({
    name: "",
    current: "false",
    enabledValue: "true",
    disabledValue: "false",
    hide: VariableHide.DontHide,
    skipUrlSync: false,
});
exports.defaultSwitchVariableSpec = defaultSwitchVariableSpec;
const defaultDashboardLink = () => ({
    title: "",
    type: DashboardLinkType.Link,
    icon: "",
    tooltip: "",
    tags: [],
    asDropdown: false,
    targetBlank: false,
    includeVars: false,
    keepTime: false,
});
exports.defaultDashboardLink = defaultDashboardLink;
/**
 * Dashboard Link type. Accepted values are dashboards (to refer to another dashboard) and link (to refer to an external resource)
 */
var DashboardLinkType;
(function (DashboardLinkType) {
    DashboardLinkType["Link"] = "link";
    DashboardLinkType["Dashboards"] = "dashboards";
})(DashboardLinkType || (exports.DashboardLinkType = DashboardLinkType = {}));
const defaultDashboardLinkType = () => (DashboardLinkType.Link);
exports.defaultDashboardLinkType = defaultDashboardLinkType;
/**
 * Dashboard Link placement. Defines where the link should be displayed.
 * - "inControlsMenu" renders the link in bottom part of the dashboard controls dropdown menu
 */
var DashboardLinkPlacement;
(function (DashboardLinkPlacement) {
    DashboardLinkPlacement["InControlsMenu"] = "inControlsMenu";
})(DashboardLinkPlacement || (exports.DashboardLinkPlacement = DashboardLinkPlacement = {}));
const defaultDashboardLinkPlacement = () => (DashboardLinkPlacement.InControlsMenu);
exports.defaultDashboardLinkPlacement = defaultDashboardLinkPlacement;
const defaultTimeSettingsSpec = () => ({
    timezone: "browser",
    from: "now-6h",
    to: "now",
    autoRefresh: "",
    autoRefreshIntervals: [
        "5s",
        "10s",
        "30s",
        "1m",
        "5m",
        "15m",
        "30m",
        "1h",
        "2h",
        "1d",
    ],
    hideTimepicker: false,
    fiscalYearStartMonth: 0,
});
exports.defaultTimeSettingsSpec = defaultTimeSettingsSpec;
const defaultTimeRangeOption = () => ({
    display: "Last 6 hours",
    from: "now-6h",
    to: "now",
});
exports.defaultTimeRangeOption = defaultTimeRangeOption;
/**
 * Annotation event field source. Defines how to obtain the value for an annotation event field.
 * - "field": Find the value with a matching key (default)
 * - "text": Write a constant string into the value
 * - "skip": Do not include the field
 */
var AnnotationEventFieldSource;
(function (AnnotationEventFieldSource) {
    AnnotationEventFieldSource["Field"] = "field";
    AnnotationEventFieldSource["Text"] = "text";
    AnnotationEventFieldSource["Skip"] = "skip";
})(AnnotationEventFieldSource || (exports.AnnotationEventFieldSource = AnnotationEventFieldSource = {}));
const defaultAnnotationEventFieldSource = () => (AnnotationEventFieldSource.Field);
exports.defaultAnnotationEventFieldSource = defaultAnnotationEventFieldSource;
const defaultKind = () => ({
    kind: "",
    spec: {},
});
exports.defaultKind = defaultKind;
const defaultVariableValue = () => ((0, exports.defaultVariableValueSingle)());
exports.defaultVariableValue = defaultVariableValue;
const defaultVariableValueSingle = () => ("");
exports.defaultVariableValueSingle = defaultVariableValueSingle;
const defaultCustomVariableValue = () => ({
    formatter: "",
});
exports.defaultCustomVariableValue = defaultCustomVariableValue;
/**
 * Dashboard variable type
 * `query`: Query-generated list of values such as metric names, server names, sensor IDs, data centers, and so on.
 * `adhoc`: Key/value filters that are automatically added to all metric queries for a data source (Prometheus, Loki, InfluxDB, and Elasticsearch only).
 * `constant`: 	Define a hidden constant.
 * `datasource`: Quickly change the data source for an entire dashboard.
 * `interval`: Interval variables represent time spans.
 * `textbox`: Display a free text input field with an optional default value.
 * `custom`: Define the variable options manually using a comma-separated list.
 * `system`: Variables defined by Grafana. See: https://grafana.com/docs/grafana/latest/dashboards/variables/add-template-variables/#global-variables
 */
var VariableType;
(function (VariableType) {
    VariableType["Query"] = "query";
    VariableType["Adhoc"] = "adhoc";
    VariableType["Groupby"] = "groupby";
    VariableType["Constant"] = "constant";
    VariableType["Datasource"] = "datasource";
    VariableType["Interval"] = "interval";
    VariableType["Textbox"] = "textbox";
    VariableType["Custom"] = "custom";
    VariableType["System"] = "system";
    VariableType["Snapshot"] = "snapshot";
    VariableType["Switch"] = "switch";
})(VariableType || (exports.VariableType = VariableType = {}));
const defaultVariableType = () => (VariableType.Query);
exports.defaultVariableType = defaultVariableType;
const defaultCustomFormatterVariable = () => ({
    name: "",
    type: VariableType.Query,
    multi: false,
    includeAll: false,
});
exports.defaultCustomFormatterVariable = defaultCustomFormatterVariable;
const defaultVariableValueOption = () => ({
    label: "",
    value: (0, exports.defaultVariableValueSingle)(),
});
exports.defaultVariableValueOption = defaultVariableValueOption;
const defaultCellKind = () => ({
    kind: "Cell",
    spec: (0, exports.defaultCellSpec)(),
});
exports.defaultCellKind = defaultCellKind;
const defaultCellSpec = () => ({
    content: (0, exports.defaultCellContentKind)(),
});
exports.defaultCellSpec = defaultCellSpec;
const defaultCellContentKind = () => ((0, exports.defaultMarkdownCellContentKind)());
exports.defaultCellContentKind = defaultCellContentKind;
const defaultMarkdownCellContentKind = () => ({
    kind: "Markdown",
    spec: (0, exports.defaultMarkdownCellContentSpec)(),
});
exports.defaultMarkdownCellContentKind = defaultMarkdownCellContentKind;
const defaultMarkdownCellContentSpec = () => ({
    text: "",
});
exports.defaultMarkdownCellContentSpec = defaultMarkdownCellContentSpec;
const defaultCodeCellContentKind = () => ({
    kind: "Code",
    spec: (0, exports.defaultCodeCellContentSpec)(),
});
exports.defaultCodeCellContentKind = defaultCodeCellContentKind;
const defaultCodeCellContentSpec = () => ({
    language: "",
    code: "",
});
exports.defaultCodeCellContentSpec = defaultCodeCellContentSpec;
const defaultNotebookLayoutKind = () => ({
    kind: "NotebookLayout",
    spec: (0, exports.defaultNotebookLayoutSpec)(),
});
exports.defaultNotebookLayoutKind = defaultNotebookLayoutKind;
const defaultNotebookLayoutSpec = () => ({
    cells: [],
});
exports.defaultNotebookLayoutSpec = defaultNotebookLayoutSpec;
const defaultNotebookLayoutItemKind = () => ({
    kind: "NotebookLayoutItem",
    spec: (0, exports.defaultNotebookLayoutItemSpec)(),
});
exports.defaultNotebookLayoutItemKind = defaultNotebookLayoutItemKind;
const defaultNotebookLayoutItemSpec = () => ({
    element: (0, exports.defaultElementReference)(),
    source: "assistant",
});
exports.defaultNotebookLayoutItemSpec = defaultNotebookLayoutItemSpec;
const defaultV2PanelKind = () => ({
    kind: "Panel",
    spec: (0, exports.defaultV2PanelSpec)(),
});
exports.defaultV2PanelKind = defaultV2PanelKind;
const defaultV2PanelSpec = () => ({
    id: 0,
    title: "",
    links: [],
    data: (0, exports.defaultV2QueryGroupKind)(),
    vizConfig: (0, exports.defaultVizConfigKind)(),
});
exports.defaultV2PanelSpec = defaultV2PanelSpec;
const defaultV2QueryGroupKind = () => ({
    kind: "QueryGroup",
    spec: (0, exports.defaultV2QueryGroupSpec)(),
});
exports.defaultV2QueryGroupKind = defaultV2QueryGroupKind;
const defaultV2QueryGroupSpec = () => ({
    queries: [],
    transformations: [],
    queryOptions: (0, exports.defaultQueryOptionsSpec)(),
});
exports.defaultV2QueryGroupSpec = defaultV2QueryGroupSpec;
const defaultV2TransformationKind = () => ({
    kind: "Transformation",
    group: "",
    spec: (0, exports.defaultV2TransformationSpec)(),
});
exports.defaultV2TransformationKind = defaultV2TransformationKind;
const defaultV2TransformationSpec = () => ({
    options: {},
});
exports.defaultV2TransformationSpec = defaultV2TransformationSpec;
const defaultNotebookElement = () => ((0, exports.defaultCellKind)());
exports.defaultNotebookElement = defaultNotebookElement;
const defaultNotebookSpec = () => ({
    title: "",
    tags: [],
    timeSettings: (0, exports.defaultTimeSettingsSpec)(),
    elements: {},
    layout: (0, exports.defaultNotebookLayoutKind)(),
});
exports.defaultNotebookSpec = defaultNotebookSpec;
exports.DashboardApiVersion = "dashboard.grafana.app/v2beta1";
exports.DashboardKind = "Dashboard";
//# sourceMappingURL=types.gen.js.map

/***/ }),

/***/ 7502:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.V2PanelKindBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
/**
 * The notebook's own panel chain. It is a copy of the dashboard one down to the transformation,
 * which follows the dashboard v2 shape rather than the v2beta1 shape in this package. The chain has
 * to be forked rather than shared because PanelKind reaches TransformationKind through
 * QueryGroupKind, and those three are what Dashboard v2beta1 serves. Everything the chain does not
 * change (DataLink, VizConfigKind, PanelQueryKind, QueryOptionsSpec) stays shared.
 */
class V2PanelKindBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultV2PanelKind();
        this.internal.kind = "Panel";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    spec(spec) {
        const specResource = spec.build();
        this.internal.spec = specResource;
        return this;
    }
}
exports.V2PanelKindBuilder = V2PanelKindBuilder;
//# sourceMappingURL=v2PanelKindBuilder.gen.js.map

/***/ }),

/***/ 9981:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.V2PanelSpecBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class V2PanelSpecBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultV2PanelSpec();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    id(id) {
        this.internal.id = id;
        return this;
    }
    title(title) {
        this.internal.title = title;
        return this;
    }
    // Shown in a info icon tooltip next to panel title
    description(description) {
        this.internal.description = description;
        return this;
    }
    // Shown in a sub header below the title.
    subtitle(subtitle) {
        this.internal.subtitle = subtitle;
        return this;
    }
    links(links) {
        const linksResources = links.map(builder1 => builder1.build());
        this.internal.links = linksResources;
        return this;
    }
    data(data) {
        const dataResource = data.build();
        this.internal.data = dataResource;
        return this;
    }
    vizConfig(vizConfig) {
        const vizConfigResource = vizConfig.build();
        this.internal.vizConfig = vizConfigResource;
        return this;
    }
    transparent(transparent) {
        this.internal.transparent = transparent;
        return this;
    }
}
exports.V2PanelSpecBuilder = V2PanelSpecBuilder;
//# sourceMappingURL=v2PanelSpecBuilder.gen.js.map

/***/ }),

/***/ 2785:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.V2QueryGroupKindBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class V2QueryGroupKindBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultV2QueryGroupKind();
        this.internal.kind = "QueryGroup";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    spec(spec) {
        const specResource = spec.build();
        this.internal.spec = specResource;
        return this;
    }
}
exports.V2QueryGroupKindBuilder = V2QueryGroupKindBuilder;
//# sourceMappingURL=v2QueryGroupKindBuilder.gen.js.map

/***/ }),

/***/ 1614:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.V2QueryGroupSpecBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
class V2QueryGroupSpecBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultV2QueryGroupSpec();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    queries(queries) {
        const queriesResources = queries.map(builder1 => builder1.build());
        this.internal.queries = queriesResources;
        return this;
    }
    transformations(transformations) {
        const transformationsResources = transformations.map(builder1 => builder1.build());
        this.internal.transformations = transformationsResources;
        return this;
    }
    queryOptions(queryOptions) {
        const queryOptionsResource = queryOptions.build();
        this.internal.queryOptions = queryOptionsResource;
        return this;
    }
}
exports.V2QueryGroupSpecBuilder = V2QueryGroupSpecBuilder;
//# sourceMappingURL=v2QueryGroupSpecBuilder.gen.js.map

/***/ }),

/***/ 9407:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.V2TransformationKindBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
/**
 * Dashboard v2 shape: the transformation ID moved from `kind` to `group`.
 */
class V2TransformationKindBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultV2TransformationKind();
        this.internal.kind = "Transformation";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // The group is the transformation ID
    group(group) {
        this.internal.group = group;
        return this;
    }
    spec(spec) {
        const specResource = spec.build();
        this.internal.spec = specResource;
        return this;
    }
}
exports.V2TransformationKindBuilder = V2TransformationKindBuilder;
//# sourceMappingURL=v2TransformationKindBuilder.gen.js.map

/***/ }),

/***/ 5996:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.V2TransformationSpecBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
/**
 * Dashboard v2 shape: no `id`, it is carried by the parent's `group`.
 */
class V2TransformationSpecBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultV2TransformationSpec();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Disabled transformations are skipped
    disabled(disabled) {
        this.internal.disabled = disabled;
        return this;
    }
    // Optional frame matcher. When missing it will be applied to all results
    filter(filter) {
        this.internal.filter = filter;
        return this;
    }
    // Where to pull DataFrames from as input to transformation
    topic(topic) {
        this.internal.topic = topic;
        return this;
    }
    // Options to be passed to the transformer
    // Valid options depend on the transformer id
    options(options) {
        this.internal.options = options;
        return this;
    }
}
exports.V2TransformationSpecBuilder = V2TransformationSpecBuilder;
//# sourceMappingURL=v2TransformationSpecBuilder.gen.js.map

/***/ }),

/***/ 650:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ValueMappingResultBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
/**
 * Result used as replacement with text and color when the value matches
 */
class ValueMappingResultBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultValueMappingResult();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Text to display when the value matches
    text(text) {
        this.internal.text = text;
        return this;
    }
    // Text to use when the value matches
    color(color) {
        this.internal.color = color;
        return this;
    }
    // Icon to display when the value matches. Only specific visualizations.
    icon(icon) {
        this.internal.icon = icon;
        return this;
    }
    // Position in the mapping array. Only used internally.
    index(index) {
        this.internal.index = index;
        return this;
    }
}
exports.ValueMappingResultBuilder = ValueMappingResultBuilder;
//# sourceMappingURL=valueMappingResultBuilder.gen.js.map

/***/ }),

/***/ 3126:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.VariableValueOptionBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
/**
 * FIXME: should we introduce this? --- Variable value option
 */
class VariableValueOptionBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultVariableValueOption();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    label(label) {
        this.internal.label = label;
        return this;
    }
    value(value) {
        this.internal.value = value;
        return this;
    }
    group(group) {
        this.internal.group = group;
        return this;
    }
}
exports.VariableValueOptionBuilder = VariableValueOptionBuilder;
//# sourceMappingURL=variableValueOptionBuilder.gen.js.map

/***/ }),

/***/ 9183:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
const tslib_1 = __webpack_require__(1860);
tslib_1.__exportStar(__webpack_require__(730), exports);
tslib_1.__exportStar(__webpack_require__(4346), exports);
tslib_1.__exportStar(__webpack_require__(6812), exports);
tslib_1.__exportStar(__webpack_require__(4516), exports);
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 4346:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.PanelBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboard = tslib_1.__importStar(__webpack_require__(4972));
const gauge = tslib_1.__importStar(__webpack_require__(9183));
/**
 * Dashboard panels are the basic visualization building blocks.
 */
class PanelBuilder {
    constructor() {
        this.internal = dashboard.defaultPanel();
        this.internal.type = "gauge";
        this.internal.options = gauge.defaultOptions();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Unique identifier of the panel. Generated by Grafana when creating a new panel. It must be unique within a dashboard, but not globally.
    id(id) {
        this.internal.id = id;
        return this;
    }
    // Depends on the panel plugin. See the plugin documentation for details.
    targets(targets) {
        const targetsResources = targets.map(builder1 => builder1.build());
        this.internal.targets = targetsResources;
        return this;
    }
    // Depends on the panel plugin. See the plugin documentation for details.
    withTarget(target) {
        if (!this.internal.targets) {
            this.internal.targets = [];
        }
        const targetResource = target.build();
        this.internal.targets.push(targetResource);
        return this;
    }
    // Panel title.
    title(title) {
        this.internal.title = title;
        return this;
    }
    // Panel description.
    description(description) {
        this.internal.description = description;
        return this;
    }
    // Whether to display the panel without a background.
    transparent(transparent) {
        this.internal.transparent = transparent;
        return this;
    }
    // The datasource used in all targets.
    datasource(datasource) {
        this.internal.datasource = datasource;
        return this;
    }
    // Grid position.
    gridPos(gridPos) {
        this.internal.gridPos = gridPos;
        return this;
    }
    // Panel height. The height is the number of rows from the top edge of the panel.
    height(h) {
        if (!this.internal.gridPos) {
            this.internal.gridPos = dashboard.defaultGridPos();
        }
        if (!(h > 0)) {
            throw new Error("h must be > 0");
        }
        this.internal.gridPos.h = h;
        return this;
    }
    // Panel width. The width is the number of columns from the left edge of the panel.
    span(w) {
        if (!this.internal.gridPos) {
            this.internal.gridPos = dashboard.defaultGridPos();
        }
        if (!(w > 0)) {
            throw new Error("w must be > 0");
        }
        if (!(w <= 24)) {
            throw new Error("w must be <= 24");
        }
        this.internal.gridPos.w = w;
        return this;
    }
    // Panel links.
    links(links) {
        const linksResources = links.map(builder1 => builder1.build());
        this.internal.links = linksResources;
        return this;
    }
    // Name of template variable to repeat for.
    repeat(repeat) {
        this.internal.repeat = repeat;
        return this;
    }
    // Direction to repeat in if 'repeat' is set.
    // `h` for horizontal, `v` for vertical.
    repeatDirection(repeatDirection) {
        this.internal.repeatDirection = repeatDirection;
        return this;
    }
    // Option for repeated panels that controls max items per row
    // Only relevant for horizontally repeated panels
    maxPerRow(maxPerRow) {
        this.internal.maxPerRow = maxPerRow;
        return this;
    }
    // The maximum number of data points that the panel queries are retrieving.
    maxDataPoints(maxDataPoints) {
        this.internal.maxDataPoints = maxDataPoints;
        return this;
    }
    // List of transformations that are applied to the panel data before rendering.
    // When there are multiple transformations, Grafana applies them in the order they are listed.
    // Each transformation creates a result set that then passes on to the next transformation in the processing pipeline.
    transformations(transformations) {
        this.internal.transformations = transformations;
        return this;
    }
    // List of transformations that are applied to the panel data before rendering.
    // When there are multiple transformations, Grafana applies them in the order they are listed.
    // Each transformation creates a result set that then passes on to the next transformation in the processing pipeline.
    withTransformation(transformation) {
        if (!this.internal.transformations) {
            this.internal.transformations = [];
        }
        this.internal.transformations.push(transformation);
        return this;
    }
    // The min time interval setting defines a lower limit for the $__interval and $__interval_ms variables.
    // This value must be formatted as a number followed by a valid time
    // identifier like: "40s", "3d", etc.
    // See: https://grafana.com/docs/grafana/latest/panels-visualizations/query-transform-data/#query-options
    interval(interval) {
        this.internal.interval = interval;
        return this;
    }
    // Overrides the relative time range for individual panels,
    // which causes them to be different than what is selected in
    // the dashboard time picker in the top-right corner of the dashboard. You can use this to show metrics from different
    // time periods or days on the same dashboard.
    // The value is formatted as time operation like: `now-5m` (Last 5 minutes), `now/d` (the day so far),
    // `now-5d/d`(Last 5 days), `now/w` (This week so far), `now-2y/y` (Last 2 years).
    // Note: Panel time overrides have no effect when the dashboard’s time range is absolute.
    // See: https://grafana.com/docs/grafana/latest/panels-visualizations/query-transform-data/#query-options
    timeFrom(timeFrom) {
        this.internal.timeFrom = timeFrom;
        return this;
    }
    // Overrides the time range for individual panels by shifting its start and end relative to the time picker.
    // For example, you can shift the time range for the panel to be two hours earlier than the dashboard time picker setting `2h`.
    // Note: Panel time overrides have no effect when the dashboard’s time range is absolute.
    // See: https://grafana.com/docs/grafana/latest/panels-visualizations/query-transform-data/#query-options
    timeShift(timeShift) {
        this.internal.timeShift = timeShift;
        return this;
    }
    // Controls if the timeFrom or timeShift overrides are shown in the panel header
    hideTimeOverride(hideTimeOverride) {
        this.internal.hideTimeOverride = hideTimeOverride;
        return this;
    }
    // Compare the current time range with a previous period
    // For example "1d" to compare current period but shifted back 1 day
    timeCompare(timeCompare) {
        this.internal.timeCompare = timeCompare;
        return this;
    }
    // Dynamically load the panel
    libraryPanel(libraryPanel) {
        this.internal.libraryPanel = libraryPanel;
        return this;
    }
    // Sets panel queries cache timeout.
    cacheTimeout(cacheTimeout) {
        this.internal.cacheTimeout = cacheTimeout;
        return this;
    }
    // Overrides the data source configured time-to-live for a query cache item in milliseconds
    queryCachingTTL(queryCachingTTL) {
        this.internal.queryCachingTTL = queryCachingTTL;
        return this;
    }
    // The display value for this field.  This supports template variables blank is auto
    displayName(displayName) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.displayName = displayName;
        return this;
    }
    // Unit a field should use. The unit you select is applied to all fields except time.
    // You can use the units ID availables in Grafana or a custom unit.
    // Available units in Grafana: https://github.com/grafana/grafana/blob/main/packages/grafana-data/src/valueFormats/categories.ts
    // As custom unit, you can use the following formats:
    // `suffix:<suffix>` for custom unit that should go after value.
    // `prefix:<prefix>` for custom unit that should go before value.
    // `time:<format>` For custom date time formats type for example `time:YYYY-MM-DD`.
    // `si:<base scale><unit characters>` for custom SI units. For example: `si: mF`. This one is a bit more advanced as you can specify both a unit and the source data scale. So if your source data is represented as milli (thousands of) something prefix the unit with that SI scale character.
    // `count:<unit>` for a custom count unit.
    // `currency:<unit>` for custom a currency unit.
    unit(unit) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.unit = unit;
        return this;
    }
    // Specify the number of decimals Grafana includes in the rendered value.
    // If you leave this field blank, Grafana automatically truncates the number of decimals based on the value.
    // For example 1.1234 will display as 1.12 and 100.456 will display as 100.
    // To display all decimals, set the unit to `String`.
    decimals(decimals) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.decimals = decimals;
        return this;
    }
    // The minimum value used in percentage threshold calculations. Leave blank for auto calculation based on all series and fields.
    min(min) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.min = min;
        return this;
    }
    // The maximum value used in percentage threshold calculations. Leave blank for auto calculation based on all series and fields.
    max(max) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.max = max;
        return this;
    }
    // Convert input values into a display string
    mappings(mappings) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.mappings = mappings;
        return this;
    }
    // Map numeric values to states
    thresholds(thresholds) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        const thresholdsResource = thresholds.build();
        this.internal.fieldConfig.defaults.thresholds = thresholdsResource;
        return this;
    }
    // Panel color configuration
    colorScheme(color) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        const colorResource = color.build();
        this.internal.fieldConfig.defaults.color = colorResource;
        return this;
    }
    // The behavior when clicking on a result
    dataLinks(links) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        const linksResources = links.map(builder1 => builder1.build());
        this.internal.fieldConfig.defaults.links = linksResources;
        return this;
    }
    // Define interactive HTTP requests that can be triggered from data visualizations.
    actions(actions) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        const actionsResources = actions.map(builder1 => builder1.build());
        this.internal.fieldConfig.defaults.actions = actionsResources;
        return this;
    }
    // Alternative to empty string
    noValue(noValue) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.noValue = noValue;
        return this;
    }
    fieldMinMax(fieldMinMax) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.fieldMinMax = fieldMinMax;
        return this;
    }
    // Overrides are the options applied to specific fields overriding the defaults.
    overrides(overrides) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        this.internal.fieldConfig.overrides = overrides;
        return this;
    }
    // Overrides are the options applied to specific fields overriding the defaults.
    withOverride(override) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.overrides) {
            this.internal.fieldConfig.overrides = [];
        }
        this.internal.fieldConfig.overrides.push(override);
        return this;
    }
    // Adds override rules for a specific field, referred to by its name.
    overrideByName(name, properties) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.overrides) {
            this.internal.fieldConfig.overrides = [];
        }
        this.internal.fieldConfig.overrides.push({
            matcher: {
                id: "byName",
                options: name,
            },
            properties: properties,
        });
        return this;
    }
    // Adds override rules for the fields whose name match the given regexp.
    overrideByRegexp(regexp, properties) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.overrides) {
            this.internal.fieldConfig.overrides = [];
        }
        this.internal.fieldConfig.overrides.push({
            matcher: {
                id: "byRegexp",
                options: regexp,
            },
            properties: properties,
        });
        return this;
    }
    // Adds override rules for all the fields of the given type.
    overrideByFieldType(fieldType, properties) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.overrides) {
            this.internal.fieldConfig.overrides = [];
        }
        this.internal.fieldConfig.overrides.push({
            matcher: {
                id: "byType",
                options: fieldType,
            },
            properties: properties,
        });
        return this;
    }
    overrideByQuery(queryRefId, properties) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.overrides) {
            this.internal.fieldConfig.overrides = [];
        }
        this.internal.fieldConfig.overrides.push({
            matcher: {
                id: "byFrameRefID",
                options: queryRefId,
            },
            properties: properties,
        });
        return this;
    }
    showThresholdLabels(showThresholdLabels) {
        if (!this.internal.options) {
            this.internal.options = gauge.defaultOptions();
        }
        this.internal.options.showThresholdLabels = showThresholdLabels;
        return this;
    }
    showThresholdMarkers(showThresholdMarkers) {
        if (!this.internal.options) {
            this.internal.options = gauge.defaultOptions();
        }
        this.internal.options.showThresholdMarkers = showThresholdMarkers;
        return this;
    }
    sizing(sizing) {
        if (!this.internal.options) {
            this.internal.options = gauge.defaultOptions();
        }
        this.internal.options.sizing = sizing;
        return this;
    }
    minVizWidth(minVizWidth) {
        if (!this.internal.options) {
            this.internal.options = gauge.defaultOptions();
        }
        this.internal.options.minVizWidth = minVizWidth;
        return this;
    }
    reduceOptions(reduceOptions) {
        if (!this.internal.options) {
            this.internal.options = gauge.defaultOptions();
        }
        const reduceOptionsResource = reduceOptions.build();
        this.internal.options.reduceOptions = reduceOptionsResource;
        return this;
    }
    text(text) {
        if (!this.internal.options) {
            this.internal.options = gauge.defaultOptions();
        }
        const textResource = text.build();
        this.internal.options.text = textResource;
        return this;
    }
    minVizHeight(minVizHeight) {
        if (!this.internal.options) {
            this.internal.options = gauge.defaultOptions();
        }
        this.internal.options.minVizHeight = minVizHeight;
        return this;
    }
    orientation(orientation) {
        if (!this.internal.options) {
            this.internal.options = gauge.defaultOptions();
        }
        this.internal.options.orientation = orientation;
        return this;
    }
}
exports.PanelBuilder = PanelBuilder;
//# sourceMappingURL=panelBuilder.gen.js.map

/***/ }),

/***/ 730:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.defaultOptions = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
const defaultOptions = () => ({
    showThresholdLabels: false,
    showThresholdMarkers: true,
    sizing: common.BarGaugeSizing.Auto,
    minVizWidth: 75,
    reduceOptions: common.defaultReduceDataOptions(),
    minVizHeight: 75,
    orientation: common.VizOrientation.Auto,
});
exports.defaultOptions = defaultOptions;
//# sourceMappingURL=types.gen.js.map

/***/ }),

/***/ 4516:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.VisualizationBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
const gauge = tslib_1.__importStar(__webpack_require__(9183));
class VisualizationBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultVizConfigKind();
        this.internal.kind = "VizConfig";
        this.internal.group = "gauge";
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        this.internal.spec.options = gauge.defaultOptions();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // The display value for this field.  This supports template variables blank is auto
    displayName(displayName) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.displayName = displayName;
        return this;
    }
    // This can be used by data sources that return and explicit naming structure for values and labels
    // When this property is configured, this value is used rather than the default naming strategy.
    displayNameFromDS(displayNameFromDS) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.displayNameFromDS = displayNameFromDS;
        return this;
    }
    // Human readable field metadata
    description(description) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.description = description;
        return this;
    }
    // An explicit path to the field in the datasource.  When the frame meta includes a path,
    // This will default to `${frame.meta.path}/${field.name}
    // 
    // When defined, this value can be used as an identifier within the datasource scope, and
    // may be used to update the results
    path(path) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.path = path;
        return this;
    }
    // Unit a field should use. The unit you select is applied to all fields except time.
    // You can use the units ID available in Grafana or a custom unit.
    // Available units in Grafana: https://github.com/grafana/grafana/blob/main/packages/grafana-data/src/valueFormats/categories.ts
    // As custom unit, you can use the following formats:
    // `suffix:<suffix>` for custom unit that should go after value.
    // `prefix:<prefix>` for custom unit that should go before value.
    // `time:<format>` For custom date time formats type for example `time:YYYY-MM-DD`.
    // `si:<base scale><unit characters>` for custom SI units. For example: `si: mF`. This one is a bit more advanced as you can specify both a unit and the source data scale. So if your source data is represented as milli (thousands of) something prefix the unit with that SI scale character.
    // `count:<unit>` for a custom count unit.
    // `currency:<unit>` for custom a currency unit.
    unit(unit) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.unit = unit;
        return this;
    }
    // Specify the number of decimals Grafana includes in the rendered value.
    // If you leave this field blank, Grafana automatically truncates the number of decimals based on the value.
    // For example 1.1234 will display as 1.12 and 100.456 will display as 100.
    // To display all decimals, set the unit to `String`.
    decimals(decimals) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.decimals = decimals;
        return this;
    }
    // The minimum value used in percentage threshold calculations. Leave blank for auto calculation based on all series and fields.
    min(min) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.min = min;
        return this;
    }
    // The maximum value used in percentage threshold calculations. Leave blank for auto calculation based on all series and fields.
    max(max) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.max = max;
        return this;
    }
    // Convert input values into a display string
    mappings(mappings) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.mappings = mappings;
        return this;
    }
    // Map numeric values to states
    thresholds(thresholds) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        const thresholdsResource = thresholds.build();
        this.internal.spec.fieldConfig.defaults.thresholds = thresholdsResource;
        return this;
    }
    // Panel color configuration
    colorScheme(color) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        const colorResource = color.build();
        this.internal.spec.fieldConfig.defaults.color = colorResource;
        return this;
    }
    // The behavior when clicking on a result
    dataLinks(links) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.links = links;
        return this;
    }
    // Define interactive HTTP requests that can be triggered from data visualizations.
    actions(actions) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        const actionsResources = actions.map(builder1 => builder1.build());
        this.internal.spec.fieldConfig.defaults.actions = actionsResources;
        return this;
    }
    // Alternative to empty string
    noValue(noValue) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.noValue = noValue;
        return this;
    }
    // Calculate min max per field
    fieldMinMax(fieldMinMax) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.fieldMinMax = fieldMinMax;
        return this;
    }
    // How null values should be handled when calculating field stats
    // "null" - Include null values, "connected" - Ignore nulls, "null as zero" - Treat nulls as zero
    nullValueMode(nullValueMode) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.nullValueMode = nullValueMode;
        return this;
    }
    // Overrides are the options applied to specific fields overriding the defaults.
    overrides(overrides) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        this.internal.spec.fieldConfig.overrides = overrides;
        return this;
    }
    // Overrides are the options applied to specific fields overriding the defaults.
    override(override) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push(override);
        return this;
    }
    showThresholdLabels(showThresholdLabels) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = gauge.defaultOptions();
        }
        this.internal.spec.options.showThresholdLabels = showThresholdLabels;
        return this;
    }
    showThresholdMarkers(showThresholdMarkers) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = gauge.defaultOptions();
        }
        this.internal.spec.options.showThresholdMarkers = showThresholdMarkers;
        return this;
    }
    sizing(sizing) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = gauge.defaultOptions();
        }
        this.internal.spec.options.sizing = sizing;
        return this;
    }
    minVizWidth(minVizWidth) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = gauge.defaultOptions();
        }
        this.internal.spec.options.minVizWidth = minVizWidth;
        return this;
    }
    reduceOptions(reduceOptions) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = gauge.defaultOptions();
        }
        const reduceOptionsResource = reduceOptions.build();
        this.internal.spec.options.reduceOptions = reduceOptionsResource;
        return this;
    }
    text(text) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = gauge.defaultOptions();
        }
        const textResource = text.build();
        this.internal.spec.options.text = textResource;
        return this;
    }
    minVizHeight(minVizHeight) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = gauge.defaultOptions();
        }
        this.internal.spec.options.minVizHeight = minVizHeight;
        return this;
    }
    orientation(orientation) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = gauge.defaultOptions();
        }
        this.internal.spec.options.orientation = orientation;
        return this;
    }
    // Adds override rules for a specific field, referred to by its name.
    overrideByName(name, properties) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push({
            matcher: {
                id: "byName",
                options: name,
            },
            properties: properties,
        });
        return this;
    }
    // Adds override rules for the fields whose name match the given regexp.
    overrideByRegexp(regexp, properties) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push({
            matcher: {
                id: "byRegexp",
                options: regexp,
            },
            properties: properties,
        });
        return this;
    }
    // Adds override rules for all the fields of the given type.
    overrideByFieldType(fieldType, properties) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push({
            matcher: {
                id: "byType",
                options: fieldType,
            },
            properties: properties,
        });
        return this;
    }
    overrideByQuery(queryRefId, properties) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push({
            matcher: {
                id: "byFrameRefID",
                options: queryRefId,
            },
            properties: properties,
        });
        return this;
    }
}
exports.VisualizationBuilder = VisualizationBuilder;
//# sourceMappingURL=visualizationBuilder.gen.js.map

/***/ }),

/***/ 6812:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.VisualizationV2Builder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
const gauge = tslib_1.__importStar(__webpack_require__(9183));
class VisualizationV2Builder {
    constructor() {
        this.internal = dashboardv2.defaultVizConfigKind();
        this.internal.kind = "VizConfig";
        this.internal.group = "gauge";
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        this.internal.spec.options = gauge.defaultOptions();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // The display value for this field.  This supports template variables blank is auto
    displayName(displayName) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.displayName = displayName;
        return this;
    }
    // This can be used by data sources that return and explicit naming structure for values and labels
    // When this property is configured, this value is used rather than the default naming strategy.
    displayNameFromDS(displayNameFromDS) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.displayNameFromDS = displayNameFromDS;
        return this;
    }
    // Human readable field metadata
    description(description) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.description = description;
        return this;
    }
    // An explicit path to the field in the datasource.  When the frame meta includes a path,
    // This will default to `${frame.meta.path}/${field.name}
    // 
    // When defined, this value can be used as an identifier within the datasource scope, and
    // may be used to update the results
    path(path) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.path = path;
        return this;
    }
    // Unit a field should use. The unit you select is applied to all fields except time.
    // You can use the units ID available in Grafana or a custom unit.
    // Available units in Grafana: https://github.com/grafana/grafana/blob/main/packages/grafana-data/src/valueFormats/categories.ts
    // As custom unit, you can use the following formats:
    // `suffix:<suffix>` for custom unit that should go after value.
    // `prefix:<prefix>` for custom unit that should go before value.
    // `time:<format>` For custom date time formats type for example `time:YYYY-MM-DD`.
    // `si:<base scale><unit characters>` for custom SI units. For example: `si: mF`. This one is a bit more advanced as you can specify both a unit and the source data scale. So if your source data is represented as milli (thousands of) something prefix the unit with that SI scale character.
    // `count:<unit>` for a custom count unit.
    // `currency:<unit>` for custom a currency unit.
    unit(unit) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.unit = unit;
        return this;
    }
    // Specify the number of decimals Grafana includes in the rendered value.
    // If you leave this field blank, Grafana automatically truncates the number of decimals based on the value.
    // For example 1.1234 will display as 1.12 and 100.456 will display as 100.
    // To display all decimals, set the unit to `String`.
    decimals(decimals) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.decimals = decimals;
        return this;
    }
    // The minimum value used in percentage threshold calculations. Leave blank for auto calculation based on all series and fields.
    min(min) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.min = min;
        return this;
    }
    // The maximum value used in percentage threshold calculations. Leave blank for auto calculation based on all series and fields.
    max(max) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.max = max;
        return this;
    }
    // Convert input values into a display string
    mappings(mappings) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.mappings = mappings;
        return this;
    }
    // Map numeric values to states
    thresholds(thresholds) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        const thresholdsResource = thresholds.build();
        this.internal.spec.fieldConfig.defaults.thresholds = thresholdsResource;
        return this;
    }
    // Panel color configuration
    colorScheme(color) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        const colorResource = color.build();
        this.internal.spec.fieldConfig.defaults.color = colorResource;
        return this;
    }
    // The behavior when clicking on a result
    dataLinks(links) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.links = links;
        return this;
    }
    // Define interactive HTTP requests that can be triggered from data visualizations.
    actions(actions) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        const actionsResources = actions.map(builder1 => builder1.build());
        this.internal.spec.fieldConfig.defaults.actions = actionsResources;
        return this;
    }
    // Alternative to empty string
    noValue(noValue) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.noValue = noValue;
        return this;
    }
    // Calculate min max per field
    fieldMinMax(fieldMinMax) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.fieldMinMax = fieldMinMax;
        return this;
    }
    // How null values should be handled when calculating field stats
    // "null" - Include null values, "connected" - Ignore nulls, "null as zero" - Treat nulls as zero
    nullValueMode(nullValueMode) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.nullValueMode = nullValueMode;
        return this;
    }
    // Overrides are the options applied to specific fields overriding the defaults.
    overrides(overrides) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        this.internal.spec.fieldConfig.overrides = overrides;
        return this;
    }
    // Overrides are the options applied to specific fields overriding the defaults.
    override(override) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push(override);
        return this;
    }
    showThresholdLabels(showThresholdLabels) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = gauge.defaultOptions();
        }
        this.internal.spec.options.showThresholdLabels = showThresholdLabels;
        return this;
    }
    showThresholdMarkers(showThresholdMarkers) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = gauge.defaultOptions();
        }
        this.internal.spec.options.showThresholdMarkers = showThresholdMarkers;
        return this;
    }
    sizing(sizing) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = gauge.defaultOptions();
        }
        this.internal.spec.options.sizing = sizing;
        return this;
    }
    minVizWidth(minVizWidth) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = gauge.defaultOptions();
        }
        this.internal.spec.options.minVizWidth = minVizWidth;
        return this;
    }
    reduceOptions(reduceOptions) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = gauge.defaultOptions();
        }
        const reduceOptionsResource = reduceOptions.build();
        this.internal.spec.options.reduceOptions = reduceOptionsResource;
        return this;
    }
    text(text) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = gauge.defaultOptions();
        }
        const textResource = text.build();
        this.internal.spec.options.text = textResource;
        return this;
    }
    minVizHeight(minVizHeight) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = gauge.defaultOptions();
        }
        this.internal.spec.options.minVizHeight = minVizHeight;
        return this;
    }
    orientation(orientation) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = gauge.defaultOptions();
        }
        this.internal.spec.options.orientation = orientation;
        return this;
    }
    // Adds override rules for a specific field, referred to by its name.
    overrideByName(name, properties) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push({
            matcher: {
                id: "byName",
                options: name,
            },
            properties: properties,
        });
        return this;
    }
    // Adds override rules for the fields whose name match the given regexp.
    overrideByRegexp(regexp, properties) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push({
            matcher: {
                id: "byRegexp",
                options: regexp,
            },
            properties: properties,
        });
        return this;
    }
    // Adds override rules for all the fields of the given type.
    overrideByFieldType(fieldType, properties) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push({
            matcher: {
                id: "byType",
                options: fieldType,
            },
            properties: properties,
        });
        return this;
    }
    overrideByQuery(queryRefId, properties) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push({
            matcher: {
                id: "byFrameRefID",
                options: queryRefId,
            },
            properties: properties,
        });
        return this;
    }
}
exports.VisualizationV2Builder = VisualizationV2Builder;
//# sourceMappingURL=visualizationV2Builder.gen.js.map

/***/ }),

/***/ 6567:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.AdhocFiltersBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const prometheus = tslib_1.__importStar(__webpack_require__(2648));
class AdhocFiltersBuilder {
    constructor() {
        this.internal = prometheus.defaultAdhocFilters();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    key(key) {
        this.internal.key = key;
        return this;
    }
    operator(operator) {
        this.internal.operator = operator;
        return this;
    }
    value(value) {
        this.internal.value = value;
        return this;
    }
    values(values) {
        this.internal.values = values;
        return this;
    }
}
exports.AdhocFiltersBuilder = AdhocFiltersBuilder;
//# sourceMappingURL=adhocFiltersBuilder.gen.js.map

/***/ }),

/***/ 8961:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DataqueryBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const prometheus = tslib_1.__importStar(__webpack_require__(2648));
class DataqueryBuilder {
    constructor() {
        this.internal = prometheus.defaultDataquery();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Additional Ad-hoc filters that take precedence over Scope on conflict.
    adhocFilters(adhocFilters) {
        const adhocFiltersResources = adhocFilters.map(builder1 => builder1.build());
        this.internal.adhocFilters = adhocFiltersResources;
        return this;
    }
    // The datasource
    datasource(datasource) {
        this.internal.datasource = datasource;
        return this;
    }
    // what we should show in the editor
    // Possible enum values:
    //  - `"builder"` 
    //  - `"code"` 
    editorMode(editorMode) {
        this.internal.editorMode = editorMode;
        return this;
    }
    // Execute an additional query to identify interesting raw samples relevant for the given expr
    exemplar(exemplar) {
        this.internal.exemplar = exemplar;
        return this;
    }
    // The actual expression/query that will be evaluated by Prometheus
    expr(expr) {
        this.internal.expr = expr;
        return this;
    }
    // The response format
    // Possible enum values:
    //  - `"time_series"` 
    //  - `"table"` 
    //  - `"heatmap"` 
    format(format) {
        this.internal.format = format;
        return this;
    }
    // Group By parameters to apply to aggregate expressions in the query
    groupByKeys(groupByKeys) {
        this.internal.groupByKeys = groupByKeys;
        return this;
    }
    // true if query is disabled (ie should not be returned to the dashboard)
    // NOTE: this does not always imply that the query should not be executed since
    // the results from a hidden query may be used as the input to other queries (SSE etc)
    hide(hide) {
        this.internal.hide = hide;
        return this;
    }
    // Returns only the latest value that Prometheus has scraped for the requested time series
    instant() {
        this.internal.instant = true;
        this.internal.range = false;
        return this;
    }
    // Used to specify how many times to divide max data points by. We use max data points under query options
    // See https://github.com/grafana/grafana/issues/48081
    // Deprecated: use interval
    intervalFactor(intervalFactor) {
        this.internal.intervalFactor = intervalFactor;
        return this;
    }
    // Interval is the suggested duration between time points in a time series query.
    // NOTE: the values for intervalMs is not saved in the query model.  It is typically calculated
    // from the interval required to fill a pixels in the visualization
    intervalMs(intervalMs) {
        this.internal.intervalMs = intervalMs;
        return this;
    }
    // Series name override or template. Ex. {{hostname}} will be replaced with label value for hostname
    legendFormat(legendFormat) {
        this.internal.legendFormat = legendFormat;
        return this;
    }
    // MaxDataPoints is the maximum number of data points that should be returned from a time series query.
    // NOTE: the values for maxDataPoints is not saved in the query model.  It is typically calculated
    // from the number of pixels visible in a visualization
    maxDataPoints(maxDataPoints) {
        this.internal.maxDataPoints = maxDataPoints;
        return this;
    }
    // QueryType is an optional identifier for the type of query.
    // It can be used to distinguish different types of queries.
    queryType(queryType) {
        this.internal.queryType = queryType;
        return this;
    }
    // Returns a Range vector, comprised of a set of time series containing a range of data points over time for each time series
    range() {
        this.internal.range = true;
        this.internal.instant = false;
        return this;
    }
    // RefID is the unique identifier of the query, set by the frontend call.
    refId(refId) {
        this.internal.refId = refId;
        return this;
    }
    // Optionally define expected query result behavior
    resultAssertions(resultAssertions) {
        const resultAssertionsResource = resultAssertions.build();
        this.internal.resultAssertions = resultAssertionsResource;
        return this;
    }
    // A set of filters applied to apply to the query
    scopes(scopes) {
        const scopesResources = scopes.map(builder1 => builder1.build());
        this.internal.scopes = scopesResources;
        return this;
    }
    // TimeRange represents the query range
    // NOTE: unlike generic /ds/query, we can now send explicit time values in each query
    // NOTE: the values for timeRange are not saved in a dashboard, they are constructed on the fly
    timeRange(timeRange) {
        const timeRangeResource = timeRange.build();
        this.internal.timeRange = timeRangeResource;
        return this;
    }
    // An additional lower limit for the step parameter of the Prometheus query and for the
    // `$__interval` and `$__rate_interval` variables.
    interval(interval) {
        this.internal.interval = interval;
        return this;
    }
    rangeAndInstant() {
        this.internal.range = true;
        this.internal.instant = true;
        return this;
    }
}
exports.DataqueryBuilder = DataqueryBuilder;
//# sourceMappingURL=dataqueryBuilder.gen.js.map

/***/ }),

/***/ 2648:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
const tslib_1 = __webpack_require__(1860);
tslib_1.__exportStar(__webpack_require__(9105), exports);
tslib_1.__exportStar(__webpack_require__(973), exports);
tslib_1.__exportStar(__webpack_require__(6567), exports);
tslib_1.__exportStar(__webpack_require__(211), exports);
tslib_1.__exportStar(__webpack_require__(7449), exports);
tslib_1.__exportStar(__webpack_require__(9372), exports);
tslib_1.__exportStar(__webpack_require__(2067), exports);
tslib_1.__exportStar(__webpack_require__(8961), exports);
tslib_1.__exportStar(__webpack_require__(2145), exports);
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 2145:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.QueryBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
const prometheus = tslib_1.__importStar(__webpack_require__(2648));
class QueryBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultDataQueryKind();
        this.internal.kind = "DataQuery";
        this.internal.group = "prometheus";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    version(version) {
        this.internal.version = version;
        return this;
    }
    labels(labels) {
        this.internal.labels = labels;
        return this;
    }
    // New type for datasource reference
    // Not creating a new type until we figure out how to handle DS refs for group by, adhoc, and every place that uses DataSourceRef in TS.
    datasource(ref) {
        this.internal.datasource = ref;
        return this;
    }
    // Additional Ad-hoc filters that take precedence over Scope on conflict.
    adhocFilters(adhocFilters) {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        const adhocFiltersResources = adhocFilters.map(builder1 => builder1.build());
        this.internal.spec.adhocFilters = adhocFiltersResources;
        return this;
    }
    // what we should show in the editor
    // Possible enum values:
    //  - `"builder"` 
    //  - `"code"` 
    editorMode(editorMode) {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        this.internal.spec.editorMode = editorMode;
        return this;
    }
    // Execute an additional query to identify interesting raw samples relevant for the given expr
    exemplar(exemplar) {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        this.internal.spec.exemplar = exemplar;
        return this;
    }
    // The actual expression/query that will be evaluated by Prometheus
    expr(expr) {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        this.internal.spec.expr = expr;
        return this;
    }
    // The response format
    // Possible enum values:
    //  - `"time_series"` 
    //  - `"table"` 
    //  - `"heatmap"` 
    format(format) {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        this.internal.spec.format = format;
        return this;
    }
    // Group By parameters to apply to aggregate expressions in the query
    groupByKeys(groupByKeys) {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        this.internal.spec.groupByKeys = groupByKeys;
        return this;
    }
    // true if query is disabled (ie should not be returned to the dashboard)
    // NOTE: this does not always imply that the query should not be executed since
    // the results from a hidden query may be used as the input to other queries (SSE etc)
    hide(hide) {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        this.internal.spec.hide = hide;
        return this;
    }
    // Returns only the latest value that Prometheus has scraped for the requested time series
    instant() {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        this.internal.spec.instant = true;
        this.internal.spec.range = false;
        return this;
    }
    // Used to specify how many times to divide max data points by. We use max data points under query options
    // See https://github.com/grafana/grafana/issues/48081
    // Deprecated: use interval
    intervalFactor(intervalFactor) {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        this.internal.spec.intervalFactor = intervalFactor;
        return this;
    }
    // Interval is the suggested duration between time points in a time series query.
    // NOTE: the values for intervalMs is not saved in the query model.  It is typically calculated
    // from the interval required to fill a pixels in the visualization
    intervalMs(intervalMs) {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        this.internal.spec.intervalMs = intervalMs;
        return this;
    }
    // Series name override or template. Ex. {{hostname}} will be replaced with label value for hostname
    legendFormat(legendFormat) {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        this.internal.spec.legendFormat = legendFormat;
        return this;
    }
    // MaxDataPoints is the maximum number of data points that should be returned from a time series query.
    // NOTE: the values for maxDataPoints is not saved in the query model.  It is typically calculated
    // from the number of pixels visible in a visualization
    maxDataPoints(maxDataPoints) {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        this.internal.spec.maxDataPoints = maxDataPoints;
        return this;
    }
    // QueryType is an optional identifier for the type of query.
    // It can be used to distinguish different types of queries.
    queryType(queryType) {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        this.internal.spec.queryType = queryType;
        return this;
    }
    // Returns a Range vector, comprised of a set of time series containing a range of data points over time for each time series
    range() {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        this.internal.spec.range = true;
        this.internal.spec.instant = false;
        return this;
    }
    // RefID is the unique identifier of the query, set by the frontend call.
    refId(refId) {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        this.internal.spec.refId = refId;
        return this;
    }
    // Optionally define expected query result behavior
    resultAssertions(resultAssertions) {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        const resultAssertionsResource = resultAssertions.build();
        this.internal.spec.resultAssertions = resultAssertionsResource;
        return this;
    }
    // A set of filters applied to apply to the query
    scopes(scopes) {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        const scopesResources = scopes.map(builder1 => builder1.build());
        this.internal.spec.scopes = scopesResources;
        return this;
    }
    // TimeRange represents the query range
    // NOTE: unlike generic /ds/query, we can now send explicit time values in each query
    // NOTE: the values for timeRange are not saved in a dashboard, they are constructed on the fly
    timeRange(timeRange) {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        const timeRangeResource = timeRange.build();
        this.internal.spec.timeRange = timeRangeResource;
        return this;
    }
    // An additional lower limit for the step parameter of the Prometheus query and for the
    // `$__interval` and `$__rate_interval` variables.
    interval(interval) {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        this.internal.spec.interval = interval;
        return this;
    }
    rangeAndInstant() {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        this.internal.spec.range = true;
        this.internal.spec.instant = true;
        return this;
    }
}
exports.QueryBuilder = QueryBuilder;
//# sourceMappingURL=queryBuilder.gen.js.map

/***/ }),

/***/ 973:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.QueryV2Builder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
const prometheus = tslib_1.__importStar(__webpack_require__(2648));
class QueryV2Builder {
    constructor() {
        this.internal = dashboardv2.defaultDataQueryKind();
        this.internal.kind = "DataQuery";
        this.internal.group = "prometheus";
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    version(version) {
        this.internal.version = version;
        return this;
    }
    labels(labels) {
        this.internal.labels = labels;
        return this;
    }
    // New type for datasource reference
    // Not creating a new type until we figure out how to handle DS refs for group by, adhoc, and every place that uses DataSourceRef in TS.
    datasource(ref) {
        this.internal.datasource = ref;
        return this;
    }
    // Additional Ad-hoc filters that take precedence over Scope on conflict.
    adhocFilters(adhocFilters) {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        const adhocFiltersResources = adhocFilters.map(builder1 => builder1.build());
        this.internal.spec.adhocFilters = adhocFiltersResources;
        return this;
    }
    // what we should show in the editor
    // Possible enum values:
    //  - `"builder"` 
    //  - `"code"` 
    editorMode(editorMode) {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        this.internal.spec.editorMode = editorMode;
        return this;
    }
    // Execute an additional query to identify interesting raw samples relevant for the given expr
    exemplar(exemplar) {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        this.internal.spec.exemplar = exemplar;
        return this;
    }
    // The actual expression/query that will be evaluated by Prometheus
    expr(expr) {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        this.internal.spec.expr = expr;
        return this;
    }
    // The response format
    // Possible enum values:
    //  - `"time_series"` 
    //  - `"table"` 
    //  - `"heatmap"` 
    format(format) {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        this.internal.spec.format = format;
        return this;
    }
    // Group By parameters to apply to aggregate expressions in the query
    groupByKeys(groupByKeys) {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        this.internal.spec.groupByKeys = groupByKeys;
        return this;
    }
    // true if query is disabled (ie should not be returned to the dashboard)
    // NOTE: this does not always imply that the query should not be executed since
    // the results from a hidden query may be used as the input to other queries (SSE etc)
    hide(hide) {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        this.internal.spec.hide = hide;
        return this;
    }
    // Returns only the latest value that Prometheus has scraped for the requested time series
    instant(instant) {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        this.internal.spec.instant = instant;
        return this;
    }
    // Used to specify how many times to divide max data points by. We use max data points under query options
    // See https://github.com/grafana/grafana/issues/48081
    // Deprecated: use interval
    intervalFactor(intervalFactor) {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        this.internal.spec.intervalFactor = intervalFactor;
        return this;
    }
    // Interval is the suggested duration between time points in a time series query.
    // NOTE: the values for intervalMs is not saved in the query model.  It is typically calculated
    // from the interval required to fill a pixels in the visualization
    intervalMs(intervalMs) {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        this.internal.spec.intervalMs = intervalMs;
        return this;
    }
    // Series name override or template. Ex. {{hostname}} will be replaced with label value for hostname
    legendFormat(legendFormat) {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        this.internal.spec.legendFormat = legendFormat;
        return this;
    }
    // MaxDataPoints is the maximum number of data points that should be returned from a time series query.
    // NOTE: the values for maxDataPoints is not saved in the query model.  It is typically calculated
    // from the number of pixels visible in a visualization
    maxDataPoints(maxDataPoints) {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        this.internal.spec.maxDataPoints = maxDataPoints;
        return this;
    }
    // QueryType is an optional identifier for the type of query.
    // It can be used to distinguish different types of queries.
    queryType(queryType) {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        this.internal.spec.queryType = queryType;
        return this;
    }
    // Returns a Range vector, comprised of a set of time series containing a range of data points over time for each time series
    range(range) {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        this.internal.spec.range = range;
        return this;
    }
    // RefID is the unique identifier of the query, set by the frontend call.
    refId(refId) {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        this.internal.spec.refId = refId;
        return this;
    }
    // Optionally define expected query result behavior
    resultAssertions(resultAssertions) {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        const resultAssertionsResource = resultAssertions.build();
        this.internal.spec.resultAssertions = resultAssertionsResource;
        return this;
    }
    // A set of filters applied to apply to the query
    scopes(scopes) {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        const scopesResources = scopes.map(builder1 => builder1.build());
        this.internal.spec.scopes = scopesResources;
        return this;
    }
    // TimeRange represents the query range
    // NOTE: unlike generic /ds/query, we can now send explicit time values in each query
    // NOTE: the values for timeRange are not saved in a dashboard, they are constructed on the fly
    timeRange(timeRange) {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        const timeRangeResource = timeRange.build();
        this.internal.spec.timeRange = timeRangeResource;
        return this;
    }
    // An additional lower limit for the step parameter of the Prometheus query and for the
    // `$__interval` and `$__rate_interval` variables.
    interval(interval) {
        if (!this.internal.spec) {
            this.internal.spec = prometheus.defaultDataquery();
        }
        this.internal.spec.interval = interval;
        return this;
    }
}
exports.QueryV2Builder = QueryV2Builder;
//# sourceMappingURL=queryV2Builder.gen.js.map

/***/ }),

/***/ 211:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ResultAssertionsBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const prometheus = tslib_1.__importStar(__webpack_require__(2648));
class ResultAssertionsBuilder {
    constructor() {
        this.internal = prometheus.defaultResultAssertions();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Maximum frame count
    maxFrames(maxFrames) {
        this.internal.maxFrames = maxFrames;
        return this;
    }
    // Type asserts that the frame matches a known type structure.
    // Possible enum values:
    //  - `""` 
    //  - `"timeseries-wide"` 
    //  - `"timeseries-long"` 
    //  - `"timeseries-many"` 
    //  - `"timeseries-multi"` 
    //  - `"directory-listing"` 
    //  - `"table"` 
    //  - `"numeric-wide"` 
    //  - `"numeric-multi"` 
    //  - `"numeric-long"` 
    //  - `"log-lines"` 
    type(type) {
        this.internal.type = type;
        return this;
    }
    // TypeVersion is the version of the Type property. Versions greater than 0.0 correspond to the dataplane
    // contract documentation https://grafana.github.io/dataplane/contract/.
    typeVersion(typeVersion) {
        this.internal.typeVersion = typeVersion;
        return this;
    }
}
exports.ResultAssertionsBuilder = ResultAssertionsBuilder;
//# sourceMappingURL=resultAssertionsBuilder.gen.js.map

/***/ }),

/***/ 9372:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ScopesBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const prometheus = tslib_1.__importStar(__webpack_require__(2648));
class ScopesBuilder {
    constructor() {
        this.internal = prometheus.defaultScopes();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    defaultPath(defaultPath) {
        this.internal.defaultPath = defaultPath;
        return this;
    }
    filters(filters) {
        const filtersResources = filters.map(builder1 => builder1.build());
        this.internal.filters = filtersResources;
        return this;
    }
    title(title) {
        this.internal.title = title;
        return this;
    }
}
exports.ScopesBuilder = ScopesBuilder;
//# sourceMappingURL=scopesBuilder.gen.js.map

/***/ }),

/***/ 7449:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ScopesFiltersBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const prometheus = tslib_1.__importStar(__webpack_require__(2648));
class ScopesFiltersBuilder {
    constructor() {
        this.internal = prometheus.defaultScopesFilters();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    key(key) {
        this.internal.key = key;
        return this;
    }
    operator(operator) {
        this.internal.operator = operator;
        return this;
    }
    value(value) {
        this.internal.value = value;
        return this;
    }
    values(values) {
        this.internal.values = values;
        return this;
    }
}
exports.ScopesFiltersBuilder = ScopesFiltersBuilder;
//# sourceMappingURL=scopesFiltersBuilder.gen.js.map

/***/ }),

/***/ 2067:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TimeRangeBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const prometheus = tslib_1.__importStar(__webpack_require__(2648));
class TimeRangeBuilder {
    constructor() {
        this.internal = prometheus.defaultTimeRange();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // From is the start time of the query.
    from(from) {
        this.internal.from = from;
        return this;
    }
    // To is the end time of the query.
    to(to) {
        this.internal.to = to;
        return this;
    }
}
exports.TimeRangeBuilder = TimeRangeBuilder;
//# sourceMappingURL=timeRangeBuilder.gen.js.map

/***/ }),

/***/ 9105:
/***/ ((__unused_webpack_module, exports) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.defaultPromQueryFormat = exports.PromQueryFormat = exports.defaultQueryEditorMode = exports.QueryEditorMode = exports.defaultResultAssertionsType = exports.ResultAssertionsType = exports.defaultDataquery = exports.defaultTimeRange = exports.defaultScopes = exports.defaultScopesFilters = exports.defaultResultAssertions = exports.defaultAdhocFilters = void 0;
const defaultAdhocFilters = () => ({
    key: "",
    operator: "",
    value: "",
});
exports.defaultAdhocFilters = defaultAdhocFilters;
const defaultResultAssertions = () => ({
    typeVersion: [],
});
exports.defaultResultAssertions = defaultResultAssertions;
const defaultScopesFilters = () => ({
    key: "",
    operator: "",
    value: "",
});
exports.defaultScopesFilters = defaultScopesFilters;
const defaultScopes = () => ({
    title: "",
});
exports.defaultScopes = defaultScopes;
const defaultTimeRange = () => ({
    from: "now-6h",
    to: "now",
});
exports.defaultTimeRange = defaultTimeRange;
const defaultDataquery = () => ({
    expr: "",
    _implementsDataqueryVariant: () => { },
});
exports.defaultDataquery = defaultDataquery;
var ResultAssertionsType;
(function (ResultAssertionsType) {
    ResultAssertionsType["None"] = "";
    ResultAssertionsType["TimeseriesWide"] = "timeseries-wide";
    ResultAssertionsType["TimeseriesLong"] = "timeseries-long";
    ResultAssertionsType["TimeseriesMany"] = "timeseries-many";
    ResultAssertionsType["TimeseriesMulti"] = "timeseries-multi";
    ResultAssertionsType["DirectoryListing"] = "directory-listing";
    ResultAssertionsType["Table"] = "table";
    ResultAssertionsType["NumericWide"] = "numeric-wide";
    ResultAssertionsType["NumericMulti"] = "numeric-multi";
    ResultAssertionsType["NumericLong"] = "numeric-long";
    ResultAssertionsType["LogLines"] = "log-lines";
})(ResultAssertionsType || (exports.ResultAssertionsType = ResultAssertionsType = {}));
const defaultResultAssertionsType = () => (ResultAssertionsType.None);
exports.defaultResultAssertionsType = defaultResultAssertionsType;
var QueryEditorMode;
(function (QueryEditorMode) {
    QueryEditorMode["Builder"] = "builder";
    QueryEditorMode["Code"] = "code";
})(QueryEditorMode || (exports.QueryEditorMode = QueryEditorMode = {}));
const defaultQueryEditorMode = () => (QueryEditorMode.Builder);
exports.defaultQueryEditorMode = defaultQueryEditorMode;
var PromQueryFormat;
(function (PromQueryFormat) {
    PromQueryFormat["TimeSeries"] = "time_series";
    PromQueryFormat["Table"] = "table";
    PromQueryFormat["Heatmap"] = "heatmap";
})(PromQueryFormat || (exports.PromQueryFormat = PromQueryFormat = {}));
const defaultPromQueryFormat = () => (PromQueryFormat.TimeSeries);
exports.defaultPromQueryFormat = defaultPromQueryFormat;
//# sourceMappingURL=types.gen.js.map

/***/ }),

/***/ 7580:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
const tslib_1 = __webpack_require__(1860);
tslib_1.__exportStar(__webpack_require__(301), exports);
tslib_1.__exportStar(__webpack_require__(9092), exports);
tslib_1.__exportStar(__webpack_require__(6064), exports);
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 9092:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ManifestBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const resource = tslib_1.__importStar(__webpack_require__(7580));
class ManifestBuilder {
    constructor() {
        this.internal = resource.defaultManifest();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    apiVersion(apiVersion) {
        this.internal.apiVersion = apiVersion;
        return this;
    }
    kind(kind) {
        this.internal.kind = kind;
        return this;
    }
    metadata(metadata) {
        const metadataResource = metadata.build();
        this.internal.metadata = metadataResource;
        return this;
    }
    spec(spec) {
        this.internal.spec = spec;
        return this;
    }
}
exports.ManifestBuilder = ManifestBuilder;
//# sourceMappingURL=manifestBuilder.gen.js.map

/***/ }),

/***/ 6064:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MetadataBuilder = void 0;
exports.named = named;
const tslib_1 = __webpack_require__(1860);
const resource = tslib_1.__importStar(__webpack_require__(7580));
class MetadataBuilder {
    constructor() {
        this.internal = resource.defaultMetadata();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    name(name) {
        this.internal.name = name;
        return this;
    }
    namespace(namespace) {
        this.internal.namespace = namespace;
        return this;
    }
    labels(labels) {
        this.internal.labels = labels;
        return this;
    }
    annotations(annotations) {
        this.internal.annotations = annotations;
        return this;
    }
    uid(uid) {
        this.internal.uid = uid;
        return this;
    }
    resourceVersion(resourceVersion) {
        this.internal.resourceVersion = resourceVersion;
        return this;
    }
    generation(generation) {
        this.internal.generation = generation;
        return this;
    }
    creationTimestamp(creationTimestamp) {
        this.internal.creationTimestamp = creationTimestamp;
        return this;
    }
    updateTimestamp(updateTimestamp) {
        this.internal.updateTimestamp = updateTimestamp;
        return this;
    }
    deletionTimestamp(deletionTimestamp) {
        this.internal.deletionTimestamp = deletionTimestamp;
        return this;
    }
}
exports.MetadataBuilder = MetadataBuilder;
/**
 * Creates metadata for a named resource.
 */
function named(name) {
    const builder = new MetadataBuilder();
    builder.name(name);
    return builder;
}
//# sourceMappingURL=metadataBuilder.gen.js.map

/***/ }),

/***/ 301:
/***/ ((__unused_webpack_module, exports) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.defaultMetadata = exports.defaultManifest = exports.DashboardKind = exports.DashboardV2Alpha1 = exports.DashboardV2Beta1 = void 0;
exports.DashboardV2Beta1 = "dashboard.grafana.app/v2beta1";
exports.DashboardV2Alpha1 = "dashboard.grafana.app/v2alpha1";
exports.DashboardKind = "Dashboard";
const defaultManifest = () => ({
    apiVersion: "",
    kind: "",
    metadata: (0, exports.defaultMetadata)(),
    spec: {},
});
exports.defaultManifest = defaultManifest;
const defaultMetadata = () => ({
    name: "",
});
exports.defaultMetadata = defaultMetadata;
//# sourceMappingURL=types.gen.js.map

/***/ }),

/***/ 294:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
const tslib_1 = __webpack_require__(1860);
tslib_1.__exportStar(__webpack_require__(8259), exports);
tslib_1.__exportStar(__webpack_require__(5829), exports);
tslib_1.__exportStar(__webpack_require__(4013), exports);
tslib_1.__exportStar(__webpack_require__(3035), exports);
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 5829:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.PanelBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboard = tslib_1.__importStar(__webpack_require__(4972));
const stat = tslib_1.__importStar(__webpack_require__(294));
/**
 * Dashboard panels are the basic visualization building blocks.
 */
class PanelBuilder {
    constructor() {
        this.internal = dashboard.defaultPanel();
        this.internal.type = "stat";
        this.internal.options = stat.defaultOptions();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Unique identifier of the panel. Generated by Grafana when creating a new panel. It must be unique within a dashboard, but not globally.
    id(id) {
        this.internal.id = id;
        return this;
    }
    // Depends on the panel plugin. See the plugin documentation for details.
    targets(targets) {
        const targetsResources = targets.map(builder1 => builder1.build());
        this.internal.targets = targetsResources;
        return this;
    }
    // Depends on the panel plugin. See the plugin documentation for details.
    withTarget(target) {
        if (!this.internal.targets) {
            this.internal.targets = [];
        }
        const targetResource = target.build();
        this.internal.targets.push(targetResource);
        return this;
    }
    // Panel title.
    title(title) {
        this.internal.title = title;
        return this;
    }
    // Panel description.
    description(description) {
        this.internal.description = description;
        return this;
    }
    // Whether to display the panel without a background.
    transparent(transparent) {
        this.internal.transparent = transparent;
        return this;
    }
    // The datasource used in all targets.
    datasource(datasource) {
        this.internal.datasource = datasource;
        return this;
    }
    // Grid position.
    gridPos(gridPos) {
        this.internal.gridPos = gridPos;
        return this;
    }
    // Panel height. The height is the number of rows from the top edge of the panel.
    height(h) {
        if (!this.internal.gridPos) {
            this.internal.gridPos = dashboard.defaultGridPos();
        }
        if (!(h > 0)) {
            throw new Error("h must be > 0");
        }
        this.internal.gridPos.h = h;
        return this;
    }
    // Panel width. The width is the number of columns from the left edge of the panel.
    span(w) {
        if (!this.internal.gridPos) {
            this.internal.gridPos = dashboard.defaultGridPos();
        }
        if (!(w > 0)) {
            throw new Error("w must be > 0");
        }
        if (!(w <= 24)) {
            throw new Error("w must be <= 24");
        }
        this.internal.gridPos.w = w;
        return this;
    }
    // Panel links.
    links(links) {
        const linksResources = links.map(builder1 => builder1.build());
        this.internal.links = linksResources;
        return this;
    }
    // Name of template variable to repeat for.
    repeat(repeat) {
        this.internal.repeat = repeat;
        return this;
    }
    // Direction to repeat in if 'repeat' is set.
    // `h` for horizontal, `v` for vertical.
    repeatDirection(repeatDirection) {
        this.internal.repeatDirection = repeatDirection;
        return this;
    }
    // Option for repeated panels that controls max items per row
    // Only relevant for horizontally repeated panels
    maxPerRow(maxPerRow) {
        this.internal.maxPerRow = maxPerRow;
        return this;
    }
    // The maximum number of data points that the panel queries are retrieving.
    maxDataPoints(maxDataPoints) {
        this.internal.maxDataPoints = maxDataPoints;
        return this;
    }
    // List of transformations that are applied to the panel data before rendering.
    // When there are multiple transformations, Grafana applies them in the order they are listed.
    // Each transformation creates a result set that then passes on to the next transformation in the processing pipeline.
    transformations(transformations) {
        this.internal.transformations = transformations;
        return this;
    }
    // List of transformations that are applied to the panel data before rendering.
    // When there are multiple transformations, Grafana applies them in the order they are listed.
    // Each transformation creates a result set that then passes on to the next transformation in the processing pipeline.
    withTransformation(transformation) {
        if (!this.internal.transformations) {
            this.internal.transformations = [];
        }
        this.internal.transformations.push(transformation);
        return this;
    }
    // The min time interval setting defines a lower limit for the $__interval and $__interval_ms variables.
    // This value must be formatted as a number followed by a valid time
    // identifier like: "40s", "3d", etc.
    // See: https://grafana.com/docs/grafana/latest/panels-visualizations/query-transform-data/#query-options
    interval(interval) {
        this.internal.interval = interval;
        return this;
    }
    // Overrides the relative time range for individual panels,
    // which causes them to be different than what is selected in
    // the dashboard time picker in the top-right corner of the dashboard. You can use this to show metrics from different
    // time periods or days on the same dashboard.
    // The value is formatted as time operation like: `now-5m` (Last 5 minutes), `now/d` (the day so far),
    // `now-5d/d`(Last 5 days), `now/w` (This week so far), `now-2y/y` (Last 2 years).
    // Note: Panel time overrides have no effect when the dashboard’s time range is absolute.
    // See: https://grafana.com/docs/grafana/latest/panels-visualizations/query-transform-data/#query-options
    timeFrom(timeFrom) {
        this.internal.timeFrom = timeFrom;
        return this;
    }
    // Overrides the time range for individual panels by shifting its start and end relative to the time picker.
    // For example, you can shift the time range for the panel to be two hours earlier than the dashboard time picker setting `2h`.
    // Note: Panel time overrides have no effect when the dashboard’s time range is absolute.
    // See: https://grafana.com/docs/grafana/latest/panels-visualizations/query-transform-data/#query-options
    timeShift(timeShift) {
        this.internal.timeShift = timeShift;
        return this;
    }
    // Controls if the timeFrom or timeShift overrides are shown in the panel header
    hideTimeOverride(hideTimeOverride) {
        this.internal.hideTimeOverride = hideTimeOverride;
        return this;
    }
    // Compare the current time range with a previous period
    // For example "1d" to compare current period but shifted back 1 day
    timeCompare(timeCompare) {
        this.internal.timeCompare = timeCompare;
        return this;
    }
    // Dynamically load the panel
    libraryPanel(libraryPanel) {
        this.internal.libraryPanel = libraryPanel;
        return this;
    }
    // Sets panel queries cache timeout.
    cacheTimeout(cacheTimeout) {
        this.internal.cacheTimeout = cacheTimeout;
        return this;
    }
    // Overrides the data source configured time-to-live for a query cache item in milliseconds
    queryCachingTTL(queryCachingTTL) {
        this.internal.queryCachingTTL = queryCachingTTL;
        return this;
    }
    // The display value for this field.  This supports template variables blank is auto
    displayName(displayName) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.displayName = displayName;
        return this;
    }
    // Unit a field should use. The unit you select is applied to all fields except time.
    // You can use the units ID availables in Grafana or a custom unit.
    // Available units in Grafana: https://github.com/grafana/grafana/blob/main/packages/grafana-data/src/valueFormats/categories.ts
    // As custom unit, you can use the following formats:
    // `suffix:<suffix>` for custom unit that should go after value.
    // `prefix:<prefix>` for custom unit that should go before value.
    // `time:<format>` For custom date time formats type for example `time:YYYY-MM-DD`.
    // `si:<base scale><unit characters>` for custom SI units. For example: `si: mF`. This one is a bit more advanced as you can specify both a unit and the source data scale. So if your source data is represented as milli (thousands of) something prefix the unit with that SI scale character.
    // `count:<unit>` for a custom count unit.
    // `currency:<unit>` for custom a currency unit.
    unit(unit) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.unit = unit;
        return this;
    }
    // Specify the number of decimals Grafana includes in the rendered value.
    // If you leave this field blank, Grafana automatically truncates the number of decimals based on the value.
    // For example 1.1234 will display as 1.12 and 100.456 will display as 100.
    // To display all decimals, set the unit to `String`.
    decimals(decimals) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.decimals = decimals;
        return this;
    }
    // The minimum value used in percentage threshold calculations. Leave blank for auto calculation based on all series and fields.
    min(min) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.min = min;
        return this;
    }
    // The maximum value used in percentage threshold calculations. Leave blank for auto calculation based on all series and fields.
    max(max) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.max = max;
        return this;
    }
    // Convert input values into a display string
    mappings(mappings) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.mappings = mappings;
        return this;
    }
    // Map numeric values to states
    thresholds(thresholds) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        const thresholdsResource = thresholds.build();
        this.internal.fieldConfig.defaults.thresholds = thresholdsResource;
        return this;
    }
    // Panel color configuration
    colorScheme(color) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        const colorResource = color.build();
        this.internal.fieldConfig.defaults.color = colorResource;
        return this;
    }
    // The behavior when clicking on a result
    dataLinks(links) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        const linksResources = links.map(builder1 => builder1.build());
        this.internal.fieldConfig.defaults.links = linksResources;
        return this;
    }
    // Define interactive HTTP requests that can be triggered from data visualizations.
    actions(actions) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        const actionsResources = actions.map(builder1 => builder1.build());
        this.internal.fieldConfig.defaults.actions = actionsResources;
        return this;
    }
    // Alternative to empty string
    noValue(noValue) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.noValue = noValue;
        return this;
    }
    fieldMinMax(fieldMinMax) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.fieldMinMax = fieldMinMax;
        return this;
    }
    // Overrides are the options applied to specific fields overriding the defaults.
    overrides(overrides) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        this.internal.fieldConfig.overrides = overrides;
        return this;
    }
    // Overrides are the options applied to specific fields overriding the defaults.
    withOverride(override) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.overrides) {
            this.internal.fieldConfig.overrides = [];
        }
        this.internal.fieldConfig.overrides.push(override);
        return this;
    }
    // Adds override rules for a specific field, referred to by its name.
    overrideByName(name, properties) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.overrides) {
            this.internal.fieldConfig.overrides = [];
        }
        this.internal.fieldConfig.overrides.push({
            matcher: {
                id: "byName",
                options: name,
            },
            properties: properties,
        });
        return this;
    }
    // Adds override rules for the fields whose name match the given regexp.
    overrideByRegexp(regexp, properties) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.overrides) {
            this.internal.fieldConfig.overrides = [];
        }
        this.internal.fieldConfig.overrides.push({
            matcher: {
                id: "byRegexp",
                options: regexp,
            },
            properties: properties,
        });
        return this;
    }
    // Adds override rules for all the fields of the given type.
    overrideByFieldType(fieldType, properties) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.overrides) {
            this.internal.fieldConfig.overrides = [];
        }
        this.internal.fieldConfig.overrides.push({
            matcher: {
                id: "byType",
                options: fieldType,
            },
            properties: properties,
        });
        return this;
    }
    overrideByQuery(queryRefId, properties) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.overrides) {
            this.internal.fieldConfig.overrides = [];
        }
        this.internal.fieldConfig.overrides.push({
            matcher: {
                id: "byFrameRefID",
                options: queryRefId,
            },
            properties: properties,
        });
        return this;
    }
    graphMode(graphMode) {
        if (!this.internal.options) {
            this.internal.options = stat.defaultOptions();
        }
        this.internal.options.graphMode = graphMode;
        return this;
    }
    colorMode(colorMode) {
        if (!this.internal.options) {
            this.internal.options = stat.defaultOptions();
        }
        this.internal.options.colorMode = colorMode;
        return this;
    }
    justifyMode(justifyMode) {
        if (!this.internal.options) {
            this.internal.options = stat.defaultOptions();
        }
        this.internal.options.justifyMode = justifyMode;
        return this;
    }
    textMode(textMode) {
        if (!this.internal.options) {
            this.internal.options = stat.defaultOptions();
        }
        this.internal.options.textMode = textMode;
        return this;
    }
    wideLayout(wideLayout) {
        if (!this.internal.options) {
            this.internal.options = stat.defaultOptions();
        }
        this.internal.options.wideLayout = wideLayout;
        return this;
    }
    showPercentChange(showPercentChange) {
        if (!this.internal.options) {
            this.internal.options = stat.defaultOptions();
        }
        this.internal.options.showPercentChange = showPercentChange;
        return this;
    }
    reduceOptions(reduceOptions) {
        if (!this.internal.options) {
            this.internal.options = stat.defaultOptions();
        }
        const reduceOptionsResource = reduceOptions.build();
        this.internal.options.reduceOptions = reduceOptionsResource;
        return this;
    }
    text(text) {
        if (!this.internal.options) {
            this.internal.options = stat.defaultOptions();
        }
        const textResource = text.build();
        this.internal.options.text = textResource;
        return this;
    }
    percentChangeColorMode(percentChangeColorMode) {
        if (!this.internal.options) {
            this.internal.options = stat.defaultOptions();
        }
        this.internal.options.percentChangeColorMode = percentChangeColorMode;
        return this;
    }
    orientation(orientation) {
        if (!this.internal.options) {
            this.internal.options = stat.defaultOptions();
        }
        this.internal.options.orientation = orientation;
        return this;
    }
}
exports.PanelBuilder = PanelBuilder;
//# sourceMappingURL=panelBuilder.gen.js.map

/***/ }),

/***/ 8259:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.defaultOptions = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
const defaultOptions = () => ({
    graphMode: common.BigValueGraphMode.Area,
    colorMode: common.BigValueColorMode.Value,
    justifyMode: common.BigValueJustifyMode.Auto,
    textMode: common.BigValueTextMode.Auto,
    wideLayout: true,
    showPercentChange: false,
    reduceOptions: common.defaultReduceDataOptions(),
    percentChangeColorMode: common.PercentChangeColorMode.Standard,
    orientation: common.VizOrientation.Auto,
});
exports.defaultOptions = defaultOptions;
//# sourceMappingURL=types.gen.js.map

/***/ }),

/***/ 3035:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.VisualizationBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
const stat = tslib_1.__importStar(__webpack_require__(294));
class VisualizationBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultVizConfigKind();
        this.internal.kind = "VizConfig";
        this.internal.group = "stat";
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        this.internal.spec.options = stat.defaultOptions();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // The display value for this field.  This supports template variables blank is auto
    displayName(displayName) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.displayName = displayName;
        return this;
    }
    // This can be used by data sources that return and explicit naming structure for values and labels
    // When this property is configured, this value is used rather than the default naming strategy.
    displayNameFromDS(displayNameFromDS) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.displayNameFromDS = displayNameFromDS;
        return this;
    }
    // Human readable field metadata
    description(description) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.description = description;
        return this;
    }
    // An explicit path to the field in the datasource.  When the frame meta includes a path,
    // This will default to `${frame.meta.path}/${field.name}
    // 
    // When defined, this value can be used as an identifier within the datasource scope, and
    // may be used to update the results
    path(path) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.path = path;
        return this;
    }
    // Unit a field should use. The unit you select is applied to all fields except time.
    // You can use the units ID available in Grafana or a custom unit.
    // Available units in Grafana: https://github.com/grafana/grafana/blob/main/packages/grafana-data/src/valueFormats/categories.ts
    // As custom unit, you can use the following formats:
    // `suffix:<suffix>` for custom unit that should go after value.
    // `prefix:<prefix>` for custom unit that should go before value.
    // `time:<format>` For custom date time formats type for example `time:YYYY-MM-DD`.
    // `si:<base scale><unit characters>` for custom SI units. For example: `si: mF`. This one is a bit more advanced as you can specify both a unit and the source data scale. So if your source data is represented as milli (thousands of) something prefix the unit with that SI scale character.
    // `count:<unit>` for a custom count unit.
    // `currency:<unit>` for custom a currency unit.
    unit(unit) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.unit = unit;
        return this;
    }
    // Specify the number of decimals Grafana includes in the rendered value.
    // If you leave this field blank, Grafana automatically truncates the number of decimals based on the value.
    // For example 1.1234 will display as 1.12 and 100.456 will display as 100.
    // To display all decimals, set the unit to `String`.
    decimals(decimals) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.decimals = decimals;
        return this;
    }
    // The minimum value used in percentage threshold calculations. Leave blank for auto calculation based on all series and fields.
    min(min) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.min = min;
        return this;
    }
    // The maximum value used in percentage threshold calculations. Leave blank for auto calculation based on all series and fields.
    max(max) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.max = max;
        return this;
    }
    // Convert input values into a display string
    mappings(mappings) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.mappings = mappings;
        return this;
    }
    // Map numeric values to states
    thresholds(thresholds) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        const thresholdsResource = thresholds.build();
        this.internal.spec.fieldConfig.defaults.thresholds = thresholdsResource;
        return this;
    }
    // Panel color configuration
    colorScheme(color) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        const colorResource = color.build();
        this.internal.spec.fieldConfig.defaults.color = colorResource;
        return this;
    }
    // The behavior when clicking on a result
    dataLinks(links) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.links = links;
        return this;
    }
    // Define interactive HTTP requests that can be triggered from data visualizations.
    actions(actions) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        const actionsResources = actions.map(builder1 => builder1.build());
        this.internal.spec.fieldConfig.defaults.actions = actionsResources;
        return this;
    }
    // Alternative to empty string
    noValue(noValue) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.noValue = noValue;
        return this;
    }
    // Calculate min max per field
    fieldMinMax(fieldMinMax) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.fieldMinMax = fieldMinMax;
        return this;
    }
    // How null values should be handled when calculating field stats
    // "null" - Include null values, "connected" - Ignore nulls, "null as zero" - Treat nulls as zero
    nullValueMode(nullValueMode) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.nullValueMode = nullValueMode;
        return this;
    }
    // Overrides are the options applied to specific fields overriding the defaults.
    overrides(overrides) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        this.internal.spec.fieldConfig.overrides = overrides;
        return this;
    }
    // Overrides are the options applied to specific fields overriding the defaults.
    override(override) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push(override);
        return this;
    }
    graphMode(graphMode) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = stat.defaultOptions();
        }
        this.internal.spec.options.graphMode = graphMode;
        return this;
    }
    colorMode(colorMode) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = stat.defaultOptions();
        }
        this.internal.spec.options.colorMode = colorMode;
        return this;
    }
    justifyMode(justifyMode) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = stat.defaultOptions();
        }
        this.internal.spec.options.justifyMode = justifyMode;
        return this;
    }
    textMode(textMode) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = stat.defaultOptions();
        }
        this.internal.spec.options.textMode = textMode;
        return this;
    }
    wideLayout(wideLayout) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = stat.defaultOptions();
        }
        this.internal.spec.options.wideLayout = wideLayout;
        return this;
    }
    showPercentChange(showPercentChange) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = stat.defaultOptions();
        }
        this.internal.spec.options.showPercentChange = showPercentChange;
        return this;
    }
    reduceOptions(reduceOptions) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = stat.defaultOptions();
        }
        const reduceOptionsResource = reduceOptions.build();
        this.internal.spec.options.reduceOptions = reduceOptionsResource;
        return this;
    }
    text(text) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = stat.defaultOptions();
        }
        const textResource = text.build();
        this.internal.spec.options.text = textResource;
        return this;
    }
    percentChangeColorMode(percentChangeColorMode) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = stat.defaultOptions();
        }
        this.internal.spec.options.percentChangeColorMode = percentChangeColorMode;
        return this;
    }
    orientation(orientation) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = stat.defaultOptions();
        }
        this.internal.spec.options.orientation = orientation;
        return this;
    }
    // Adds override rules for a specific field, referred to by its name.
    overrideByName(name, properties) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push({
            matcher: {
                id: "byName",
                options: name,
            },
            properties: properties,
        });
        return this;
    }
    // Adds override rules for the fields whose name match the given regexp.
    overrideByRegexp(regexp, properties) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push({
            matcher: {
                id: "byRegexp",
                options: regexp,
            },
            properties: properties,
        });
        return this;
    }
    // Adds override rules for all the fields of the given type.
    overrideByFieldType(fieldType, properties) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push({
            matcher: {
                id: "byType",
                options: fieldType,
            },
            properties: properties,
        });
        return this;
    }
    overrideByQuery(queryRefId, properties) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push({
            matcher: {
                id: "byFrameRefID",
                options: queryRefId,
            },
            properties: properties,
        });
        return this;
    }
}
exports.VisualizationBuilder = VisualizationBuilder;
//# sourceMappingURL=visualizationBuilder.gen.js.map

/***/ }),

/***/ 4013:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.VisualizationV2Builder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
const stat = tslib_1.__importStar(__webpack_require__(294));
class VisualizationV2Builder {
    constructor() {
        this.internal = dashboardv2.defaultVizConfigKind();
        this.internal.kind = "VizConfig";
        this.internal.group = "stat";
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        this.internal.spec.options = stat.defaultOptions();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // The display value for this field.  This supports template variables blank is auto
    displayName(displayName) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.displayName = displayName;
        return this;
    }
    // This can be used by data sources that return and explicit naming structure for values and labels
    // When this property is configured, this value is used rather than the default naming strategy.
    displayNameFromDS(displayNameFromDS) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.displayNameFromDS = displayNameFromDS;
        return this;
    }
    // Human readable field metadata
    description(description) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.description = description;
        return this;
    }
    // An explicit path to the field in the datasource.  When the frame meta includes a path,
    // This will default to `${frame.meta.path}/${field.name}
    // 
    // When defined, this value can be used as an identifier within the datasource scope, and
    // may be used to update the results
    path(path) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.path = path;
        return this;
    }
    // Unit a field should use. The unit you select is applied to all fields except time.
    // You can use the units ID available in Grafana or a custom unit.
    // Available units in Grafana: https://github.com/grafana/grafana/blob/main/packages/grafana-data/src/valueFormats/categories.ts
    // As custom unit, you can use the following formats:
    // `suffix:<suffix>` for custom unit that should go after value.
    // `prefix:<prefix>` for custom unit that should go before value.
    // `time:<format>` For custom date time formats type for example `time:YYYY-MM-DD`.
    // `si:<base scale><unit characters>` for custom SI units. For example: `si: mF`. This one is a bit more advanced as you can specify both a unit and the source data scale. So if your source data is represented as milli (thousands of) something prefix the unit with that SI scale character.
    // `count:<unit>` for a custom count unit.
    // `currency:<unit>` for custom a currency unit.
    unit(unit) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.unit = unit;
        return this;
    }
    // Specify the number of decimals Grafana includes in the rendered value.
    // If you leave this field blank, Grafana automatically truncates the number of decimals based on the value.
    // For example 1.1234 will display as 1.12 and 100.456 will display as 100.
    // To display all decimals, set the unit to `String`.
    decimals(decimals) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.decimals = decimals;
        return this;
    }
    // The minimum value used in percentage threshold calculations. Leave blank for auto calculation based on all series and fields.
    min(min) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.min = min;
        return this;
    }
    // The maximum value used in percentage threshold calculations. Leave blank for auto calculation based on all series and fields.
    max(max) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.max = max;
        return this;
    }
    // Convert input values into a display string
    mappings(mappings) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.mappings = mappings;
        return this;
    }
    // Map numeric values to states
    thresholds(thresholds) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        const thresholdsResource = thresholds.build();
        this.internal.spec.fieldConfig.defaults.thresholds = thresholdsResource;
        return this;
    }
    // Panel color configuration
    colorScheme(color) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        const colorResource = color.build();
        this.internal.spec.fieldConfig.defaults.color = colorResource;
        return this;
    }
    // The behavior when clicking on a result
    dataLinks(links) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.links = links;
        return this;
    }
    // Define interactive HTTP requests that can be triggered from data visualizations.
    actions(actions) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        const actionsResources = actions.map(builder1 => builder1.build());
        this.internal.spec.fieldConfig.defaults.actions = actionsResources;
        return this;
    }
    // Alternative to empty string
    noValue(noValue) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.noValue = noValue;
        return this;
    }
    // Calculate min max per field
    fieldMinMax(fieldMinMax) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.fieldMinMax = fieldMinMax;
        return this;
    }
    // How null values should be handled when calculating field stats
    // "null" - Include null values, "connected" - Ignore nulls, "null as zero" - Treat nulls as zero
    nullValueMode(nullValueMode) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.nullValueMode = nullValueMode;
        return this;
    }
    // Overrides are the options applied to specific fields overriding the defaults.
    overrides(overrides) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        this.internal.spec.fieldConfig.overrides = overrides;
        return this;
    }
    // Overrides are the options applied to specific fields overriding the defaults.
    override(override) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push(override);
        return this;
    }
    graphMode(graphMode) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = stat.defaultOptions();
        }
        this.internal.spec.options.graphMode = graphMode;
        return this;
    }
    colorMode(colorMode) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = stat.defaultOptions();
        }
        this.internal.spec.options.colorMode = colorMode;
        return this;
    }
    justifyMode(justifyMode) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = stat.defaultOptions();
        }
        this.internal.spec.options.justifyMode = justifyMode;
        return this;
    }
    textMode(textMode) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = stat.defaultOptions();
        }
        this.internal.spec.options.textMode = textMode;
        return this;
    }
    wideLayout(wideLayout) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = stat.defaultOptions();
        }
        this.internal.spec.options.wideLayout = wideLayout;
        return this;
    }
    showPercentChange(showPercentChange) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = stat.defaultOptions();
        }
        this.internal.spec.options.showPercentChange = showPercentChange;
        return this;
    }
    reduceOptions(reduceOptions) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = stat.defaultOptions();
        }
        const reduceOptionsResource = reduceOptions.build();
        this.internal.spec.options.reduceOptions = reduceOptionsResource;
        return this;
    }
    text(text) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = stat.defaultOptions();
        }
        const textResource = text.build();
        this.internal.spec.options.text = textResource;
        return this;
    }
    percentChangeColorMode(percentChangeColorMode) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = stat.defaultOptions();
        }
        this.internal.spec.options.percentChangeColorMode = percentChangeColorMode;
        return this;
    }
    orientation(orientation) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = stat.defaultOptions();
        }
        this.internal.spec.options.orientation = orientation;
        return this;
    }
    // Adds override rules for a specific field, referred to by its name.
    overrideByName(name, properties) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push({
            matcher: {
                id: "byName",
                options: name,
            },
            properties: properties,
        });
        return this;
    }
    // Adds override rules for the fields whose name match the given regexp.
    overrideByRegexp(regexp, properties) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push({
            matcher: {
                id: "byRegexp",
                options: regexp,
            },
            properties: properties,
        });
        return this;
    }
    // Adds override rules for all the fields of the given type.
    overrideByFieldType(fieldType, properties) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push({
            matcher: {
                id: "byType",
                options: fieldType,
            },
            properties: properties,
        });
        return this;
    }
    overrideByQuery(queryRefId, properties) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push({
            matcher: {
                id: "byFrameRefID",
                options: queryRefId,
            },
            properties: properties,
        });
        return this;
    }
}
exports.VisualizationV2Builder = VisualizationV2Builder;
//# sourceMappingURL=visualizationV2Builder.gen.js.map

/***/ }),

/***/ 8316:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
const tslib_1 = __webpack_require__(1860);
tslib_1.__exportStar(__webpack_require__(3981), exports);
tslib_1.__exportStar(__webpack_require__(4307), exports);
tslib_1.__exportStar(__webpack_require__(285), exports);
tslib_1.__exportStar(__webpack_require__(385), exports);
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 4307:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.PanelBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboard = tslib_1.__importStar(__webpack_require__(4972));
const table = tslib_1.__importStar(__webpack_require__(8316));
/**
 * Dashboard panels are the basic visualization building blocks.
 */
class PanelBuilder {
    constructor() {
        this.internal = dashboard.defaultPanel();
        this.internal.type = "table";
        this.internal.options = table.defaultOptions();
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom = table.defaultFieldConfig();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Unique identifier of the panel. Generated by Grafana when creating a new panel. It must be unique within a dashboard, but not globally.
    id(id) {
        this.internal.id = id;
        return this;
    }
    // Depends on the panel plugin. See the plugin documentation for details.
    targets(targets) {
        const targetsResources = targets.map(builder1 => builder1.build());
        this.internal.targets = targetsResources;
        return this;
    }
    // Depends on the panel plugin. See the plugin documentation for details.
    withTarget(target) {
        if (!this.internal.targets) {
            this.internal.targets = [];
        }
        const targetResource = target.build();
        this.internal.targets.push(targetResource);
        return this;
    }
    // Panel title.
    title(title) {
        this.internal.title = title;
        return this;
    }
    // Panel description.
    description(description) {
        this.internal.description = description;
        return this;
    }
    // Whether to display the panel without a background.
    transparent(transparent) {
        this.internal.transparent = transparent;
        return this;
    }
    // The datasource used in all targets.
    datasource(datasource) {
        this.internal.datasource = datasource;
        return this;
    }
    // Grid position.
    gridPos(gridPos) {
        this.internal.gridPos = gridPos;
        return this;
    }
    // Panel height. The height is the number of rows from the top edge of the panel.
    height(h) {
        if (!this.internal.gridPos) {
            this.internal.gridPos = dashboard.defaultGridPos();
        }
        if (!(h > 0)) {
            throw new Error("h must be > 0");
        }
        this.internal.gridPos.h = h;
        return this;
    }
    // Panel width. The width is the number of columns from the left edge of the panel.
    span(w) {
        if (!this.internal.gridPos) {
            this.internal.gridPos = dashboard.defaultGridPos();
        }
        if (!(w > 0)) {
            throw new Error("w must be > 0");
        }
        if (!(w <= 24)) {
            throw new Error("w must be <= 24");
        }
        this.internal.gridPos.w = w;
        return this;
    }
    // Panel links.
    links(links) {
        const linksResources = links.map(builder1 => builder1.build());
        this.internal.links = linksResources;
        return this;
    }
    // Name of template variable to repeat for.
    repeat(repeat) {
        this.internal.repeat = repeat;
        return this;
    }
    // Direction to repeat in if 'repeat' is set.
    // `h` for horizontal, `v` for vertical.
    repeatDirection(repeatDirection) {
        this.internal.repeatDirection = repeatDirection;
        return this;
    }
    // Option for repeated panels that controls max items per row
    // Only relevant for horizontally repeated panels
    maxPerRow(maxPerRow) {
        this.internal.maxPerRow = maxPerRow;
        return this;
    }
    // The maximum number of data points that the panel queries are retrieving.
    maxDataPoints(maxDataPoints) {
        this.internal.maxDataPoints = maxDataPoints;
        return this;
    }
    // List of transformations that are applied to the panel data before rendering.
    // When there are multiple transformations, Grafana applies them in the order they are listed.
    // Each transformation creates a result set that then passes on to the next transformation in the processing pipeline.
    transformations(transformations) {
        this.internal.transformations = transformations;
        return this;
    }
    // List of transformations that are applied to the panel data before rendering.
    // When there are multiple transformations, Grafana applies them in the order they are listed.
    // Each transformation creates a result set that then passes on to the next transformation in the processing pipeline.
    withTransformation(transformation) {
        if (!this.internal.transformations) {
            this.internal.transformations = [];
        }
        this.internal.transformations.push(transformation);
        return this;
    }
    // The min time interval setting defines a lower limit for the $__interval and $__interval_ms variables.
    // This value must be formatted as a number followed by a valid time
    // identifier like: "40s", "3d", etc.
    // See: https://grafana.com/docs/grafana/latest/panels-visualizations/query-transform-data/#query-options
    interval(interval) {
        this.internal.interval = interval;
        return this;
    }
    // Overrides the relative time range for individual panels,
    // which causes them to be different than what is selected in
    // the dashboard time picker in the top-right corner of the dashboard. You can use this to show metrics from different
    // time periods or days on the same dashboard.
    // The value is formatted as time operation like: `now-5m` (Last 5 minutes), `now/d` (the day so far),
    // `now-5d/d`(Last 5 days), `now/w` (This week so far), `now-2y/y` (Last 2 years).
    // Note: Panel time overrides have no effect when the dashboard’s time range is absolute.
    // See: https://grafana.com/docs/grafana/latest/panels-visualizations/query-transform-data/#query-options
    timeFrom(timeFrom) {
        this.internal.timeFrom = timeFrom;
        return this;
    }
    // Overrides the time range for individual panels by shifting its start and end relative to the time picker.
    // For example, you can shift the time range for the panel to be two hours earlier than the dashboard time picker setting `2h`.
    // Note: Panel time overrides have no effect when the dashboard’s time range is absolute.
    // See: https://grafana.com/docs/grafana/latest/panels-visualizations/query-transform-data/#query-options
    timeShift(timeShift) {
        this.internal.timeShift = timeShift;
        return this;
    }
    // Controls if the timeFrom or timeShift overrides are shown in the panel header
    hideTimeOverride(hideTimeOverride) {
        this.internal.hideTimeOverride = hideTimeOverride;
        return this;
    }
    // Compare the current time range with a previous period
    // For example "1d" to compare current period but shifted back 1 day
    timeCompare(timeCompare) {
        this.internal.timeCompare = timeCompare;
        return this;
    }
    // Dynamically load the panel
    libraryPanel(libraryPanel) {
        this.internal.libraryPanel = libraryPanel;
        return this;
    }
    // Sets panel queries cache timeout.
    cacheTimeout(cacheTimeout) {
        this.internal.cacheTimeout = cacheTimeout;
        return this;
    }
    // Overrides the data source configured time-to-live for a query cache item in milliseconds
    queryCachingTTL(queryCachingTTL) {
        this.internal.queryCachingTTL = queryCachingTTL;
        return this;
    }
    // The display value for this field.  This supports template variables blank is auto
    displayName(displayName) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.displayName = displayName;
        return this;
    }
    // Unit a field should use. The unit you select is applied to all fields except time.
    // You can use the units ID availables in Grafana or a custom unit.
    // Available units in Grafana: https://github.com/grafana/grafana/blob/main/packages/grafana-data/src/valueFormats/categories.ts
    // As custom unit, you can use the following formats:
    // `suffix:<suffix>` for custom unit that should go after value.
    // `prefix:<prefix>` for custom unit that should go before value.
    // `time:<format>` For custom date time formats type for example `time:YYYY-MM-DD`.
    // `si:<base scale><unit characters>` for custom SI units. For example: `si: mF`. This one is a bit more advanced as you can specify both a unit and the source data scale. So if your source data is represented as milli (thousands of) something prefix the unit with that SI scale character.
    // `count:<unit>` for a custom count unit.
    // `currency:<unit>` for custom a currency unit.
    unit(unit) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.unit = unit;
        return this;
    }
    // Specify the number of decimals Grafana includes in the rendered value.
    // If you leave this field blank, Grafana automatically truncates the number of decimals based on the value.
    // For example 1.1234 will display as 1.12 and 100.456 will display as 100.
    // To display all decimals, set the unit to `String`.
    decimals(decimals) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.decimals = decimals;
        return this;
    }
    // The minimum value used in percentage threshold calculations. Leave blank for auto calculation based on all series and fields.
    min(min) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.min = min;
        return this;
    }
    // The maximum value used in percentage threshold calculations. Leave blank for auto calculation based on all series and fields.
    max(max) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.max = max;
        return this;
    }
    // Convert input values into a display string
    mappings(mappings) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.mappings = mappings;
        return this;
    }
    // Map numeric values to states
    thresholds(thresholds) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        const thresholdsResource = thresholds.build();
        this.internal.fieldConfig.defaults.thresholds = thresholdsResource;
        return this;
    }
    // Panel color configuration
    colorScheme(color) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        const colorResource = color.build();
        this.internal.fieldConfig.defaults.color = colorResource;
        return this;
    }
    // The behavior when clicking on a result
    dataLinks(links) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        const linksResources = links.map(builder1 => builder1.build());
        this.internal.fieldConfig.defaults.links = linksResources;
        return this;
    }
    // Define interactive HTTP requests that can be triggered from data visualizations.
    actions(actions) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        const actionsResources = actions.map(builder1 => builder1.build());
        this.internal.fieldConfig.defaults.actions = actionsResources;
        return this;
    }
    // Alternative to empty string
    noValue(noValue) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.noValue = noValue;
        return this;
    }
    fieldMinMax(fieldMinMax) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.fieldMinMax = fieldMinMax;
        return this;
    }
    // Overrides are the options applied to specific fields overriding the defaults.
    overrides(overrides) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        this.internal.fieldConfig.overrides = overrides;
        return this;
    }
    // Overrides are the options applied to specific fields overriding the defaults.
    withOverride(override) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.overrides) {
            this.internal.fieldConfig.overrides = [];
        }
        this.internal.fieldConfig.overrides.push(override);
        return this;
    }
    // Adds override rules for a specific field, referred to by its name.
    overrideByName(name, properties) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.overrides) {
            this.internal.fieldConfig.overrides = [];
        }
        this.internal.fieldConfig.overrides.push({
            matcher: {
                id: "byName",
                options: name,
            },
            properties: properties,
        });
        return this;
    }
    // Adds override rules for the fields whose name match the given regexp.
    overrideByRegexp(regexp, properties) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.overrides) {
            this.internal.fieldConfig.overrides = [];
        }
        this.internal.fieldConfig.overrides.push({
            matcher: {
                id: "byRegexp",
                options: regexp,
            },
            properties: properties,
        });
        return this;
    }
    // Adds override rules for all the fields of the given type.
    overrideByFieldType(fieldType, properties) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.overrides) {
            this.internal.fieldConfig.overrides = [];
        }
        this.internal.fieldConfig.overrides.push({
            matcher: {
                id: "byType",
                options: fieldType,
            },
            properties: properties,
        });
        return this;
    }
    overrideByQuery(queryRefId, properties) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.overrides) {
            this.internal.fieldConfig.overrides = [];
        }
        this.internal.fieldConfig.overrides.push({
            matcher: {
                id: "byFrameRefID",
                options: queryRefId,
            },
            properties: properties,
        });
        return this;
    }
    // Represents the index of the selected frame
    frameIndex(frameIndex) {
        if (!this.internal.options) {
            this.internal.options = table.defaultOptions();
        }
        this.internal.options.frameIndex = frameIndex;
        return this;
    }
    // Controls whether the panel should show the header
    showHeader(showHeader) {
        if (!this.internal.options) {
            this.internal.options = table.defaultOptions();
        }
        this.internal.options.showHeader = showHeader;
        return this;
    }
    // Controls whether the header should show icons for the column types
    showTypeIcons(showTypeIcons) {
        if (!this.internal.options) {
            this.internal.options = table.defaultOptions();
        }
        this.internal.options.showTypeIcons = showTypeIcons;
        return this;
    }
    // Used to control row sorting
    sortBy(sortBy) {
        if (!this.internal.options) {
            this.internal.options = table.defaultOptions();
        }
        const sortByResources = sortBy.map(builder1 => builder1.build());
        this.internal.options.sortBy = sortByResources;
        return this;
    }
    // Controls footer options
    footer(footer) {
        if (!this.internal.options) {
            this.internal.options = table.defaultOptions();
        }
        const footerResource = footer.build();
        this.internal.options.footer = footerResource;
        return this;
    }
    // Controls the height of the rows
    cellHeight(cellHeight) {
        if (!this.internal.options) {
            this.internal.options = table.defaultOptions();
        }
        this.internal.options.cellHeight = cellHeight;
        return this;
    }
    width(width) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = table.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom.width = width;
        return this;
    }
    minWidth(minWidth) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = table.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom.minWidth = minWidth;
        return this;
    }
    align(align) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = table.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom.align = align;
        return this;
    }
    // This field is deprecated in favor of using cellOptions
    displayMode(displayMode) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = table.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom.displayMode = displayMode;
        return this;
    }
    cellOptions(cellOptions) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = table.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom.cellOptions = cellOptions;
        return this;
    }
    // ?? default is missing or false ??
    hidden(hidden) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = table.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom.hidden = hidden;
        return this;
    }
    inspect(inspect) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = table.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom.inspect = inspect;
        return this;
    }
    filterable(filterable) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = table.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom.filterable = filterable;
        return this;
    }
    // Hides any header for a column, useful for columns that show some static content or buttons.
    hideHeader(hideHeader) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = table.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom.hideHeader = hideHeader;
        return this;
    }
}
exports.PanelBuilder = PanelBuilder;
//# sourceMappingURL=panelBuilder.gen.js.map

/***/ }),

/***/ 3981:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.defaultFieldConfig = exports.defaultOptions = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
const defaultOptions = () => ({
    frameIndex: 0,
    showHeader: true,
    showTypeIcons: false,
    footer: { show: false, reducer: [], countRows: false, },
    cellHeight: common.TableCellHeight.Sm,
});
exports.defaultOptions = defaultOptions;
const defaultFieldConfig = () => (common.defaultTableFieldOptions());
exports.defaultFieldConfig = defaultFieldConfig;
//# sourceMappingURL=types.gen.js.map

/***/ }),

/***/ 385:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.VisualizationBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
const table = tslib_1.__importStar(__webpack_require__(8316));
class VisualizationBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultVizConfigKind();
        this.internal.kind = "VizConfig";
        this.internal.group = "table";
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        this.internal.spec.options = table.defaultOptions();
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom = table.defaultFieldConfig();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // The display value for this field.  This supports template variables blank is auto
    displayName(displayName) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.displayName = displayName;
        return this;
    }
    // This can be used by data sources that return and explicit naming structure for values and labels
    // When this property is configured, this value is used rather than the default naming strategy.
    displayNameFromDS(displayNameFromDS) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.displayNameFromDS = displayNameFromDS;
        return this;
    }
    // Human readable field metadata
    description(description) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.description = description;
        return this;
    }
    // An explicit path to the field in the datasource.  When the frame meta includes a path,
    // This will default to `${frame.meta.path}/${field.name}
    // 
    // When defined, this value can be used as an identifier within the datasource scope, and
    // may be used to update the results
    path(path) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.path = path;
        return this;
    }
    // Unit a field should use. The unit you select is applied to all fields except time.
    // You can use the units ID available in Grafana or a custom unit.
    // Available units in Grafana: https://github.com/grafana/grafana/blob/main/packages/grafana-data/src/valueFormats/categories.ts
    // As custom unit, you can use the following formats:
    // `suffix:<suffix>` for custom unit that should go after value.
    // `prefix:<prefix>` for custom unit that should go before value.
    // `time:<format>` For custom date time formats type for example `time:YYYY-MM-DD`.
    // `si:<base scale><unit characters>` for custom SI units. For example: `si: mF`. This one is a bit more advanced as you can specify both a unit and the source data scale. So if your source data is represented as milli (thousands of) something prefix the unit with that SI scale character.
    // `count:<unit>` for a custom count unit.
    // `currency:<unit>` for custom a currency unit.
    unit(unit) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.unit = unit;
        return this;
    }
    // Specify the number of decimals Grafana includes in the rendered value.
    // If you leave this field blank, Grafana automatically truncates the number of decimals based on the value.
    // For example 1.1234 will display as 1.12 and 100.456 will display as 100.
    // To display all decimals, set the unit to `String`.
    decimals(decimals) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.decimals = decimals;
        return this;
    }
    // The minimum value used in percentage threshold calculations. Leave blank for auto calculation based on all series and fields.
    min(min) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.min = min;
        return this;
    }
    // The maximum value used in percentage threshold calculations. Leave blank for auto calculation based on all series and fields.
    max(max) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.max = max;
        return this;
    }
    // Convert input values into a display string
    mappings(mappings) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.mappings = mappings;
        return this;
    }
    // Map numeric values to states
    thresholds(thresholds) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        const thresholdsResource = thresholds.build();
        this.internal.spec.fieldConfig.defaults.thresholds = thresholdsResource;
        return this;
    }
    // Panel color configuration
    colorScheme(color) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        const colorResource = color.build();
        this.internal.spec.fieldConfig.defaults.color = colorResource;
        return this;
    }
    // The behavior when clicking on a result
    dataLinks(links) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.links = links;
        return this;
    }
    // Define interactive HTTP requests that can be triggered from data visualizations.
    actions(actions) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        const actionsResources = actions.map(builder1 => builder1.build());
        this.internal.spec.fieldConfig.defaults.actions = actionsResources;
        return this;
    }
    // Alternative to empty string
    noValue(noValue) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.noValue = noValue;
        return this;
    }
    // Calculate min max per field
    fieldMinMax(fieldMinMax) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.fieldMinMax = fieldMinMax;
        return this;
    }
    // How null values should be handled when calculating field stats
    // "null" - Include null values, "connected" - Ignore nulls, "null as zero" - Treat nulls as zero
    nullValueMode(nullValueMode) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.nullValueMode = nullValueMode;
        return this;
    }
    // Overrides are the options applied to specific fields overriding the defaults.
    overrides(overrides) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        this.internal.spec.fieldConfig.overrides = overrides;
        return this;
    }
    // Overrides are the options applied to specific fields overriding the defaults.
    override(override) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push(override);
        return this;
    }
    // Represents the index of the selected frame
    frameIndex(frameIndex) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = table.defaultOptions();
        }
        this.internal.spec.options.frameIndex = frameIndex;
        return this;
    }
    // Controls whether the panel should show the header
    showHeader(showHeader) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = table.defaultOptions();
        }
        this.internal.spec.options.showHeader = showHeader;
        return this;
    }
    // Controls whether the header should show icons for the column types
    showTypeIcons(showTypeIcons) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = table.defaultOptions();
        }
        this.internal.spec.options.showTypeIcons = showTypeIcons;
        return this;
    }
    // Used to control row sorting
    sortBy(sortBy) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = table.defaultOptions();
        }
        const sortByResources = sortBy.map(builder1 => builder1.build());
        this.internal.spec.options.sortBy = sortByResources;
        return this;
    }
    // Controls footer options
    footer(footer) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = table.defaultOptions();
        }
        const footerResource = footer.build();
        this.internal.spec.options.footer = footerResource;
        return this;
    }
    // Controls the height of the rows
    cellHeight(cellHeight) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = table.defaultOptions();
        }
        this.internal.spec.options.cellHeight = cellHeight;
        return this;
    }
    width(width) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = table.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.width = width;
        return this;
    }
    minWidth(minWidth) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = table.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.minWidth = minWidth;
        return this;
    }
    align(align) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = table.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.align = align;
        return this;
    }
    // This field is deprecated in favor of using cellOptions
    displayMode(displayMode) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = table.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.displayMode = displayMode;
        return this;
    }
    cellOptions(cellOptions) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = table.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.cellOptions = cellOptions;
        return this;
    }
    // ?? default is missing or false ??
    hidden(hidden) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = table.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.hidden = hidden;
        return this;
    }
    inspect(inspect) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = table.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.inspect = inspect;
        return this;
    }
    filterable(filterable) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = table.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.filterable = filterable;
        return this;
    }
    // Hides any header for a column, useful for columns that show some static content or buttons.
    hideHeader(hideHeader) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = table.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.hideHeader = hideHeader;
        return this;
    }
    // Adds override rules for a specific field, referred to by its name.
    overrideByName(name, properties) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push({
            matcher: {
                id: "byName",
                options: name,
            },
            properties: properties,
        });
        return this;
    }
    // Adds override rules for the fields whose name match the given regexp.
    overrideByRegexp(regexp, properties) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push({
            matcher: {
                id: "byRegexp",
                options: regexp,
            },
            properties: properties,
        });
        return this;
    }
    // Adds override rules for all the fields of the given type.
    overrideByFieldType(fieldType, properties) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push({
            matcher: {
                id: "byType",
                options: fieldType,
            },
            properties: properties,
        });
        return this;
    }
    overrideByQuery(queryRefId, properties) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push({
            matcher: {
                id: "byFrameRefID",
                options: queryRefId,
            },
            properties: properties,
        });
        return this;
    }
}
exports.VisualizationBuilder = VisualizationBuilder;
//# sourceMappingURL=visualizationBuilder.gen.js.map

/***/ }),

/***/ 285:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.VisualizationV2Builder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
const table = tslib_1.__importStar(__webpack_require__(8316));
class VisualizationV2Builder {
    constructor() {
        this.internal = dashboardv2.defaultVizConfigKind();
        this.internal.kind = "VizConfig";
        this.internal.group = "table";
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        this.internal.spec.options = table.defaultOptions();
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom = table.defaultFieldConfig();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // The display value for this field.  This supports template variables blank is auto
    displayName(displayName) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.displayName = displayName;
        return this;
    }
    // This can be used by data sources that return and explicit naming structure for values and labels
    // When this property is configured, this value is used rather than the default naming strategy.
    displayNameFromDS(displayNameFromDS) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.displayNameFromDS = displayNameFromDS;
        return this;
    }
    // Human readable field metadata
    description(description) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.description = description;
        return this;
    }
    // An explicit path to the field in the datasource.  When the frame meta includes a path,
    // This will default to `${frame.meta.path}/${field.name}
    // 
    // When defined, this value can be used as an identifier within the datasource scope, and
    // may be used to update the results
    path(path) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.path = path;
        return this;
    }
    // Unit a field should use. The unit you select is applied to all fields except time.
    // You can use the units ID available in Grafana or a custom unit.
    // Available units in Grafana: https://github.com/grafana/grafana/blob/main/packages/grafana-data/src/valueFormats/categories.ts
    // As custom unit, you can use the following formats:
    // `suffix:<suffix>` for custom unit that should go after value.
    // `prefix:<prefix>` for custom unit that should go before value.
    // `time:<format>` For custom date time formats type for example `time:YYYY-MM-DD`.
    // `si:<base scale><unit characters>` for custom SI units. For example: `si: mF`. This one is a bit more advanced as you can specify both a unit and the source data scale. So if your source data is represented as milli (thousands of) something prefix the unit with that SI scale character.
    // `count:<unit>` for a custom count unit.
    // `currency:<unit>` for custom a currency unit.
    unit(unit) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.unit = unit;
        return this;
    }
    // Specify the number of decimals Grafana includes in the rendered value.
    // If you leave this field blank, Grafana automatically truncates the number of decimals based on the value.
    // For example 1.1234 will display as 1.12 and 100.456 will display as 100.
    // To display all decimals, set the unit to `String`.
    decimals(decimals) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.decimals = decimals;
        return this;
    }
    // The minimum value used in percentage threshold calculations. Leave blank for auto calculation based on all series and fields.
    min(min) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.min = min;
        return this;
    }
    // The maximum value used in percentage threshold calculations. Leave blank for auto calculation based on all series and fields.
    max(max) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.max = max;
        return this;
    }
    // Convert input values into a display string
    mappings(mappings) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.mappings = mappings;
        return this;
    }
    // Map numeric values to states
    thresholds(thresholds) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        const thresholdsResource = thresholds.build();
        this.internal.spec.fieldConfig.defaults.thresholds = thresholdsResource;
        return this;
    }
    // Panel color configuration
    colorScheme(color) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        const colorResource = color.build();
        this.internal.spec.fieldConfig.defaults.color = colorResource;
        return this;
    }
    // The behavior when clicking on a result
    dataLinks(links) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.links = links;
        return this;
    }
    // Define interactive HTTP requests that can be triggered from data visualizations.
    actions(actions) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        const actionsResources = actions.map(builder1 => builder1.build());
        this.internal.spec.fieldConfig.defaults.actions = actionsResources;
        return this;
    }
    // Alternative to empty string
    noValue(noValue) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.noValue = noValue;
        return this;
    }
    // Calculate min max per field
    fieldMinMax(fieldMinMax) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.fieldMinMax = fieldMinMax;
        return this;
    }
    // How null values should be handled when calculating field stats
    // "null" - Include null values, "connected" - Ignore nulls, "null as zero" - Treat nulls as zero
    nullValueMode(nullValueMode) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.nullValueMode = nullValueMode;
        return this;
    }
    // Overrides are the options applied to specific fields overriding the defaults.
    overrides(overrides) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        this.internal.spec.fieldConfig.overrides = overrides;
        return this;
    }
    // Overrides are the options applied to specific fields overriding the defaults.
    override(override) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push(override);
        return this;
    }
    // Represents the index of the selected frame
    frameIndex(frameIndex) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = table.defaultOptions();
        }
        this.internal.spec.options.frameIndex = frameIndex;
        return this;
    }
    // Controls whether the panel should show the header
    showHeader(showHeader) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = table.defaultOptions();
        }
        this.internal.spec.options.showHeader = showHeader;
        return this;
    }
    // Controls whether the header should show icons for the column types
    showTypeIcons(showTypeIcons) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = table.defaultOptions();
        }
        this.internal.spec.options.showTypeIcons = showTypeIcons;
        return this;
    }
    // Used to control row sorting
    sortBy(sortBy) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = table.defaultOptions();
        }
        const sortByResources = sortBy.map(builder1 => builder1.build());
        this.internal.spec.options.sortBy = sortByResources;
        return this;
    }
    // Controls footer options
    footer(footer) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = table.defaultOptions();
        }
        const footerResource = footer.build();
        this.internal.spec.options.footer = footerResource;
        return this;
    }
    // Controls the height of the rows
    cellHeight(cellHeight) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = table.defaultOptions();
        }
        this.internal.spec.options.cellHeight = cellHeight;
        return this;
    }
    width(width) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = table.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.width = width;
        return this;
    }
    minWidth(minWidth) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = table.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.minWidth = minWidth;
        return this;
    }
    align(align) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = table.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.align = align;
        return this;
    }
    // This field is deprecated in favor of using cellOptions
    displayMode(displayMode) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = table.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.displayMode = displayMode;
        return this;
    }
    cellOptions(cellOptions) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = table.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.cellOptions = cellOptions;
        return this;
    }
    // ?? default is missing or false ??
    hidden(hidden) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = table.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.hidden = hidden;
        return this;
    }
    inspect(inspect) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = table.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.inspect = inspect;
        return this;
    }
    filterable(filterable) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = table.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.filterable = filterable;
        return this;
    }
    // Hides any header for a column, useful for columns that show some static content or buttons.
    hideHeader(hideHeader) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = table.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.hideHeader = hideHeader;
        return this;
    }
    // Adds override rules for a specific field, referred to by its name.
    overrideByName(name, properties) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push({
            matcher: {
                id: "byName",
                options: name,
            },
            properties: properties,
        });
        return this;
    }
    // Adds override rules for the fields whose name match the given regexp.
    overrideByRegexp(regexp, properties) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push({
            matcher: {
                id: "byRegexp",
                options: regexp,
            },
            properties: properties,
        });
        return this;
    }
    // Adds override rules for all the fields of the given type.
    overrideByFieldType(fieldType, properties) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push({
            matcher: {
                id: "byType",
                options: fieldType,
            },
            properties: properties,
        });
        return this;
    }
    overrideByQuery(queryRefId, properties) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push({
            matcher: {
                id: "byFrameRefID",
                options: queryRefId,
            },
            properties: properties,
        });
        return this;
    }
}
exports.VisualizationV2Builder = VisualizationV2Builder;
//# sourceMappingURL=visualizationV2Builder.gen.js.map

/***/ }),

/***/ 676:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
const tslib_1 = __webpack_require__(1860);
tslib_1.__exportStar(__webpack_require__(693), exports);
tslib_1.__exportStar(__webpack_require__(9067), exports);
tslib_1.__exportStar(__webpack_require__(9429), exports);
tslib_1.__exportStar(__webpack_require__(6969), exports);
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 9067:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.PanelBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboard = tslib_1.__importStar(__webpack_require__(4972));
const timeseries = tslib_1.__importStar(__webpack_require__(676));
/**
 * Dashboard panels are the basic visualization building blocks.
 */
class PanelBuilder {
    constructor() {
        this.internal = dashboard.defaultPanel();
        this.internal.type = "timeseries";
        this.internal.options = timeseries.defaultOptions();
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // Unique identifier of the panel. Generated by Grafana when creating a new panel. It must be unique within a dashboard, but not globally.
    id(id) {
        this.internal.id = id;
        return this;
    }
    // Depends on the panel plugin. See the plugin documentation for details.
    targets(targets) {
        const targetsResources = targets.map(builder1 => builder1.build());
        this.internal.targets = targetsResources;
        return this;
    }
    // Depends on the panel plugin. See the plugin documentation for details.
    withTarget(target) {
        if (!this.internal.targets) {
            this.internal.targets = [];
        }
        const targetResource = target.build();
        this.internal.targets.push(targetResource);
        return this;
    }
    // Panel title.
    title(title) {
        this.internal.title = title;
        return this;
    }
    // Panel description.
    description(description) {
        this.internal.description = description;
        return this;
    }
    // Whether to display the panel without a background.
    transparent(transparent) {
        this.internal.transparent = transparent;
        return this;
    }
    // The datasource used in all targets.
    datasource(datasource) {
        this.internal.datasource = datasource;
        return this;
    }
    // Grid position.
    gridPos(gridPos) {
        this.internal.gridPos = gridPos;
        return this;
    }
    // Panel height. The height is the number of rows from the top edge of the panel.
    height(h) {
        if (!this.internal.gridPos) {
            this.internal.gridPos = dashboard.defaultGridPos();
        }
        if (!(h > 0)) {
            throw new Error("h must be > 0");
        }
        this.internal.gridPos.h = h;
        return this;
    }
    // Panel width. The width is the number of columns from the left edge of the panel.
    span(w) {
        if (!this.internal.gridPos) {
            this.internal.gridPos = dashboard.defaultGridPos();
        }
        if (!(w > 0)) {
            throw new Error("w must be > 0");
        }
        if (!(w <= 24)) {
            throw new Error("w must be <= 24");
        }
        this.internal.gridPos.w = w;
        return this;
    }
    // Panel links.
    links(links) {
        const linksResources = links.map(builder1 => builder1.build());
        this.internal.links = linksResources;
        return this;
    }
    // Name of template variable to repeat for.
    repeat(repeat) {
        this.internal.repeat = repeat;
        return this;
    }
    // Direction to repeat in if 'repeat' is set.
    // `h` for horizontal, `v` for vertical.
    repeatDirection(repeatDirection) {
        this.internal.repeatDirection = repeatDirection;
        return this;
    }
    // Option for repeated panels that controls max items per row
    // Only relevant for horizontally repeated panels
    maxPerRow(maxPerRow) {
        this.internal.maxPerRow = maxPerRow;
        return this;
    }
    // The maximum number of data points that the panel queries are retrieving.
    maxDataPoints(maxDataPoints) {
        this.internal.maxDataPoints = maxDataPoints;
        return this;
    }
    // List of transformations that are applied to the panel data before rendering.
    // When there are multiple transformations, Grafana applies them in the order they are listed.
    // Each transformation creates a result set that then passes on to the next transformation in the processing pipeline.
    transformations(transformations) {
        this.internal.transformations = transformations;
        return this;
    }
    // List of transformations that are applied to the panel data before rendering.
    // When there are multiple transformations, Grafana applies them in the order they are listed.
    // Each transformation creates a result set that then passes on to the next transformation in the processing pipeline.
    withTransformation(transformation) {
        if (!this.internal.transformations) {
            this.internal.transformations = [];
        }
        this.internal.transformations.push(transformation);
        return this;
    }
    // The min time interval setting defines a lower limit for the $__interval and $__interval_ms variables.
    // This value must be formatted as a number followed by a valid time
    // identifier like: "40s", "3d", etc.
    // See: https://grafana.com/docs/grafana/latest/panels-visualizations/query-transform-data/#query-options
    interval(interval) {
        this.internal.interval = interval;
        return this;
    }
    // Overrides the relative time range for individual panels,
    // which causes them to be different than what is selected in
    // the dashboard time picker in the top-right corner of the dashboard. You can use this to show metrics from different
    // time periods or days on the same dashboard.
    // The value is formatted as time operation like: `now-5m` (Last 5 minutes), `now/d` (the day so far),
    // `now-5d/d`(Last 5 days), `now/w` (This week so far), `now-2y/y` (Last 2 years).
    // Note: Panel time overrides have no effect when the dashboard’s time range is absolute.
    // See: https://grafana.com/docs/grafana/latest/panels-visualizations/query-transform-data/#query-options
    timeFrom(timeFrom) {
        this.internal.timeFrom = timeFrom;
        return this;
    }
    // Overrides the time range for individual panels by shifting its start and end relative to the time picker.
    // For example, you can shift the time range for the panel to be two hours earlier than the dashboard time picker setting `2h`.
    // Note: Panel time overrides have no effect when the dashboard’s time range is absolute.
    // See: https://grafana.com/docs/grafana/latest/panels-visualizations/query-transform-data/#query-options
    timeShift(timeShift) {
        this.internal.timeShift = timeShift;
        return this;
    }
    // Controls if the timeFrom or timeShift overrides are shown in the panel header
    hideTimeOverride(hideTimeOverride) {
        this.internal.hideTimeOverride = hideTimeOverride;
        return this;
    }
    // Compare the current time range with a previous period
    // For example "1d" to compare current period but shifted back 1 day
    timeCompare(timeCompare) {
        this.internal.timeCompare = timeCompare;
        return this;
    }
    // Dynamically load the panel
    libraryPanel(libraryPanel) {
        this.internal.libraryPanel = libraryPanel;
        return this;
    }
    // Sets panel queries cache timeout.
    cacheTimeout(cacheTimeout) {
        this.internal.cacheTimeout = cacheTimeout;
        return this;
    }
    // Overrides the data source configured time-to-live for a query cache item in milliseconds
    queryCachingTTL(queryCachingTTL) {
        this.internal.queryCachingTTL = queryCachingTTL;
        return this;
    }
    // The display value for this field.  This supports template variables blank is auto
    displayName(displayName) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.displayName = displayName;
        return this;
    }
    // Unit a field should use. The unit you select is applied to all fields except time.
    // You can use the units ID availables in Grafana or a custom unit.
    // Available units in Grafana: https://github.com/grafana/grafana/blob/main/packages/grafana-data/src/valueFormats/categories.ts
    // As custom unit, you can use the following formats:
    // `suffix:<suffix>` for custom unit that should go after value.
    // `prefix:<prefix>` for custom unit that should go before value.
    // `time:<format>` For custom date time formats type for example `time:YYYY-MM-DD`.
    // `si:<base scale><unit characters>` for custom SI units. For example: `si: mF`. This one is a bit more advanced as you can specify both a unit and the source data scale. So if your source data is represented as milli (thousands of) something prefix the unit with that SI scale character.
    // `count:<unit>` for a custom count unit.
    // `currency:<unit>` for custom a currency unit.
    unit(unit) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.unit = unit;
        return this;
    }
    // Specify the number of decimals Grafana includes in the rendered value.
    // If you leave this field blank, Grafana automatically truncates the number of decimals based on the value.
    // For example 1.1234 will display as 1.12 and 100.456 will display as 100.
    // To display all decimals, set the unit to `String`.
    decimals(decimals) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.decimals = decimals;
        return this;
    }
    // The minimum value used in percentage threshold calculations. Leave blank for auto calculation based on all series and fields.
    min(min) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.min = min;
        return this;
    }
    // The maximum value used in percentage threshold calculations. Leave blank for auto calculation based on all series and fields.
    max(max) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.max = max;
        return this;
    }
    // Convert input values into a display string
    mappings(mappings) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.mappings = mappings;
        return this;
    }
    // Map numeric values to states
    thresholds(thresholds) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        const thresholdsResource = thresholds.build();
        this.internal.fieldConfig.defaults.thresholds = thresholdsResource;
        return this;
    }
    // Panel color configuration
    colorScheme(color) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        const colorResource = color.build();
        this.internal.fieldConfig.defaults.color = colorResource;
        return this;
    }
    // The behavior when clicking on a result
    dataLinks(links) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        const linksResources = links.map(builder1 => builder1.build());
        this.internal.fieldConfig.defaults.links = linksResources;
        return this;
    }
    // Define interactive HTTP requests that can be triggered from data visualizations.
    actions(actions) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        const actionsResources = actions.map(builder1 => builder1.build());
        this.internal.fieldConfig.defaults.actions = actionsResources;
        return this;
    }
    // Alternative to empty string
    noValue(noValue) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.noValue = noValue;
        return this;
    }
    fieldMinMax(fieldMinMax) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.fieldMinMax = fieldMinMax;
        return this;
    }
    // Overrides are the options applied to specific fields overriding the defaults.
    overrides(overrides) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        this.internal.fieldConfig.overrides = overrides;
        return this;
    }
    // Overrides are the options applied to specific fields overriding the defaults.
    withOverride(override) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.overrides) {
            this.internal.fieldConfig.overrides = [];
        }
        this.internal.fieldConfig.overrides.push(override);
        return this;
    }
    // Adds override rules for a specific field, referred to by its name.
    overrideByName(name, properties) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.overrides) {
            this.internal.fieldConfig.overrides = [];
        }
        this.internal.fieldConfig.overrides.push({
            matcher: {
                id: "byName",
                options: name,
            },
            properties: properties,
        });
        return this;
    }
    // Adds override rules for the fields whose name match the given regexp.
    overrideByRegexp(regexp, properties) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.overrides) {
            this.internal.fieldConfig.overrides = [];
        }
        this.internal.fieldConfig.overrides.push({
            matcher: {
                id: "byRegexp",
                options: regexp,
            },
            properties: properties,
        });
        return this;
    }
    // Adds override rules for all the fields of the given type.
    overrideByFieldType(fieldType, properties) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.overrides) {
            this.internal.fieldConfig.overrides = [];
        }
        this.internal.fieldConfig.overrides.push({
            matcher: {
                id: "byType",
                options: fieldType,
            },
            properties: properties,
        });
        return this;
    }
    overrideByQuery(queryRefId, properties) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.overrides) {
            this.internal.fieldConfig.overrides = [];
        }
        this.internal.fieldConfig.overrides.push({
            matcher: {
                id: "byFrameRefID",
                options: queryRefId,
            },
            properties: properties,
        });
        return this;
    }
    timezone(timezone) {
        if (!this.internal.options) {
            this.internal.options = timeseries.defaultOptions();
        }
        this.internal.options.timezone = timezone;
        return this;
    }
    legend(legend) {
        if (!this.internal.options) {
            this.internal.options = timeseries.defaultOptions();
        }
        const legendResource = legend.build();
        this.internal.options.legend = legendResource;
        return this;
    }
    tooltip(tooltip) {
        if (!this.internal.options) {
            this.internal.options = timeseries.defaultOptions();
        }
        const tooltipResource = tooltip.build();
        this.internal.options.tooltip = tooltipResource;
        return this;
    }
    orientation(orientation) {
        if (!this.internal.options) {
            this.internal.options = timeseries.defaultOptions();
        }
        this.internal.options.orientation = orientation;
        return this;
    }
    drawStyle(drawStyle) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom.drawStyle = drawStyle;
        return this;
    }
    gradientMode(gradientMode) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom.gradientMode = gradientMode;
        return this;
    }
    thresholdsStyle(thresholdsStyle) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        const thresholdsStyleResource = thresholdsStyle.build();
        this.internal.fieldConfig.defaults.custom.thresholdsStyle = thresholdsStyleResource;
        return this;
    }
    transform(transform) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom.transform = transform;
        return this;
    }
    lineColor(lineColor) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom.lineColor = lineColor;
        return this;
    }
    lineWidth(lineWidth) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom.lineWidth = lineWidth;
        return this;
    }
    lineInterpolation(lineInterpolation) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom.lineInterpolation = lineInterpolation;
        return this;
    }
    lineStyle(lineStyle) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        const lineStyleResource = lineStyle.build();
        this.internal.fieldConfig.defaults.custom.lineStyle = lineStyleResource;
        return this;
    }
    fillColor(fillColor) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom.fillColor = fillColor;
        return this;
    }
    fillOpacity(fillOpacity) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom.fillOpacity = fillOpacity;
        return this;
    }
    showPoints(showPoints) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom.showPoints = showPoints;
        return this;
    }
    pointSize(pointSize) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom.pointSize = pointSize;
        return this;
    }
    pointColor(pointColor) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom.pointColor = pointColor;
        return this;
    }
    axisPlacement(axisPlacement) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom.axisPlacement = axisPlacement;
        return this;
    }
    axisColorMode(axisColorMode) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom.axisColorMode = axisColorMode;
        return this;
    }
    axisLabel(axisLabel) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom.axisLabel = axisLabel;
        return this;
    }
    axisWidth(axisWidth) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom.axisWidth = axisWidth;
        return this;
    }
    axisSoftMin(axisSoftMin) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom.axisSoftMin = axisSoftMin;
        return this;
    }
    axisSoftMax(axisSoftMax) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom.axisSoftMax = axisSoftMax;
        return this;
    }
    axisGridShow(axisGridShow) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom.axisGridShow = axisGridShow;
        return this;
    }
    scaleDistribution(scaleDistribution) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        const scaleDistributionResource = scaleDistribution.build();
        this.internal.fieldConfig.defaults.custom.scaleDistribution = scaleDistributionResource;
        return this;
    }
    axisCenteredZero(axisCenteredZero) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom.axisCenteredZero = axisCenteredZero;
        return this;
    }
    barAlignment(barAlignment) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom.barAlignment = barAlignment;
        return this;
    }
    barWidthFactor(barWidthFactor) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom.barWidthFactor = barWidthFactor;
        return this;
    }
    stacking(stacking) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        const stackingResource = stacking.build();
        this.internal.fieldConfig.defaults.custom.stacking = stackingResource;
        return this;
    }
    hideFrom(hideFrom) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        const hideFromResource = hideFrom.build();
        this.internal.fieldConfig.defaults.custom.hideFrom = hideFromResource;
        return this;
    }
    insertNulls(insertNulls) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom.insertNulls = insertNulls;
        return this;
    }
    // Indicate if null values should be treated as gaps or connected.
    // When the value is a number, it represents the maximum delta in the
    // X axis that should be considered connected.  For timeseries, this is milliseconds
    spanNulls(spanNulls) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom.spanNulls = spanNulls;
        return this;
    }
    fillBelowTo(fillBelowTo) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom.fillBelowTo = fillBelowTo;
        return this;
    }
    pointSymbol(pointSymbol) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom.pointSymbol = pointSymbol;
        return this;
    }
    axisBorderShow(axisBorderShow) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom.axisBorderShow = axisBorderShow;
        return this;
    }
    barMaxWidth(barMaxWidth) {
        if (!this.internal.fieldConfig) {
            this.internal.fieldConfig = dashboard.defaultFieldConfigSource();
        }
        if (!this.internal.fieldConfig.defaults) {
            this.internal.fieldConfig.defaults = dashboard.defaultFieldConfig();
        }
        if (!this.internal.fieldConfig.defaults.custom) {
            this.internal.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.fieldConfig.defaults.custom.barMaxWidth = barMaxWidth;
        return this;
    }
}
exports.PanelBuilder = PanelBuilder;
//# sourceMappingURL=panelBuilder.gen.js.map

/***/ }),

/***/ 693:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.defaultFieldConfig = exports.defaultOptions = void 0;
const tslib_1 = __webpack_require__(1860);
const common = tslib_1.__importStar(__webpack_require__(9425));
const defaultOptions = () => ({
    legend: { displayMode: common.LegendDisplayMode.List, placement: common.LegendPlacement.Bottom, showLegend: false, calcs: [], },
    tooltip: common.defaultVizTooltipOptions(),
});
exports.defaultOptions = defaultOptions;
const defaultFieldConfig = () => (common.defaultGraphFieldConfig());
exports.defaultFieldConfig = defaultFieldConfig;
//# sourceMappingURL=types.gen.js.map

/***/ }),

/***/ 6969:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.VisualizationBuilder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2beta1 = tslib_1.__importStar(__webpack_require__(8069));
const timeseries = tslib_1.__importStar(__webpack_require__(676));
class VisualizationBuilder {
    constructor() {
        this.internal = dashboardv2beta1.defaultVizConfigKind();
        this.internal.kind = "VizConfig";
        this.internal.group = "timeseries";
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        this.internal.spec.options = timeseries.defaultOptions();
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // The display value for this field.  This supports template variables blank is auto
    displayName(displayName) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.displayName = displayName;
        return this;
    }
    // This can be used by data sources that return and explicit naming structure for values and labels
    // When this property is configured, this value is used rather than the default naming strategy.
    displayNameFromDS(displayNameFromDS) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.displayNameFromDS = displayNameFromDS;
        return this;
    }
    // Human readable field metadata
    description(description) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.description = description;
        return this;
    }
    // An explicit path to the field in the datasource.  When the frame meta includes a path,
    // This will default to `${frame.meta.path}/${field.name}
    // 
    // When defined, this value can be used as an identifier within the datasource scope, and
    // may be used to update the results
    path(path) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.path = path;
        return this;
    }
    // Unit a field should use. The unit you select is applied to all fields except time.
    // You can use the units ID available in Grafana or a custom unit.
    // Available units in Grafana: https://github.com/grafana/grafana/blob/main/packages/grafana-data/src/valueFormats/categories.ts
    // As custom unit, you can use the following formats:
    // `suffix:<suffix>` for custom unit that should go after value.
    // `prefix:<prefix>` for custom unit that should go before value.
    // `time:<format>` For custom date time formats type for example `time:YYYY-MM-DD`.
    // `si:<base scale><unit characters>` for custom SI units. For example: `si: mF`. This one is a bit more advanced as you can specify both a unit and the source data scale. So if your source data is represented as milli (thousands of) something prefix the unit with that SI scale character.
    // `count:<unit>` for a custom count unit.
    // `currency:<unit>` for custom a currency unit.
    unit(unit) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.unit = unit;
        return this;
    }
    // Specify the number of decimals Grafana includes in the rendered value.
    // If you leave this field blank, Grafana automatically truncates the number of decimals based on the value.
    // For example 1.1234 will display as 1.12 and 100.456 will display as 100.
    // To display all decimals, set the unit to `String`.
    decimals(decimals) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.decimals = decimals;
        return this;
    }
    // The minimum value used in percentage threshold calculations. Leave blank for auto calculation based on all series and fields.
    min(min) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.min = min;
        return this;
    }
    // The maximum value used in percentage threshold calculations. Leave blank for auto calculation based on all series and fields.
    max(max) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.max = max;
        return this;
    }
    // Convert input values into a display string
    mappings(mappings) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.mappings = mappings;
        return this;
    }
    // Map numeric values to states
    thresholds(thresholds) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        const thresholdsResource = thresholds.build();
        this.internal.spec.fieldConfig.defaults.thresholds = thresholdsResource;
        return this;
    }
    // Panel color configuration
    colorScheme(color) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        const colorResource = color.build();
        this.internal.spec.fieldConfig.defaults.color = colorResource;
        return this;
    }
    // The behavior when clicking on a result
    dataLinks(links) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.links = links;
        return this;
    }
    // Define interactive HTTP requests that can be triggered from data visualizations.
    actions(actions) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        const actionsResources = actions.map(builder1 => builder1.build());
        this.internal.spec.fieldConfig.defaults.actions = actionsResources;
        return this;
    }
    // Alternative to empty string
    noValue(noValue) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.noValue = noValue;
        return this;
    }
    // Calculate min max per field
    fieldMinMax(fieldMinMax) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.fieldMinMax = fieldMinMax;
        return this;
    }
    // How null values should be handled when calculating field stats
    // "null" - Include null values, "connected" - Ignore nulls, "null as zero" - Treat nulls as zero
    nullValueMode(nullValueMode) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.nullValueMode = nullValueMode;
        return this;
    }
    // Overrides are the options applied to specific fields overriding the defaults.
    overrides(overrides) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        this.internal.spec.fieldConfig.overrides = overrides;
        return this;
    }
    // Overrides are the options applied to specific fields overriding the defaults.
    override(override) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push(override);
        return this;
    }
    timezone(timezone) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = timeseries.defaultOptions();
        }
        this.internal.spec.options.timezone = timezone;
        return this;
    }
    legend(legend) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = timeseries.defaultOptions();
        }
        const legendResource = legend.build();
        this.internal.spec.options.legend = legendResource;
        return this;
    }
    tooltip(tooltip) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = timeseries.defaultOptions();
        }
        const tooltipResource = tooltip.build();
        this.internal.spec.options.tooltip = tooltipResource;
        return this;
    }
    orientation(orientation) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = timeseries.defaultOptions();
        }
        this.internal.spec.options.orientation = orientation;
        return this;
    }
    drawStyle(drawStyle) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.drawStyle = drawStyle;
        return this;
    }
    gradientMode(gradientMode) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.gradientMode = gradientMode;
        return this;
    }
    thresholdsStyle(thresholdsStyle) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        const thresholdsStyleResource = thresholdsStyle.build();
        this.internal.spec.fieldConfig.defaults.custom.thresholdsStyle = thresholdsStyleResource;
        return this;
    }
    transform(transform) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.transform = transform;
        return this;
    }
    lineColor(lineColor) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.lineColor = lineColor;
        return this;
    }
    lineWidth(lineWidth) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.lineWidth = lineWidth;
        return this;
    }
    lineInterpolation(lineInterpolation) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.lineInterpolation = lineInterpolation;
        return this;
    }
    lineStyle(lineStyle) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        const lineStyleResource = lineStyle.build();
        this.internal.spec.fieldConfig.defaults.custom.lineStyle = lineStyleResource;
        return this;
    }
    fillColor(fillColor) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.fillColor = fillColor;
        return this;
    }
    fillOpacity(fillOpacity) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.fillOpacity = fillOpacity;
        return this;
    }
    showPoints(showPoints) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.showPoints = showPoints;
        return this;
    }
    pointSize(pointSize) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.pointSize = pointSize;
        return this;
    }
    pointColor(pointColor) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.pointColor = pointColor;
        return this;
    }
    axisPlacement(axisPlacement) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.axisPlacement = axisPlacement;
        return this;
    }
    axisColorMode(axisColorMode) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.axisColorMode = axisColorMode;
        return this;
    }
    axisLabel(axisLabel) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.axisLabel = axisLabel;
        return this;
    }
    axisWidth(axisWidth) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.axisWidth = axisWidth;
        return this;
    }
    axisSoftMin(axisSoftMin) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.axisSoftMin = axisSoftMin;
        return this;
    }
    axisSoftMax(axisSoftMax) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.axisSoftMax = axisSoftMax;
        return this;
    }
    axisGridShow(axisGridShow) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.axisGridShow = axisGridShow;
        return this;
    }
    scaleDistribution(scaleDistribution) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        const scaleDistributionResource = scaleDistribution.build();
        this.internal.spec.fieldConfig.defaults.custom.scaleDistribution = scaleDistributionResource;
        return this;
    }
    axisCenteredZero(axisCenteredZero) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.axisCenteredZero = axisCenteredZero;
        return this;
    }
    barAlignment(barAlignment) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.barAlignment = barAlignment;
        return this;
    }
    barWidthFactor(barWidthFactor) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.barWidthFactor = barWidthFactor;
        return this;
    }
    stacking(stacking) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        const stackingResource = stacking.build();
        this.internal.spec.fieldConfig.defaults.custom.stacking = stackingResource;
        return this;
    }
    hideFrom(hideFrom) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        const hideFromResource = hideFrom.build();
        this.internal.spec.fieldConfig.defaults.custom.hideFrom = hideFromResource;
        return this;
    }
    insertNulls(insertNulls) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.insertNulls = insertNulls;
        return this;
    }
    // Indicate if null values should be treated as gaps or connected.
    // When the value is a number, it represents the maximum delta in the
    // X axis that should be considered connected.  For timeseries, this is milliseconds
    spanNulls(spanNulls) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.spanNulls = spanNulls;
        return this;
    }
    fillBelowTo(fillBelowTo) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.fillBelowTo = fillBelowTo;
        return this;
    }
    pointSymbol(pointSymbol) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.pointSymbol = pointSymbol;
        return this;
    }
    axisBorderShow(axisBorderShow) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.axisBorderShow = axisBorderShow;
        return this;
    }
    barMaxWidth(barMaxWidth) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2beta1.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.barMaxWidth = barMaxWidth;
        return this;
    }
    // Adds override rules for a specific field, referred to by its name.
    overrideByName(name, properties) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push({
            matcher: {
                id: "byName",
                options: name,
            },
            properties: properties,
        });
        return this;
    }
    // Adds override rules for the fields whose name match the given regexp.
    overrideByRegexp(regexp, properties) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push({
            matcher: {
                id: "byRegexp",
                options: regexp,
            },
            properties: properties,
        });
        return this;
    }
    // Adds override rules for all the fields of the given type.
    overrideByFieldType(fieldType, properties) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push({
            matcher: {
                id: "byType",
                options: fieldType,
            },
            properties: properties,
        });
        return this;
    }
    overrideByQuery(queryRefId, properties) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2beta1.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2beta1.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push({
            matcher: {
                id: "byFrameRefID",
                options: queryRefId,
            },
            properties: properties,
        });
        return this;
    }
}
exports.VisualizationBuilder = VisualizationBuilder;
//# sourceMappingURL=visualizationBuilder.gen.js.map

/***/ }),

/***/ 9429:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


// Code generated - EDITING IS FUTILE. DO NOT EDIT.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.VisualizationV2Builder = void 0;
const tslib_1 = __webpack_require__(1860);
const dashboardv2 = tslib_1.__importStar(__webpack_require__(9068));
const timeseries = tslib_1.__importStar(__webpack_require__(676));
class VisualizationV2Builder {
    constructor() {
        this.internal = dashboardv2.defaultVizConfigKind();
        this.internal.kind = "VizConfig";
        this.internal.group = "timeseries";
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        this.internal.spec.options = timeseries.defaultOptions();
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
    }
    /**
     * Builds the object.
     */
    build() {
        return this.internal;
    }
    // The display value for this field.  This supports template variables blank is auto
    displayName(displayName) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.displayName = displayName;
        return this;
    }
    // This can be used by data sources that return and explicit naming structure for values and labels
    // When this property is configured, this value is used rather than the default naming strategy.
    displayNameFromDS(displayNameFromDS) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.displayNameFromDS = displayNameFromDS;
        return this;
    }
    // Human readable field metadata
    description(description) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.description = description;
        return this;
    }
    // An explicit path to the field in the datasource.  When the frame meta includes a path,
    // This will default to `${frame.meta.path}/${field.name}
    // 
    // When defined, this value can be used as an identifier within the datasource scope, and
    // may be used to update the results
    path(path) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.path = path;
        return this;
    }
    // Unit a field should use. The unit you select is applied to all fields except time.
    // You can use the units ID available in Grafana or a custom unit.
    // Available units in Grafana: https://github.com/grafana/grafana/blob/main/packages/grafana-data/src/valueFormats/categories.ts
    // As custom unit, you can use the following formats:
    // `suffix:<suffix>` for custom unit that should go after value.
    // `prefix:<prefix>` for custom unit that should go before value.
    // `time:<format>` For custom date time formats type for example `time:YYYY-MM-DD`.
    // `si:<base scale><unit characters>` for custom SI units. For example: `si: mF`. This one is a bit more advanced as you can specify both a unit and the source data scale. So if your source data is represented as milli (thousands of) something prefix the unit with that SI scale character.
    // `count:<unit>` for a custom count unit.
    // `currency:<unit>` for custom a currency unit.
    unit(unit) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.unit = unit;
        return this;
    }
    // Specify the number of decimals Grafana includes in the rendered value.
    // If you leave this field blank, Grafana automatically truncates the number of decimals based on the value.
    // For example 1.1234 will display as 1.12 and 100.456 will display as 100.
    // To display all decimals, set the unit to `String`.
    decimals(decimals) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.decimals = decimals;
        return this;
    }
    // The minimum value used in percentage threshold calculations. Leave blank for auto calculation based on all series and fields.
    min(min) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.min = min;
        return this;
    }
    // The maximum value used in percentage threshold calculations. Leave blank for auto calculation based on all series and fields.
    max(max) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.max = max;
        return this;
    }
    // Convert input values into a display string
    mappings(mappings) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.mappings = mappings;
        return this;
    }
    // Map numeric values to states
    thresholds(thresholds) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        const thresholdsResource = thresholds.build();
        this.internal.spec.fieldConfig.defaults.thresholds = thresholdsResource;
        return this;
    }
    // Panel color configuration
    colorScheme(color) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        const colorResource = color.build();
        this.internal.spec.fieldConfig.defaults.color = colorResource;
        return this;
    }
    // The behavior when clicking on a result
    dataLinks(links) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.links = links;
        return this;
    }
    // Define interactive HTTP requests that can be triggered from data visualizations.
    actions(actions) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        const actionsResources = actions.map(builder1 => builder1.build());
        this.internal.spec.fieldConfig.defaults.actions = actionsResources;
        return this;
    }
    // Alternative to empty string
    noValue(noValue) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.noValue = noValue;
        return this;
    }
    // Calculate min max per field
    fieldMinMax(fieldMinMax) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.fieldMinMax = fieldMinMax;
        return this;
    }
    // How null values should be handled when calculating field stats
    // "null" - Include null values, "connected" - Ignore nulls, "null as zero" - Treat nulls as zero
    nullValueMode(nullValueMode) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.nullValueMode = nullValueMode;
        return this;
    }
    // Overrides are the options applied to specific fields overriding the defaults.
    overrides(overrides) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        this.internal.spec.fieldConfig.overrides = overrides;
        return this;
    }
    // Overrides are the options applied to specific fields overriding the defaults.
    override(override) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push(override);
        return this;
    }
    timezone(timezone) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = timeseries.defaultOptions();
        }
        this.internal.spec.options.timezone = timezone;
        return this;
    }
    legend(legend) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = timeseries.defaultOptions();
        }
        const legendResource = legend.build();
        this.internal.spec.options.legend = legendResource;
        return this;
    }
    tooltip(tooltip) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = timeseries.defaultOptions();
        }
        const tooltipResource = tooltip.build();
        this.internal.spec.options.tooltip = tooltipResource;
        return this;
    }
    orientation(orientation) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.options) {
            this.internal.spec.options = timeseries.defaultOptions();
        }
        this.internal.spec.options.orientation = orientation;
        return this;
    }
    drawStyle(drawStyle) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.drawStyle = drawStyle;
        return this;
    }
    gradientMode(gradientMode) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.gradientMode = gradientMode;
        return this;
    }
    thresholdsStyle(thresholdsStyle) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        const thresholdsStyleResource = thresholdsStyle.build();
        this.internal.spec.fieldConfig.defaults.custom.thresholdsStyle = thresholdsStyleResource;
        return this;
    }
    transform(transform) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.transform = transform;
        return this;
    }
    lineColor(lineColor) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.lineColor = lineColor;
        return this;
    }
    lineWidth(lineWidth) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.lineWidth = lineWidth;
        return this;
    }
    lineInterpolation(lineInterpolation) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.lineInterpolation = lineInterpolation;
        return this;
    }
    lineStyle(lineStyle) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        const lineStyleResource = lineStyle.build();
        this.internal.spec.fieldConfig.defaults.custom.lineStyle = lineStyleResource;
        return this;
    }
    fillColor(fillColor) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.fillColor = fillColor;
        return this;
    }
    fillOpacity(fillOpacity) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.fillOpacity = fillOpacity;
        return this;
    }
    showPoints(showPoints) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.showPoints = showPoints;
        return this;
    }
    pointSize(pointSize) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.pointSize = pointSize;
        return this;
    }
    pointColor(pointColor) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.pointColor = pointColor;
        return this;
    }
    axisPlacement(axisPlacement) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.axisPlacement = axisPlacement;
        return this;
    }
    axisColorMode(axisColorMode) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.axisColorMode = axisColorMode;
        return this;
    }
    axisLabel(axisLabel) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.axisLabel = axisLabel;
        return this;
    }
    axisWidth(axisWidth) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.axisWidth = axisWidth;
        return this;
    }
    axisSoftMin(axisSoftMin) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.axisSoftMin = axisSoftMin;
        return this;
    }
    axisSoftMax(axisSoftMax) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.axisSoftMax = axisSoftMax;
        return this;
    }
    axisGridShow(axisGridShow) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.axisGridShow = axisGridShow;
        return this;
    }
    scaleDistribution(scaleDistribution) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        const scaleDistributionResource = scaleDistribution.build();
        this.internal.spec.fieldConfig.defaults.custom.scaleDistribution = scaleDistributionResource;
        return this;
    }
    axisCenteredZero(axisCenteredZero) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.axisCenteredZero = axisCenteredZero;
        return this;
    }
    barAlignment(barAlignment) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.barAlignment = barAlignment;
        return this;
    }
    barWidthFactor(barWidthFactor) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.barWidthFactor = barWidthFactor;
        return this;
    }
    stacking(stacking) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        const stackingResource = stacking.build();
        this.internal.spec.fieldConfig.defaults.custom.stacking = stackingResource;
        return this;
    }
    hideFrom(hideFrom) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        const hideFromResource = hideFrom.build();
        this.internal.spec.fieldConfig.defaults.custom.hideFrom = hideFromResource;
        return this;
    }
    insertNulls(insertNulls) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.insertNulls = insertNulls;
        return this;
    }
    // Indicate if null values should be treated as gaps or connected.
    // When the value is a number, it represents the maximum delta in the
    // X axis that should be considered connected.  For timeseries, this is milliseconds
    spanNulls(spanNulls) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.spanNulls = spanNulls;
        return this;
    }
    fillBelowTo(fillBelowTo) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.fillBelowTo = fillBelowTo;
        return this;
    }
    pointSymbol(pointSymbol) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.pointSymbol = pointSymbol;
        return this;
    }
    axisBorderShow(axisBorderShow) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.axisBorderShow = axisBorderShow;
        return this;
    }
    barMaxWidth(barMaxWidth) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.defaults) {
            this.internal.spec.fieldConfig.defaults = dashboardv2.defaultFieldConfig();
        }
        if (!this.internal.spec.fieldConfig.defaults.custom) {
            this.internal.spec.fieldConfig.defaults.custom = timeseries.defaultFieldConfig();
        }
        this.internal.spec.fieldConfig.defaults.custom.barMaxWidth = barMaxWidth;
        return this;
    }
    // Adds override rules for a specific field, referred to by its name.
    overrideByName(name, properties) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push({
            matcher: {
                id: "byName",
                options: name,
            },
            properties: properties,
        });
        return this;
    }
    // Adds override rules for the fields whose name match the given regexp.
    overrideByRegexp(regexp, properties) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push({
            matcher: {
                id: "byRegexp",
                options: regexp,
            },
            properties: properties,
        });
        return this;
    }
    // Adds override rules for all the fields of the given type.
    overrideByFieldType(fieldType, properties) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push({
            matcher: {
                id: "byType",
                options: fieldType,
            },
            properties: properties,
        });
        return this;
    }
    overrideByQuery(queryRefId, properties) {
        if (!this.internal.spec) {
            this.internal.spec = dashboardv2.defaultVizConfigSpec();
        }
        if (!this.internal.spec.fieldConfig) {
            this.internal.spec.fieldConfig = dashboardv2.defaultFieldConfigSource();
        }
        if (!this.internal.spec.fieldConfig.overrides) {
            this.internal.spec.fieldConfig.overrides = [];
        }
        this.internal.spec.fieldConfig.overrides.push({
            matcher: {
                id: "byFrameRefID",
                options: queryRefId,
            },
            properties: properties,
        });
        return this;
    }
}
exports.VisualizationV2Builder = VisualizationV2Builder;
//# sourceMappingURL=visualizationV2Builder.gen.js.map

/***/ }),

/***/ 1860:
/***/ ((module) => {

/******************************************************************************
Copyright (c) Microsoft Corporation.

Permission to use, copy, modify, and/or distribute this software for any
purpose with or without fee is hereby granted.

THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES WITH
REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF MERCHANTABILITY
AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR ANY SPECIAL, DIRECT,
INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES WHATSOEVER RESULTING FROM
LOSS OF USE, DATA OR PROFITS, WHETHER IN AN ACTION OF CONTRACT, NEGLIGENCE OR
OTHER TORTIOUS ACTION, ARISING OUT OF OR IN CONNECTION WITH THE USE OR
PERFORMANCE OF THIS SOFTWARE.
***************************************************************************** */
/* global global, define, Symbol, Reflect, Promise, SuppressedError, Iterator */
var __extends;
var __assign;
var __rest;
var __decorate;
var __param;
var __esDecorate;
var __runInitializers;
var __propKey;
var __setFunctionName;
var __metadata;
var __awaiter;
var __generator;
var __exportStar;
var __values;
var __read;
var __spread;
var __spreadArrays;
var __spreadArray;
var __await;
var __asyncGenerator;
var __asyncDelegator;
var __asyncValues;
var __makeTemplateObject;
var __importStar;
var __importDefault;
var __classPrivateFieldGet;
var __classPrivateFieldSet;
var __classPrivateFieldIn;
var __createBinding;
var __addDisposableResource;
var __disposeResources;
var __rewriteRelativeImportExtension;
(function (factory) {
    var root = typeof global === "object" ? global : typeof self === "object" ? self : typeof this === "object" ? this : {};
    if (typeof define === "function" && define.amd) {
        define("tslib", ["exports"], function (exports) { factory(createExporter(root, createExporter(exports))); });
    }
    else if ( true && typeof module.exports === "object") {
        factory(createExporter(root, createExporter(module.exports)));
    }
    else {
        factory(createExporter(root));
    }
    function createExporter(exports, previous) {
        if (exports !== root) {
            if (typeof Object.create === "function") {
                Object.defineProperty(exports, "__esModule", { value: true });
            }
            else {
                exports.__esModule = true;
            }
        }
        return function (id, v) { return exports[id] = previous ? previous(id, v) : v; };
    }
})
(function (exporter) {
    var extendStatics = Object.setPrototypeOf ||
        ({ __proto__: [] } instanceof Array && function (d, b) { d.__proto__ = b; }) ||
        function (d, b) { for (var p in b) if (Object.prototype.hasOwnProperty.call(b, p)) d[p] = b[p]; };

    __extends = function (d, b) {
        if (typeof b !== "function" && b !== null)
            throw new TypeError("Class extends value " + String(b) + " is not a constructor or null");
        extendStatics(d, b);
        function __() { this.constructor = d; }
        d.prototype = b === null ? Object.create(b) : (__.prototype = b.prototype, new __());
    };

    __assign = Object.assign || function (t) {
        for (var s, i = 1, n = arguments.length; i < n; i++) {
            s = arguments[i];
            for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p)) t[p] = s[p];
        }
        return t;
    };

    __rest = function (s, e) {
        var t = {};
        for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p) && e.indexOf(p) < 0)
            t[p] = s[p];
        if (s != null && typeof Object.getOwnPropertySymbols === "function")
            for (var i = 0, p = Object.getOwnPropertySymbols(s); i < p.length; i++) {
                if (e.indexOf(p[i]) < 0 && Object.prototype.propertyIsEnumerable.call(s, p[i]))
                    t[p[i]] = s[p[i]];
            }
        return t;
    };

    __decorate = function (decorators, target, key, desc) {
        var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
        if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
        else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
        return c > 3 && r && Object.defineProperty(target, key, r), r;
    };

    __param = function (paramIndex, decorator) {
        return function (target, key) { decorator(target, key, paramIndex); }
    };

    __esDecorate = function (ctor, descriptorIn, decorators, contextIn, initializers, extraInitializers) {
        function accept(f) { if (f !== void 0 && typeof f !== "function") throw new TypeError("Function expected"); return f; }
        var kind = contextIn.kind, key = kind === "getter" ? "get" : kind === "setter" ? "set" : "value";
        var target = !descriptorIn && ctor ? contextIn["static"] ? ctor : ctor.prototype : null;
        var descriptor = descriptorIn || (target ? Object.getOwnPropertyDescriptor(target, contextIn.name) : {});
        var _, done = false;
        for (var i = decorators.length - 1; i >= 0; i--) {
            var context = {};
            for (var p in contextIn) context[p] = p === "access" ? {} : contextIn[p];
            for (var p in contextIn.access) context.access[p] = contextIn.access[p];
            context.addInitializer = function (f) { if (done) throw new TypeError("Cannot add initializers after decoration has completed"); extraInitializers.push(accept(f || null)); };
            var result = (0, decorators[i])(kind === "accessor" ? { get: descriptor.get, set: descriptor.set } : descriptor[key], context);
            if (kind === "accessor") {
                if (result === void 0) continue;
                if (result === null || typeof result !== "object") throw new TypeError("Object expected");
                if (_ = accept(result.get)) descriptor.get = _;
                if (_ = accept(result.set)) descriptor.set = _;
                if (_ = accept(result.init)) initializers.unshift(_);
            }
            else if (_ = accept(result)) {
                if (kind === "field") initializers.unshift(_);
                else descriptor[key] = _;
            }
        }
        if (target) Object.defineProperty(target, contextIn.name, descriptor);
        done = true;
    };

    __runInitializers = function (thisArg, initializers, value) {
        var useValue = arguments.length > 2;
        for (var i = 0; i < initializers.length; i++) {
            value = useValue ? initializers[i].call(thisArg, value) : initializers[i].call(thisArg);
        }
        return useValue ? value : void 0;
    };

    __propKey = function (x) {
        return typeof x === "symbol" ? x : "".concat(x);
    };

    __setFunctionName = function (f, name, prefix) {
        if (typeof name === "symbol") name = name.description ? "[".concat(name.description, "]") : "";
        return Object.defineProperty(f, "name", { configurable: true, value: prefix ? "".concat(prefix, " ", name) : name });
    };

    __metadata = function (metadataKey, metadataValue) {
        if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(metadataKey, metadataValue);
    };

    __awaiter = function (thisArg, _arguments, P, generator) {
        function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
        return new (P || (P = Promise))(function (resolve, reject) {
            function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
            function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
            function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
            step((generator = generator.apply(thisArg, _arguments || [])).next());
        });
    };

    __generator = function (thisArg, body) {
        var _ = { label: 0, sent: function() { if (t[0] & 1) throw t[1]; return t[1]; }, trys: [], ops: [] }, f, y, t, g = Object.create((typeof Iterator === "function" ? Iterator : Object).prototype);
        return g.next = verb(0), g["throw"] = verb(1), g["return"] = verb(2), typeof Symbol === "function" && (g[Symbol.iterator] = function() { return this; }), g;
        function verb(n) { return function (v) { return step([n, v]); }; }
        function step(op) {
            if (f) throw new TypeError("Generator is already executing.");
            while (g && (g = 0, op[0] && (_ = 0)), _) try {
                if (f = 1, y && (t = op[0] & 2 ? y["return"] : op[0] ? y["throw"] || ((t = y["return"]) && t.call(y), 0) : y.next) && !(t = t.call(y, op[1])).done) return t;
                if (y = 0, t) op = [op[0] & 2, t.value];
                switch (op[0]) {
                    case 0: case 1: t = op; break;
                    case 4: _.label++; return { value: op[1], done: false };
                    case 5: _.label++; y = op[1]; op = [0]; continue;
                    case 7: op = _.ops.pop(); _.trys.pop(); continue;
                    default:
                        if (!(t = _.trys, t = t.length > 0 && t[t.length - 1]) && (op[0] === 6 || op[0] === 2)) { _ = 0; continue; }
                        if (op[0] === 3 && (!t || (op[1] > t[0] && op[1] < t[3]))) { _.label = op[1]; break; }
                        if (op[0] === 6 && _.label < t[1]) { _.label = t[1]; t = op; break; }
                        if (t && _.label < t[2]) { _.label = t[2]; _.ops.push(op); break; }
                        if (t[2]) _.ops.pop();
                        _.trys.pop(); continue;
                }
                op = body.call(thisArg, _);
            } catch (e) { op = [6, e]; y = 0; } finally { f = t = 0; }
            if (op[0] & 5) throw op[1]; return { value: op[0] ? op[1] : void 0, done: true };
        }
    };

    __exportStar = function(m, o) {
        for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(o, p)) __createBinding(o, m, p);
    };

    __createBinding = Object.create ? (function(o, m, k, k2) {
        if (k2 === undefined) k2 = k;
        var desc = Object.getOwnPropertyDescriptor(m, k);
        if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
            desc = { enumerable: true, get: function() { return m[k]; } };
        }
        Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
        if (k2 === undefined) k2 = k;
        o[k2] = m[k];
    });

    __values = function (o) {
        var s = typeof Symbol === "function" && Symbol.iterator, m = s && o[s], i = 0;
        if (m) return m.call(o);
        if (o && typeof o.length === "number") return {
            next: function () {
                if (o && i >= o.length) o = void 0;
                return { value: o && o[i++], done: !o };
            }
        };
        throw new TypeError(s ? "Object is not iterable." : "Symbol.iterator is not defined.");
    };

    __read = function (o, n) {
        var m = typeof Symbol === "function" && o[Symbol.iterator];
        if (!m) return o;
        var i = m.call(o), r, ar = [], e;
        try {
            while ((n === void 0 || n-- > 0) && !(r = i.next()).done) ar.push(r.value);
        }
        catch (error) { e = { error: error }; }
        finally {
            try {
                if (r && !r.done && (m = i["return"])) m.call(i);
            }
            finally { if (e) throw e.error; }
        }
        return ar;
    };

    /** @deprecated */
    __spread = function () {
        for (var ar = [], i = 0; i < arguments.length; i++)
            ar = ar.concat(__read(arguments[i]));
        return ar;
    };

    /** @deprecated */
    __spreadArrays = function () {
        for (var s = 0, i = 0, il = arguments.length; i < il; i++) s += arguments[i].length;
        for (var r = Array(s), k = 0, i = 0; i < il; i++)
            for (var a = arguments[i], j = 0, jl = a.length; j < jl; j++, k++)
                r[k] = a[j];
        return r;
    };

    __spreadArray = function (to, from, pack) {
        if (pack || arguments.length === 2) for (var i = 0, l = from.length, ar; i < l; i++) {
            if (ar || !(i in from)) {
                if (!ar) ar = Array.prototype.slice.call(from, 0, i);
                ar[i] = from[i];
            }
        }
        return to.concat(ar || Array.prototype.slice.call(from));
    };

    __await = function (v) {
        return this instanceof __await ? (this.v = v, this) : new __await(v);
    };

    __asyncGenerator = function (thisArg, _arguments, generator) {
        if (!Symbol.asyncIterator) throw new TypeError("Symbol.asyncIterator is not defined.");
        var g = generator.apply(thisArg, _arguments || []), i, q = [];
        return i = Object.create((typeof AsyncIterator === "function" ? AsyncIterator : Object).prototype), verb("next"), verb("throw"), verb("return", awaitReturn), i[Symbol.asyncIterator] = function () { return this; }, i;
        function awaitReturn(f) { return function (v) { return Promise.resolve(v).then(f, reject); }; }
        function verb(n, f) { if (g[n]) { i[n] = function (v) { return new Promise(function (a, b) { q.push([n, v, a, b]) > 1 || resume(n, v); }); }; if (f) i[n] = f(i[n]); } }
        function resume(n, v) { try { step(g[n](v)); } catch (e) { settle(q[0][3], e); } }
        function step(r) { r.value instanceof __await ? Promise.resolve(r.value.v).then(fulfill, reject) : settle(q[0][2], r); }
        function fulfill(value) { resume("next", value); }
        function reject(value) { resume("throw", value); }
        function settle(f, v) { if (f(v), q.shift(), q.length) resume(q[0][0], q[0][1]); }
    };

    __asyncDelegator = function (o) {
        var i, p;
        return i = {}, verb("next"), verb("throw", function (e) { throw e; }), verb("return"), i[Symbol.iterator] = function () { return this; }, i;
        function verb(n, f) { i[n] = o[n] ? function (v) { return (p = !p) ? { value: __await(o[n](v)), done: false } : f ? f(v) : v; } : f; }
    };

    __asyncValues = function (o) {
        if (!Symbol.asyncIterator) throw new TypeError("Symbol.asyncIterator is not defined.");
        var m = o[Symbol.asyncIterator], i;
        return m ? m.call(o) : (o = typeof __values === "function" ? __values(o) : o[Symbol.iterator](), i = {}, verb("next"), verb("throw"), verb("return"), i[Symbol.asyncIterator] = function () { return this; }, i);
        function verb(n) { i[n] = o[n] && function (v) { return new Promise(function (resolve, reject) { v = o[n](v), settle(resolve, reject, v.done, v.value); }); }; }
        function settle(resolve, reject, d, v) { Promise.resolve(v).then(function(v) { resolve({ value: v, done: d }); }, reject); }
    };

    __makeTemplateObject = function (cooked, raw) {
        if (Object.defineProperty) { Object.defineProperty(cooked, "raw", { value: raw }); } else { cooked.raw = raw; }
        return cooked;
    };

    var __setModuleDefault = Object.create ? (function(o, v) {
        Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
        o["default"] = v;
    };

    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };

    __importStar = function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };

    __importDefault = function (mod) {
        return (mod && mod.__esModule) ? mod : { "default": mod };
    };

    __classPrivateFieldGet = function (receiver, state, kind, f) {
        if (kind === "a" && !f) throw new TypeError("Private accessor was defined without a getter");
        if (typeof state === "function" ? receiver !== state || !f : !state.has(receiver)) throw new TypeError("Cannot read private member from an object whose class did not declare it");
        return kind === "m" ? f : kind === "a" ? f.call(receiver) : f ? f.value : state.get(receiver);
    };

    __classPrivateFieldSet = function (receiver, state, value, kind, f) {
        if (kind === "m") throw new TypeError("Private method is not writable");
        if (kind === "a" && !f) throw new TypeError("Private accessor was defined without a setter");
        if (typeof state === "function" ? receiver !== state || !f : !state.has(receiver)) throw new TypeError("Cannot write private member to an object whose class did not declare it");
        return (kind === "a" ? f.call(receiver, value) : f ? f.value = value : state.set(receiver, value)), value;
    };

    __classPrivateFieldIn = function (state, receiver) {
        if (receiver === null || (typeof receiver !== "object" && typeof receiver !== "function")) throw new TypeError("Cannot use 'in' operator on non-object");
        return typeof state === "function" ? receiver === state : state.has(receiver);
    };

    __addDisposableResource = function (env, value, async) {
        if (value !== null && value !== void 0) {
            if (typeof value !== "object" && typeof value !== "function") throw new TypeError("Object expected.");
            var dispose, inner;
            if (async) {
                if (!Symbol.asyncDispose) throw new TypeError("Symbol.asyncDispose is not defined.");
                dispose = value[Symbol.asyncDispose];
            }
            if (dispose === void 0) {
                if (!Symbol.dispose) throw new TypeError("Symbol.dispose is not defined.");
                dispose = value[Symbol.dispose];
                if (async) inner = dispose;
            }
            if (typeof dispose !== "function") throw new TypeError("Object not disposable.");
            if (inner) dispose = function() { try { inner.call(this); } catch (e) { return Promise.reject(e); } };
            env.stack.push({ value: value, dispose: dispose, async: async });
        }
        else if (async) {
            env.stack.push({ async: true });
        }
        return value;
    };

    var _SuppressedError = typeof SuppressedError === "function" ? SuppressedError : function (error, suppressed, message) {
        var e = new Error(message);
        return e.name = "SuppressedError", e.error = error, e.suppressed = suppressed, e;
    };

    __disposeResources = function (env) {
        function fail(e) {
            env.error = env.hasError ? new _SuppressedError(e, env.error, "An error was suppressed during disposal.") : e;
            env.hasError = true;
        }
        var r, s = 0;
        function next() {
            while (r = env.stack.pop()) {
                try {
                    if (!r.async && s === 1) return s = 0, env.stack.push(r), Promise.resolve().then(next);
                    if (r.dispose) {
                        var result = r.dispose.call(r.value);
                        if (r.async) return s |= 2, Promise.resolve(result).then(next, function(e) { fail(e); return next(); });
                    }
                    else s |= 1;
                }
                catch (e) {
                    fail(e);
                }
            }
            if (s === 1) return env.hasError ? Promise.reject(env.error) : Promise.resolve();
            if (env.hasError) throw env.error;
        }
        return next();
    };

    __rewriteRelativeImportExtension = function (path, preserveJsx, extraExtensions, ignoreCase) {
        if (typeof path === "string" && /^\.\.?\//.test(path)) {
            if (extraExtensions) {
                for (var extension in extraExtensions) {
                    var suffix = path.slice(-extension.length);
                    if (suffix === extension || ignoreCase && suffix.toLowerCase() === extension.toLowerCase()) {
                        var output = extraExtensions[extension];
                        return output === extension ? path : path.slice(0, -extension.length) + output;
                    }
                }
            }
            return path.replace(/\.(tsx)$|((?:\.d)?)((?:\.[^./]+?)?)\.([cm]?)ts$/i, function (m, tsx, d, ext, cm) {
                return tsx ? preserveJsx ? ".jsx" : ".js" : d && (!ext || !cm) ? m : (d + ext + "." + cm.toLowerCase() + "js");
            });
        }
        return path;
    };

    exporter("__extends", __extends);
    exporter("__assign", __assign);
    exporter("__rest", __rest);
    exporter("__decorate", __decorate);
    exporter("__param", __param);
    exporter("__esDecorate", __esDecorate);
    exporter("__runInitializers", __runInitializers);
    exporter("__propKey", __propKey);
    exporter("__setFunctionName", __setFunctionName);
    exporter("__metadata", __metadata);
    exporter("__awaiter", __awaiter);
    exporter("__generator", __generator);
    exporter("__exportStar", __exportStar);
    exporter("__createBinding", __createBinding);
    exporter("__values", __values);
    exporter("__read", __read);
    exporter("__spread", __spread);
    exporter("__spreadArrays", __spreadArrays);
    exporter("__spreadArray", __spreadArray);
    exporter("__await", __await);
    exporter("__asyncGenerator", __asyncGenerator);
    exporter("__asyncDelegator", __asyncDelegator);
    exporter("__asyncValues", __asyncValues);
    exporter("__makeTemplateObject", __makeTemplateObject);
    exporter("__importStar", __importStar);
    exporter("__importDefault", __importDefault);
    exporter("__classPrivateFieldGet", __classPrivateFieldGet);
    exporter("__classPrivateFieldSet", __classPrivateFieldSet);
    exporter("__classPrivateFieldIn", __classPrivateFieldIn);
    exporter("__addDisposableResource", __addDisposableResource);
    exporter("__disposeResources", __disposeResources);
    exporter("__rewriteRelativeImportExtension", __rewriteRelativeImportExtension);
});

0 && (0);


/***/ })

};
