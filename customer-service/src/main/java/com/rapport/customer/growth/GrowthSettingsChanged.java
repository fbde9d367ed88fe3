package com.rapport.customer.growth;

/** A manager saved a new churn-risk threshold: every organisation's last computed score is judged by it again. */
record GrowthSettingsChanged(GrowthSettings before, GrowthSettings after) {
}
