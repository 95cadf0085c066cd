import SluiceCore
import Testing

@testable import SluiceCompute

@Suite struct ComputeErrorTests {
    @Test func descriptionCarriesTheSparkErrorClass() {
        let error = ComputeError(.divideByZero, "Division by zero.")
        #expect(error.description == "[DIVIDE_BY_ZERO] Division by zero.")
        #expect(error.category == .taskFailed)
        #expect(ComputeError(.unsupported, "no").description == "no")
    }
}
