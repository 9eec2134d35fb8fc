package io.kinlink.referral;

import io.kinlink.testsupport.AnswerRecordsCheck;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "referral"))
class ResponseShapesTest extends AnswerRecordsCheck {

    @Override
    protected String rootPackage() {
        return "io.kinlink.referral";
    }
}
